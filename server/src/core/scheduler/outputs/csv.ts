import { stringify } from 'csv-stringify/sync';
import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { SCHEDULE_COLUMNS, scheduleRows, type SynergyTitles } from './rows';

/**
 * The full schedule as CSV for French Excel: UTF-8 with a byte-order mark (else Excel reads
 * accents as Windows-1252) and `;` between fields (`,` is the French decimal separator).
 */
export function renderScheduleCsv(event: SchedulingEvent, meetings: readonly ScheduledMeeting[], synergyTitles?: SynergyTitles): string {
  return stringify([[...SCHEDULE_COLUMNS], ...scheduleRows(event, meetings, synergyTitles)], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}
