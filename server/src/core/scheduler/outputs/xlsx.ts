import ExcelJS from 'exceljs';
import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { SCHEDULE_COLUMNS, scheduleRows, type SynergyTitles } from './rows';

/** The full schedule as an Excel workbook (one sheet, header row frozen). */
export async function renderScheduleXlsx(event: SchedulingEvent, meetings: readonly ScheduledMeeting[], synergyTitles?: SynergyTitles): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rendez-vous', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...SCHEDULE_COLUMNS]).font = { bold: true };
  for (const row of scheduleRows(event, meetings, synergyTitles)) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
