import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CurrentUser, FlowMap } from '@synergies/shared';
import type { AppContext } from '../../context';
import { DashboardService } from '../dashboards/service';
import * as repo from './repository';

/** Approximate commune outlines of the demo zone, drawn when no tile source is configured. */
const DEMO = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'lons-perrigny-communes.json'), 'utf8')) as Pick<
  FlowMap,
  'outline' | 'communes'
>;
const PAD = 0.01;

export class MapService {
  private readonly dashboards: DashboardService;

  constructor(private readonly ctx: AppContext) {
    this.dashboards = new DashboardService(ctx);
  }

  config() {
    return { mapTilesUrl: this.ctx.config.MAP_TILES_URL ?? null };
  }

  /** Firms and synergies as map features: a flow goes from each firm of a synergy to the next (giver to taker). */
  async flows(user: CurrentUser, slug: string): Promise<FlowMap> {
    const zone = await this.dashboards.zoneFor(user, slug);
    const sql = this.ctx.db.$client;
    const [firms, synergies] = await Promise.all([repo.firms(sql, zone.id), repo.synergies(sql, zone.id)]);
    const at = new Map(firms.map((f) => [f.id, [f.longitude, f.latitude] as [number, number]]));
    const flows = synergies.flatMap((s) => {
      const points = s.firmIds.map((id) => at.get(id)).filter((p): p is [number, number] => !!p);
      if (points.length < 2) return [];
      const { firmIds: _ids, ...rest } = s;
      return [{ ...rest, coordinates: points }];
    });
    let outline = DEMO.outline;
    let communes = DEMO.communes;
    if (zone.slug !== 'lons-perrigny') {
      communes = { type: 'FeatureCollection', features: [] };
      const lons = firms.map((f) => f.longitude);
      const lats = firms.map((f) => f.latitude);
      const [w, e, s, n] = lons.length
        ? [Math.min(...lons) - PAD, Math.max(...lons) + PAD, Math.min(...lats) - PAD, Math.max(...lats) + PAD]
        : [5.43, 5.63, 46.635, 46.712];
      outline = {
        type: 'Feature',
        properties: { name: zone.name },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      };
    }
    return { zone: { id: zone.id, slug: zone.slug, name: zone.name }, outline, communes, firms, flows };
  }
}
