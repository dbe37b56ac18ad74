import { stringify } from 'csv-stringify/sync';
import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { SCHEDULE_COLUMNS, scheduleRows } from './rows';

/** The full schedule as CSV (RFC 4180, header row). */
export function renderScheduleCsv(event: SchedulingEvent, meetings: readonly ScheduledMeeting[]): string {
  return stringify([[...SCHEDULE_COLUMNS], ...scheduleRows(event, meetings)]);
}
