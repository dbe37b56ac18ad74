export interface WindowLike {
  availableFrom: string | null;
  availableUntil: string | null;
}

/** ISO dates compare as strings; a missing bound is open. */
export function windowsOverlap(a: WindowLike, b: WindowLike, today?: string): boolean {
  const start = later(later(a.availableFrom, b.availableFrom), today ?? null);
  const end = earlier(a.availableUntil, b.availableUntil);
  return start === null || end === null || start <= end;
}

export function hasWindow(d: WindowLike): boolean {
  return d.availableFrom !== null || d.availableUntil !== null;
}

function later(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a > b ? a : b;
}

function earlier(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a < b ? a : b;
}
