import type { CurrentUser } from '@synergies/shared';
import type { AppContext } from '../../context';
import { DashboardService } from '../dashboards/service';
import { renderActivityReport } from './pdf';
import * as repo from './repository';

export class ReportService {
  private readonly dashboards: DashboardService;

  constructor(private readonly ctx: AppContext) {
    this.dashboards = new DashboardService(ctx);
  }

  /** The annual activity report of a zone, as PDF, from the same figures as the dashboard. */
  async activityReport(user: CurrentUser, slug: string, year: number) {
    const zone = await this.dashboards.zoneFor(user, slug);
    const figures = await this.dashboards.figures(zone, year);
    const implemented = await repo.implementedSynergies(this.ctx.db.$client, zone.id, year);
    const factors = await repo.factorSources(this.ctx.db.$client, [...new Set(implemented.map((s) => s.factorCode))]);
    const pdf = await renderActivityReport({ figures, implemented, factors, generatedAt: this.ctx.now() });
    return { pdf, fileName: `rapport-activite-${zone.slug}-${year}.pdf` };
  }
}
