import type { ImportCellError, ImportCounts, ImportKind, ImportMapping, ImportPreview } from '@synergies/shared';
import type { RawTransaction } from '../../infra/db';
import { applyTemplate, guessKind } from '../../core/imports/headers';
import { coordinatesAfter, planDeclarations, planOrganisations, type DeclarationWrite, type FirmWrite, type Plan } from '../../core/imports/plan';
import { mappingErrors, readRow } from '../../core/imports/rows';
import type { AppContext } from '../../context';
import { conflict } from '../../http/problem';
import { geocodeAddresses } from '../../infra/geocoder';
import { MatchRunService, MatchingService } from '../matching/service';
import * as repo from './repository';
import type { Sheet } from './sheet';

const CHUNK = 500;
/** Beyond this many new or changed declarations, one zone rematch costs less than a job each. */
const MAX_SINGLE_MATCH_JOBS = 500;

export type Analysis =
  | { kind: 'organisations'; plan: Plan<FirmWrite>; missingCoordinates: ImportCounts['missingCoordinates']; geocoded: number; total: number }
  | { kind: 'declarations'; plan: Plan<DeclarationWrite>; missingCoordinates: []; geocoded: 0; total: number };

export class ImportRejected extends Error {
  constructor(readonly counts: ImportCounts) {
    super(`${counts.errors.length} erreur(s) : rien n'a été importé`);
  }
}

export function mappingFor(kind: ImportKind, headers: string[], template: ImportMapping | undefined): ImportMapping {
  return applyTemplate(kind, headers, template ?? {});
}

export { guessKind };

function countsOf(analysis: Analysis, errors: ImportCellError[]): ImportCounts {
  const fates = analysis.plan.fates;
  return {
    created: fates.filter((f) => f.fate === 'new').length,
    updated: fates.filter((f) => f.fate === 'updated').length,
    unchanged: fates.filter((f) => f.fate === 'unchanged').length,
    errors,
    missingCoordinates: analysis.missingCoordinates,
    geocoded: analysis.geocoded,
  };
}

export function previewOf(analysis: Analysis): ImportPreview {
  const counts = countsOf(analysis, analysis.plan.errors);
  const rows = [...analysis.plan.fates].sort((a, b) => Number(b.fate === 'error') - Number(a.fate === 'error') || a.row - b.row);
  return { ...counts, total: analysis.total, rows: rows.slice(0, 2000) };
}

/** Reads, checks and compares a sheet with the zone, geocoding what lacks coordinates: nothing is written. */
export async function analyse(ctx: AppContext, zoneId: string, sheet: Sheet, kind: ImportKind, mapping: ImportMapping): Promise<Analysis> {
  const sql = ctx.db.$client;
  const headerErrors = mappingErrors(kind, mapping, sheet.headers);
  if (headerErrors.length) {
    const plan = { writes: [], fates: [], errors: headerErrors };
    return kind === 'organisations'
      ? { kind, plan, missingCoordinates: [], geocoded: 0, total: sheet.rows.length }
      : { kind, plan, missingCoordinates: [], geocoded: 0, total: sheet.rows.length };
  }
  if (kind === 'declarations') {
    const rows = sheet.rows.map((r) => readRow('declarations', r.line, r.cells, mapping));
    const firms = (await repo.firms(sql, zoneId, [])).filter((f) => f.zoneId === zoneId);
    const plan = planDeclarations(rows, firms, await repo.declarationsOfZone(sql, zoneId), await repo.references(sql, zoneId), mapping);
    return { kind, plan, missingCoordinates: [], geocoded: 0, total: sheet.rows.length };
  }
  const rows = sheet.rows.map((r) => readRow('organisations', r.line, r.cells, mapping));
  const sirets = rows.flatMap((r) => (r.value?.siret ? [r.value.siret] : []));
  const firms = await repo.firms(sql, zoneId, sirets);
  const plan = planOrganisations(rows, zoneId, firms, mapping);
  const byId = new Map(firms.map((f) => [f.id, f]));
  const geocoded = await geocode(ctx, plan.writes, byId);
  const missingCoordinates = plan.writes.flatMap((w) => {
    const where = coordinatesAfter(w, byId);
    return where.has ? [] : [{ row: w.row, label: w.label, address: where.address }];
  });
  // Coordinates found by geocoding change the fate of an otherwise unchanged firm.
  if (geocoded) {
    const fates = new Map(plan.fates.map((f) => [f.row, f]));
    for (const w of plan.writes) {
      const fate = fates.get(w.row)!;
      if (w.existing && fate.fate === 'unchanged' && Object.keys(w.existing.sitePatch).length) fate.fate = 'updated';
    }
  }
  return { kind, plan, missingCoordinates, geocoded, total: sheet.rows.length };
}

