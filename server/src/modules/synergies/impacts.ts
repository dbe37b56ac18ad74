import type { CurrentUser } from '@synergies/shared';
import type { z } from 'zod';
import type { ImpactFactorUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound, versionConflict } from '../../http/problem';
import { belongsToZone, isAdmin } from '../auth/policy';

/** Impact totals per zone and year, and the admin-editable factor table. */
export class ImpactService {
  constructor(private readonly ctx: AppContext) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  async totals(user: CurrentUser, zoneId: string) {
    if (!belongsToZone(user, zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const rows = await this.sql<{ year: number; synergies: number; tonnes: number; euros_saved: number; co2e_kg: number; km_avoided: number }[]>`
      select i.year, count(*)::int as synergies, sum(i.tonnes)::float8 as tonnes, sum(i.euros_saved)::float8 as euros_saved,
             sum(i.co2e_kg)::float8 as co2e_kg, sum(i.km_avoided)::float8 as km_avoided
      from synergy_impacts i join synergies s on s.id = i.synergy_id
      where s.zone_id = ${zoneId} and s.status = 'implemented' group by i.year order by i.year`;
    return {
      zoneId,
      years: rows.map((r) => ({ year: r.year, synergies: r.synergies, tonnes: r.tonnes, eurosSaved: r.euros_saved, co2eKg: r.co2e_kg, kmAvoided: r.km_avoided })),
    };
  }

  async factors() {
    return this.sql<{ categoryCode: string; co2eKgPerTonne: number; eurosPerTonne: number; kgPerUnit: number; referenceTripKm: number; tonnesPerTrip: number; source: string; version: number }[]>`
      select category_code as "categoryCode", co2e_kg_per_tonne as "co2eKgPerTonne", euros_per_tonne as "eurosPerTonne", kg_per_unit as "kgPerUnit",
             reference_trip_km as "referenceTripKm", tonnes_per_trip as "tonnesPerTrip", source, version
      from impact_factors order by category_code`;
  }

  async updateFactor(user: CurrentUser, categoryCode: string, input: z.infer<typeof ImpactFactorUpdate>) {
    if (!isAdmin(user)) throw forbidden("Seul un administrateur modifie les facteurs d'impact");
    const [current] = await this.sql<{ version: number }[]>`select version from impact_factors where category_code = ${categoryCode}`;
    if (!current) throw notFound("Facteur d'impact");
    const [row] = await this.sql<{ version: number }[]>`
      update impact_factors set
        co2e_kg_per_tonne = coalesce(${input.co2eKgPerTonne ?? null}, co2e_kg_per_tonne),
        euros_per_tonne = coalesce(${input.eurosPerTonne ?? null}, euros_per_tonne),
        kg_per_unit = coalesce(${input.kgPerUnit ?? null}, kg_per_unit),
        reference_trip_km = coalesce(${input.referenceTripKm ?? null}, reference_trip_km),
        tonnes_per_trip = coalesce(${input.tonnesPerTrip ?? null}, tonnes_per_trip),
        source = coalesce(${input.source ?? null}, source),
        updated_at = ${this.ctx.now().toISOString()}, version = version + 1
      where category_code = ${categoryCode} and version = ${input.version} returning version`;
    if (!row) throw versionConflict();
    return (await this.factors()).find((f) => f.categoryCode === categoryCode)!;
  }

  async notifications(user: CurrentUser) {
    const rows = await this.sql<{ id: string; synergy_id: string | null; type: string; text: string; read_at: string | null; created_at: string }[]>`
      select id, synergy_id, type, text, read_at, created_at from notifications where user_id = ${user.id} order by created_at desc limit 50`;
    return rows.map((r) => ({ id: r.id, synergyId: r.synergy_id, type: r.type, text: r.text, read: r.read_at !== null, createdAt: new Date(r.created_at).toISOString() }));
  }

  async markRead(user: CurrentUser) {
    await this.sql`update notifications set read_at = ${this.ctx.now().toISOString()} where user_id = ${user.id} and read_at is null`;
  }
}
