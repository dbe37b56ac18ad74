import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/*
 * What "in the year" means for every yearly figure and every list a figure links to:
 * one rule, so that a dashboard's count and the list behind it cannot drift apart.
 */

/** A moment (timestamptz) within a calendar year in the cooperative's time zone (Europe/Paris). */
export const inParisYear = (moment: AnyColumn | SQL, year: number) =>
  sql`${moment} >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Europe/Paris') and ${moment} < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Europe/Paris')`;

/** A day (a meeting event's date, already a local calendar date) within a calendar year. */
export const dayInYear = (day: AnyColumn | SQL, year: number) => sql`${day} >= make_date(${year}, 1, 1) and ${day} < make_date(${year + 1}, 1, 1)`;