/** The address service down or failing is no reason to refuse a sheet: its rows are listed for completion. */
async function geocodeAddressesOrNone(url: string, queries: Parameters<typeof geocodeAddresses>[1]) {
  try {
    return await geocodeAddresses(url, queries);
  } catch {
    return new Map<string, { latitude: number; longitude: number }>();
  }
}

/** Geocodes the firms that will have an address but no coordinates, when a geocoder is configured. */
async function geocode(ctx: AppContext, writes: FirmWrite[], firms: Map<string, import('../../core/imports/plan').ExistingFirm>): Promise<number> {
  const url = ctx.config.GEOCODER_URL;
  if (!url) return 0;
  const wanted = writes.filter((w) => {
    if (w.record.latitude !== undefined) return false;
    const site = w.existing ? firms.get(w.existing.id)?.site : null;
    const addressChanged = ['address', 'postalCode', 'city'].some((k) => k in (w.existing?.sitePatch ?? {}));
    return (site?.latitude == null || addressChanged) && (w.record.address || w.record.city || w.record.postalCode);
  });
  if (wanted.length === 0) return 0;
  const found = await geocodeAddressesOrNone(
    url,
    wanted.map((w) => {
      const site = w.existing ? firms.get(w.existing.id)?.site : null;
      return {
        key: String(w.row),
        address: w.record.address ?? site?.address ?? '',
        postalCode: w.record.postalCode ?? site?.postalCode ?? '',
        city: w.record.city ?? site?.city ?? '',
      };
    }),
  );
  for (const w of wanted) {
    const point = found.get(String(w.row));
    if (!point) continue;
    w.record.latitude = point.latitude;
    w.record.longitude = point.longitude;
    if (w.existing) Object.assign(w.existing.sitePatch, point);
  }
  return found.size;
}

type Progress = (done: number, total: number) => Promise<void>;

/**
 * Writes an analysed sheet in one transaction: all of it, or nothing. New and changed
 * declarations are queued for matching in the same transaction.
 */
export async function write(ctx: AppContext, zoneId: string, analysis: Analysis, requestedBy: string | null, progress: Progress): Promise<ImportCounts> {
  const counts = countsOf(analysis, analysis.plan.errors);
  if (analysis.plan.errors.length) throw new ImportRejected(counts);
  const skipped = analysis.total - analysis.plan.writes.length;
  await ctx.db.$client.begin(async (tx) => {
    if (analysis.kind === 'organisations') await writeFirms(ctx, tx, zoneId, analysis.plan.writes, (n) => progress(skipped + n, analysis.total));
    else await writeDeclarations(ctx, tx, zoneId, analysis.plan.writes, requestedBy, (n) => progress(skipped + n, analysis.total));
  });
  ctx.searchRelay.nudge();
  return counts;
}

const stale = () => conflict('version_conflict', "Une fiche ou une entreprise a été modifiée pendant l'import : relancez-le.");

/** The one site an imported firm gets, from its row's address and coordinates. */
function mainSite(organisationId: string, r: FirmWrite['record']): repo.SiteInsert {
  return {
    organisation_id: organisationId,
    name: 'Site principal',
    address: r.address ?? '',
    postal_code: r.postalCode ?? '',
    city: r.city ?? '',
    latitude: r.latitude ?? null,
    longitude: r.longitude ?? null,
  };
}

