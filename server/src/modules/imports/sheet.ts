import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { badRequest, unprocessable } from '../../http/problem';

export const MAX_SHEET_BYTES = 20 * 1024 * 1024;
export const MAX_SHEET_ROWS = 50_000;

/** A sheet as text: headers made unique, and each data row keyed by header. */
export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}
/** `line` is the row number a spreadsheet shows (the header is row 1). */
export type SheetRow = { line: number; cells: Record<string, string> };
type Line = { line: number; cells: string[] };

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel for Windows saves as "CSV"). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

/** The delimiter used most on the header line, outside quotes. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const name = h.trim() || `Colonne ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

function toSheet(lines: Line[]): Sheet {
  const table = lines.filter((l) => l.cells.some((c) => c.trim()));
  const [headLine, ...body] = table;
  const head = headLine?.cells;
  if (!head || head.every((h) => !h.trim())) throw unprocessable('empty_sheet', 'Le fichier est vide : la première ligne doit porter les noms des colonnes.');
  if (body.length > MAX_SHEET_ROWS) throw unprocessable('sheet_too_large', `Au plus ${MAX_SHEET_ROWS} lignes par fichier.`);
  const headers = uniqueHeaders(head);
  const rows = body.map(({ line, cells }) => ({ line, cells: Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? '').trim()])) }));
  return { headers, rows };
}

function readCsv(bytes: Buffer): Sheet {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  try {
    const table = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true }) as string[][];
    return toSheet(table.map((cells, i) => ({ line: i + 1, cells })));
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      throw unprocessable('unreadable_sheet', `Fichier CSV illisible : ${error.message}`);
    }
    throw error;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unprocessable('unreadable_sheet', 'Fichier XLSX illisible : enregistrez-le de nouveau depuis votre tableur.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unprocessable('empty_sheet', 'Le classeur ne contient aucune feuille.');
  const table: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    table.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toSheet(table);
}

/** Reads a CSV (`;`, `,` or tab; UTF-8 or Windows-1252) or an XLSX workbook's first sheet. */
export async function readSheet(bytes: Buffer, fileName: string): Promise<Sheet> {
  if (bytes.length === 0) throw badRequest('empty_file', 'Le fichier est vide.');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  if (/\.xls$/i.test(fileName)) throw unprocessable('unsupported_sheet', 'Format .xls non pris en charge : enregistrez le fichier en .xlsx ou .csv.');
  return readCsv(bytes);
}
