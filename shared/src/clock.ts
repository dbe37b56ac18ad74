/** Minutes since midnight of a wall-clock time "HH:MM" ("09:20" → 560). */
export const minutesOfDay = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The wall-clock time "HH:MM" of minutes since midnight (560 → "09:20"). */
export const clockTime = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