async function writeFirms(ctx: AppContext, tx: RawTransaction, zoneId: string, writes: FirmWrite[], progress: (n: number) => Promise<void>) {
  const now = ctx.now();
  let done = 0;
  const touched: string[] = [];
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    const fresh = chunk.filter((w) => !w.existing);
    if (fresh.length) {
      const ids = await repo.insertOrganisations(
        tx,
        fresh.map(({ record: r }) => ({
          zone_id: zoneId,
          siret: r.siret!,
          name: r.name,
          naf_code: r.nafCode ?? null,
          headcount: r.headcount ?? null,
          email: r.email ?? null,
          phone: r.phone ?? null,
          website: r.website ?? null,
          description: r.description ?? '',
        })),
      );
      await repo.insertSites(
        tx,
        fresh.map(({ record }) => mainSite(ids.get(record.siret!)!, record)),
      );
      touched.push(...ids.values());
    }
    for (const w of chunk) {
      if (!w.existing) continue;
      const { id, version, orgPatch, siteId, sitePatch } = w.existing;
      if (Object.keys(orgPatch).length === 0 && Object.keys(sitePatch).length === 0) continue;
      // The version moves on a site change too: the firm, as shown, changed.
      if (!(await repo.updateOrganisation(tx, id, version, orgPatch, now))) throw stale();
      if (Object.keys(sitePatch).length) {
        if (siteId) await repo.updateSite(tx, siteId, sitePatch);
        else {
          await repo.insertSites(tx, [mainSite(id, w.record)]);
        }
      }
      touched.push(id);
    }
    done += chunk.length;
    await progress(done);
  }
  await repo.markForReindex(tx, 'organisation', touched);
}

async function writeDeclarations(
  ctx: AppContext,
  tx: RawTransaction,
  zoneId: string,
  writes: DeclarationWrite[],
  requestedBy: string | null,
  progress: (n: number) => Promise<void>,
) {
  const now = ctx.now();
  let done = 0;
  const toMatch: string[] = [];
  const references: { reference: string; declarationId: string }[] = [];
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    const fresh = chunk.filter((w) => !w.existing);
    if (fresh.length) {
      const ids = await repo.insertDeclarations(
        tx,
        fresh.map(({ record: r, organisationId }) => ({
          organisation_id: organisationId,
          zone_id: zoneId,
          kind: r.kind,
          title: r.title,
          category_code: r.categoryCode,
          description: r.description ?? '',
          quantity: r.quantity ?? null,
          unit: r.unit ?? 'unit',
          frequency: r.frequency ?? 'one-off',
          waste_code: r.wasteCode ?? null,
          hazardous: r.hazardous ?? false,
        })),
      );
      fresh.forEach((w, j) => {
        toMatch.push(ids[j]!.id);
        if (w.reference) references.push({ reference: w.reference, declarationId: ids[j]!.id });
      });
    }
    for (const w of chunk) {
      if (!w.existing) continue;
      if (w.reference) references.push({ reference: w.reference, declarationId: w.existing.id });
      if (Object.keys(w.existing.patch).length === 0) continue;
      if (!(await repo.updateDeclaration(tx, w.existing.id, w.existing.version, w.existing.patch, now))) throw stale();
      toMatch.push(w.existing.id);
    }
    done += chunk.length;
    await progress(done);
  }
  await repo.insertReferences(tx, zoneId, references);
  await repo.markForReindex(tx, 'declaration', toMatch);
  await repo.markForReindex(tx, 'organisation', [...new Set(writes.map((w) => w.organisationId))]);
  if (toMatch.length > MAX_SINGLE_MATCH_JOBS) await MatchRunService.enqueue(ctx, tx, zoneId, requestedBy);
  else for (const id of toMatch) await MatchingService.enqueue(ctx, tx, id);
}
