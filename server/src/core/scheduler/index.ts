/** Business-meeting scheduler: pure core (no db, http, sockets or fs). */
export { solveSchedule } from './solve';
export { reschedule, type ScheduleChange, type RescheduleResult } from './reschedule';
export { parseDzn, DznError } from './dzn';
export { eventFromJson, schedulingEventSchema, type SchedulingEvent, type EventInput } from './event-format';
export { SchedulingError } from './errors';
export { validateSchedule, type Violation } from './validate';
export { checkSchedule, type ScheduleCheck } from './check';
export { longDate, slotTimes } from './outputs/times';
export { renderAgendaIcs } from './outputs/ics';
export { renderScheduleCsv } from './outputs/csv';
export { renderScheduleXlsx } from './outputs/xlsx';
export { renderAgendaPdf, renderTablePlanPdf } from './outputs/pdf';
export type * from './types';
