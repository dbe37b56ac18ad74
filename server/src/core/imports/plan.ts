import type { ImportCellError, ImportRowFate } from '@synergies/shared';
import { normaliseText } from './headers';
import type { DeclarationRecord, OrganisationRecord, ParsedRow } from './rows';

/*
 * What an import would do, decided without I/O from the parsed rows and a snapshot of
 * what the zone holds. Keys: firms by SIRET, else name + postcode; declarations by the
 * sheet's reference, else firm + kind + title. No database id is ever read from a sheet.
 */

export interface ExistingSite {
  id: string;
  address: string;
  postalCode: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ExistingFirm {
  id: string;
  zoneId: string;
  version: number;
  siret: string;
  name: string;
  nafCode: string | null;
  headcount: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  description: string;
  site: ExistingSite | null;
}

export interface ExistingDeclaration {
  id: string;
  organisationId: string;
  version: number;
  kind: string;
  title: string;
  categoryCode: string;
  description: string;
  quantity: number | null;
  unit: string;
  frequency: string;
  wasteCode: string | null;
  hazardous: boolean;
}

const ORG_FIELDS = ['name', 'nafCode', 'headcount', 'email', 'phone', 'website', 'description'] as const;
const SITE_FIELDS = ['address', 'postalCode', 'city', 'latitude', 'longitude'] as const;
const DECLARATION_FIELDS = ['kind', 'title', 'categoryCode', 'description', 'quantity', 'unit', 'frequency', 'wasteCode', 'hazardous'] as const;

type OrgPatch = Partial<Pick<OrganisationRecord, (typeof ORG_FIELDS)[number]>>;
type SitePatch = Partial<Pick<OrganisationRecord, (typeof SITE_FIELDS)[number]>>;
export type DeclarationPatch = Partial<Pick<DeclarationRecord, (typeof DECLARATION_FIELDS)[number]>>;

export interface FirmWrite {
  row: number;
  label: string;
  record: OrganisationRecord;
  /** Absent for a new firm. */
  existing?: { id: string; version: number; orgPatch: OrgPatch; siteId: string | null; sitePatch: SitePatch };
}

export interface DeclarationWrite {
  row: number;
  label: string;
  organisationId: string;
  record: DeclarationRecord;
  existing?: { id: string; version: number; patch: DeclarationPatch };
  /** The sheet's reference to remember for this declaration. */
  reference: string | null;
}

export interface Plan<W> {
  writes: W[];
  fates: ImportRowFate[];
  errors: ImportCellError[];
}

function changed<K extends string>(fields: readonly K[], next: Partial<Record<K, unknown>>, current: Record<K, unknown> | null): Partial<Record<K, unknown>> {
  const patch: Partial<Record<K, unknown>> = {};
  for (const f of fields) {
    const value = next[f];
    if (value !== undefined && (current === null || value !== current[f])) patch[f] = value;
  }
  return patch;
}

const firmKey = (name: string, postalCode: string) => `${normaliseText(name)}|${postalCode.replace(/\s/g, '')}`;

function fateOf(row: number, label: string, errors: ImportCellError[], write?: { existing?: object; changes: number }): ImportRowFate {
  if (errors.length) return { row, fate: 'error', label, errors };
  const fate = !write!.existing ? 'new' : write!.changes > 0 ? 'updated' : 'unchanged';
  return { row, fate, label, errors: [] };
}

export function planOrganisations(
  rows: ParsedRow<OrganisationRecord>[],
  zoneId: string,
  firms: ExistingFirm[],
  mapping: { siret?: string | null; name?: string | null },
): Plan<FirmWrite> {
  const bySiret = new Map(firms.map((f) => [f.siret, f]));
  const byNameAndPostcode = new Map(firms.filter((f) => f.zoneId === zoneId && f.site?.postalCode).map((f) => [firmKey(f.name, f.site!.postalCode), f]));
  const seen = new Map<string, number>();
  const plan: Plan<FirmWrite> = { writes: [], fates: [], errors: [] };
  const siretColumn = mapping.siret ?? 'siret';

  for (const parsed of rows) {
    const record = parsed.value;
    const errors = [...parsed.errors];
    const label = record?.name ?? '';
    let write: FirmWrite | undefined;
    if (record) {
      const key = record.siret ?? firmKey(record.name, record.postalCode ?? '');
      const earlier = seen.get(key);
      const found = record.siret ? bySiret.get(record.siret) : byNameAndPostcode.get(key);
      if (earlier !== undefined) {
        errors.push({ row: parsed.row, column: record.siret ? siretColumn : (mapping.name ?? 'name'), message: `Même entreprise qu'à la ligne ${earlier}` });
      } else if (found && found.zoneId !== zoneId) {
        errors.push({ row: parsed.row, column: siretColumn, message: `SIRET ${record.siret} déjà enregistré dans une autre zone` });
      } else if (!found && !record.siret) {
        errors.push({ row: parsed.row, column: siretColumn, message: 'Entreprise inconnue dans la zone : son SIRET est nécessaire pour la créer' });
      } else if (found) {
        const orgPatch = changed(ORG_FIELDS, record, found) as OrgPatch;
        const sitePatch = changed(SITE_FIELDS, record, found.site as Record<(typeof SITE_FIELDS)[number], unknown> | null) as SitePatch;
        write = { row: parsed.row, label, record, existing: { id: found.id, version: found.version, orgPatch, siteId: found.site?.id ?? null, sitePatch } };
      } else {
        write = { row: parsed.row, label, record };
      }
      seen.set(key, parsed.row);
    }
    const changes = write?.existing ? Object.keys(write.existing.orgPatch).length + Object.keys(write.existing.sitePatch).length : 0;
    plan.fates.push(fateOf(parsed.row, label, errors, write && { existing: write.existing, changes }));
    if (errors.length) plan.errors.push(...errors);
    else if (write) plan.writes.push(write);
  }
  return plan;
}

/** Where each firm will be once written: to list the ones left off the map. */
export function coordinatesAfter(write: FirmWrite, firms: Map<string, ExistingFirm>): { has: boolean; address: string } {
  const current = write.existing ? firms.get(write.existing.id)?.site : null;
  const lat = write.record.latitude ?? current?.latitude ?? null;
  const address = [write.record.address ?? current?.address, write.record.postalCode ?? current?.postalCode, write.record.city ?? current?.city]
    .filter(Boolean)
    .join(' ');
  return { has: lat !== null, address };
}

export function planDeclarations(
  rows: ParsedRow<DeclarationRecord>[],
  zoneFirms: ExistingFirm[],
  declarations: ExistingDeclaration[],
  references: Map<string, string>,
  mapping: Partial<Record<string, string | null>>,
): Plan<DeclarationWrite> {
  const bySiret = new Map(zoneFirms.map((f) => [f.siret, f]));
  const byName = new Map<string, ExistingFirm[]>();
  for (const f of zoneFirms) byName.set(normaliseText(f.name), [...(byName.get(normaliseText(f.name)) ?? []), f]);
  const byId = new Map(declarations.map((d) => [d.id, d]));
  const titleKey = (orgId: string, kind: string, title: string) => `${orgId}|${kind}|${normaliseText(title)}`;
  const byTitle = new Map(declarations.map((d) => [titleKey(d.organisationId, d.kind, d.title), d]));
  const col = (field: string) => mapping[field] ?? field;
  const seen = new Map<string, number>();
  const plan: Plan<DeclarationWrite> = { writes: [], fates: [], errors: [] };

  for (const parsed of rows) {
    const record = parsed.value;
    const errors = [...parsed.errors];
    const fail = (field: string, message: string) => errors.push({ row: parsed.row, column: col(field), message });
    let write: DeclarationWrite | undefined;
    if (record) {
      let firm: ExistingFirm | undefined;
      if (record.firmSiret) {
        firm = bySiret.get(record.firmSiret);
        if (!firm) fail('firmSiret', `Aucune entreprise de la zone n'a le SIRET ${record.firmSiret} : importez d'abord la liste des entreprises`);
      } else {
        const named = (byName.get(normaliseText(record.firmName ?? '')) ?? []).filter(
          (f) => !record.firmPostalCode || f.site?.postalCode === record.firmPostalCode,
        );
        if (named.length === 1) firm = named[0];
        else if (named.length === 0) fail('firmName', `Entreprise « ${record.firmName} » introuvable dans la zone`);
        else fail('firmName', `Plusieurs entreprises s'appellent « ${record.firmName} » : ajoutez le SIRET ou le code postal`);
      }
      if (firm) {
        const key = record.reference ? `ref|${record.reference}` : titleKey(firm.id, record.kind, record.title);
        const earlier = seen.get(key);
        const byReference = record.reference ? byId.get(references.get(record.reference) ?? '') : undefined;
        const found = byReference ?? byTitle.get(titleKey(firm.id, record.kind, record.title));
        if (earlier !== undefined) fail(record.reference ? 'reference' : 'title', `Même fiche qu'à la ligne ${earlier}`);
        else if (byReference && byReference.organisationId !== firm.id)
          fail('reference', `La référence ${record.reference} désigne la fiche d'une autre entreprise`);
        else {
          const existing = found && {
            id: found.id,
            version: found.version,
            patch: changed(DECLARATION_FIELDS, record, found as unknown as Record<(typeof DECLARATION_FIELDS)[number], unknown>) as DeclarationPatch,
          };
          write = { row: parsed.row, label: record.title, organisationId: firm.id, record, reference: record.reference, ...(existing ? { existing } : {}) };
        }
        seen.set(key, parsed.row);
      }
    }
    plan.fates.push(
      fateOf(parsed.row, record?.title ?? '', errors, write && { existing: write.existing, changes: Object.keys(write.existing?.patch ?? {}).length }),
    );
    if (errors.length) plan.errors.push(...errors);
    else if (write) plan.writes.push(write);
  }
  return plan;
}
