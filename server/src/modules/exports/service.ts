import type { CurrentUser } from '@synergies/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context';
import { DashboardService } from '../dashboards/service';
import { EXPORTS, type ExportName } from './repository';

const SHEET_NAMES: Record<ExportName, string> = {
  firms: 'Entreprises',
  declarations: 'Fiches',
  synergies: 'Synergies',
  meetings: 'Rendez-vous',
  impacts: 'Impacts',
};
const FILE_NAMES: Record<ExportName, string> = {
  firms: 'entreprises',
  declarations: 'fiches',
  synergies: 'synergies',
  meetings: 'rendez-vous',
  impacts: 'impacts',
};

export class ExportService {
  private readonly dashboards: DashboardService;

  constructor(private readonly ctx: AppContext) {
    this.dashboards = new DashboardService(ctx);
  }

  /**
   * A zone's list as a file a spreadsheet opens as is: CSV in UTF-8 with a BOM and `;`
   * (what Excel in French expects), or XLSX. The declarations export re-imports as it is.
   */
  async export(user: CurrentUser, slug: string, what: ExportName, format: 'csv' | 'xlsx') {
    const zone = await this.dashboards.zoneFor(user, slug);
    const rows = await EXPORTS[what](this.ctx.db.$client, zone.id);
    const headers = rows.columns.map((c) => c.name);
    const fileName = `${FILE_NAMES[what]}-${zone.slug}.${format}`;
    if (format === 'csv') {
      const body = stringify([headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))], { delimiter: ';', bom: true, record_delimiter: 'windows' });
      return { body: Buffer.from(body, 'utf8'), fileName, type: 'text/csv; charset=utf-8' };
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAMES[what]);
    sheet.columns = headers.map((h) => ({ header: h, key: h, width: Math.min(50, Math.max(12, h.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? null));
    return { body: Buffer.from(await workbook.xlsx.writeBuffer()), fileName, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
}
