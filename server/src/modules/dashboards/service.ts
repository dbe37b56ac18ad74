import type { CurrentUser, ZoneDashboard } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../http/problem';
import { facilitates } from '@synergies/shared';
import * as zoneRepo from '../zones/repository';
import * as repo from './repository';

const round = (n: number) => Math.round(n * 1000) / 1000;

export class DashboardService {
  constructor(private readonly ctx: AppContext) {}

  /** The zone a facilitator (or an admin) runs, by slug. */
  async zoneFor(user: CurrentUser, slug: string) {
    const zone = await zoneRepo.findZoneBySlug(this.ctx.db, slug);
    if (!zone) throw notFound('Zone');
    if (!facilitates(user, zone.id)) throw forbidden('Seuls les animateurs de la zone voient ses tableaux de bord');
    return zone;
  }

  async dashboard(user: CurrentUser, slug: string, year: number): Promise<ZoneDashboard> {
    return this.figures(await this.zoneFor(user, slug), year);
  }

  async figures(zone: { id: string; slug: string; name: string }, year: number): Promise<ZoneDashboard> {
    const db = this.ctx.db;
    const [funnel, byCategory, meetings, months, firms] = await Promise.all([
      repo.funnel(db, zone.id, year),
      repo.synergiesByCategory(db, zone.id, year),
      repo.meetings(db, zone.id, year),
      repo.impactsByMonth(db, zone.id, year),
      repo.mobilisedFirms(db, zone.id, year),
    ]);
    const impactsByMonth = months.map((m) => ({ month: m.month, tonnes: round(m.tonnes), euros: round(m.euros), co2eKg: round(m.co2e_kg), km: round(m.km) }));
    const sum = (k: 'tonnes' | 'euros' | 'co2eKg' | 'km') => round(impactsByMonth.reduce((n, m) => n + m[k], 0));
    return {
      zone: { id: zone.id, slug: zone.slug, name: zone.name },
      year,
      funnel: {
        declarations: funnel.declarations,
        proposals: funnel.proposals,
        underDiscussion: funnel.under_discussion,
        inStudy: funnel.in_study,
        implemented: funnel.implemented,
      },
      synergiesByCategory: byCategory.map((r) => ({
        category: r.category,
        kind: r.kind as ZoneDashboard['synergiesByCategory'][number]['kind'],
        count: r.count,
      })),
      meetings,
      impactsByMonth,
      impactTotals: {
        synergies: months.reduce((n, m) => n + m.synergies, 0),
        tonnes: sum('tonnes'),
        euros: sum('euros'),
        co2eKg: sum('co2eKg'),
        km: sum('km'),
      },
      firms,
    };
  }
}
