import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../test/pdf-text';
import { renderScheduleCsv } from './csv';
import { fixtureEvent, fixtureMeetings } from './fixture';
import { renderAgendaPdf, renderTablePlanPdf } from './pdf';
import { renderScheduleXlsx } from './xlsx';

describe('schedule renderers', () => {
  it('CSV opens in French Excel: BOM, semicolons, names rather than ids, in time order', () => {
    const csv = renderScheduleCsv(fixtureEvent, fixtureMeetings, new Map([['syn-7', 'Palettes; bois 80x120']]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('session;début;fin;table;participants;synergies');
    expect(lines[1]).toBe('morning;09:20;09:40;T1;Acme, Inc. / beta;"Palettes; bois 80x120"');
    expect(lines[2]).toMatch(/^afternoon;14:00;14:20;T2;Acme, Inc\. \/ gamma;$/);
    expect(renderScheduleCsv(fixtureEvent, fixtureMeetings)).toContain(';1 piste de synergie');
  });

  it('XLSX reads back with the same rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const buffer = await renderScheduleXlsx(fixtureEvent, fixtureMeetings);
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Rendez-vous')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(5).value).toBe('Acme, Inc. / beta');
  });

  it('agenda and table plan are PDF documents', async () => {
    for (const pdf of [await renderAgendaPdf(fixtureEvent, fixtureMeetings, 'acme'), await renderTablePlanPdf(fixtureEvent, fixtureMeetings)]) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    }
  });

  it('says the agenda in English to an English reader', async () => {
    const agenda = await pdfText(await renderAgendaPdf(fixtureEvent, fixtureMeetings, 'acme', new Map([['syn-7', 'Wooden pallets']]), 'en'));
    expect(agenda).toContain('Thursday, 18 June 2026');
    expect(agenda).toContain('09:20 – 09:40');
    expect(agenda).toMatch(/with .*: Wooden pallets/);
    expect(agenda).not.toMatch(/avec|h 20/);
  });

  it('PDFs say French dates, times and titles, never internal ids', async () => {
    const agenda = await pdfText(await renderAgendaPdf(fixtureEvent, fixtureMeetings, 'acme', new Map([['syn-7', 'Palettes bois 80x120']])));
    expect(agenda).toContain('Jeudi 18 juin 2026');
    expect(agenda).toContain('9 h 20 – 9 h 40');
    expect(agenda).toContain('Palettes bois 80x120');
    const plan = await pdfText(await renderTablePlanPdf(fixtureEvent, fixtureMeetings));
    expect(plan).toContain('Jeudi 18 juin 2026');
    expect(plan).toContain('14 h 00 – 14 h 20');
    for (const text of [agenda, plan]) {
      expect(text).not.toMatch(/créneau|\bm2\b|\ba1\b|syn-7|Europe\/Paris/);
    }
  });
});
