/**
 * What the lanes (thread.ts) and the caller (background.ts) share, kept apart from both so that a
 * lane's thread loads nothing of the caller's.
 */

/** Where the lanes keep their shared progress, in an Int32Array. */
export const PROGRESS = { lowerBound: 0, best: 1 } as const;
/** No schedule found yet, as the best total. */
export const NOTHING = 0x7fffffff;

/** What a lane posts: a schedule with at most `atMost` breaks, or only news of the bound. */
export interface LaneMessage {
  slots: Int32Array | null;
  atMost: number;
}
