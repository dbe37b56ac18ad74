import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderScheduleCsv } from './csv';
import { fixtureEvent, fixtureMeetings } from './fixture';
import { renderAgendaPdf, renderTablePlanPdf } from './pdf';
import { renderScheduleXlsx } from './xlsx';

describe('schedule renderers', () => {
  it('CSV has a header and one row per meeting in time order, quoting commas', () => {
    const lines = renderScheduleCsv(fixtureEvent, fixtureMeetings).trim().split('\n');
    expect(lines[0]).toBe('créneau,session,début,fin,table,demande,participants,synergies');
    expect(lines[1]).toBe('m2,morning,09:20,09:40,T1,r1,"Acme, Inc. / beta",syn-7');
    expect(lines[2]).toMatch(/^a1,afternoon,14:00,14:20,T2,r2,/);
  });

  it('XLSX reads back with the same rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const buffer = await renderScheduleXlsx(fixtureEvent, fixtureMeetings);
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Rendez-vous')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(7).value).toBe('Acme, Inc. / beta');
  });

  it('agenda and table plan are PDF documents', async () => {
    for (const pdf of [await renderAgendaPdf(fixtureEvent, fixtureMeetings, 'acme'), await renderTablePlanPdf(fixtureEvent, fixtureMeetings)]) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    }
  });
});
