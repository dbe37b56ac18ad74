export interface SlotCapacity {
  tables: number;
  /** Tables not reserved for a host: the only ones a meeting without a host participant can use. */
  unreservedTables: number;
}

/**
 * Tables needed in one slot are a capacity check: all meetings fit the tables, and meetings without
 * a host fit the unreserved ones. (The exact table matching is done later per slot.)
 */
export function slotHasRoom(meetings: number, meetingsWithoutHost: number, cap: SlotCapacity, adding: { hasHost: boolean }): boolean {
  if (meetings + 1 > cap.tables) return false;
  if (!adding.hasHost && meetingsWithoutHost + 1 > cap.unreservedTables) return false;
  return true;
}

/** A participant with r representatives can be in r meetings at once. */
export function participantHasRoom(meetingsInSlot: number, representatives: number): boolean {
  return meetingsInSlot < representatives;
}
