import {
  CATEGORIES,
  findWasteCode,
  isValidSiret,
  NafCode,
  normaliseSiret,
  REQUIRED_IMPORT_FIELDS,
  type DeclarationKind,
  type Frequency,
  type ImportCellError,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type Unit,
} from '@synergies/shared';
import { z } from 'zod';
import { normaliseText } from './headers';

export interface OrganisationRecord {
  siret: string | null;
  name: string;
  nafCode?: string;
  headcount?: number;
  email?: string;
  phone?: string;
  website?: string;
  description?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
}

export interface DeclarationRecord {
  reference: string | null;
  firmSiret: string | null;
  firmName: string | null;
  firmPostalCode: string | null;
  kind: DeclarationKind;
  title: string;
  categoryCode: string;
  description?: string;
  quantity?: number;
  unit?: Unit;
  frequency?: Frequency;
  wasteCode?: string;
  hazardous?: boolean;
}

export type ParsedRow<T> = { row: number; value: T | null; errors: ImportCellError[] };

const words = (pairs: [string[], string][]) => new Map(pairs.flatMap(([names, v]) => names.map((n) => [n, v] as const)));

const KINDS = words([
  [['offre', 'offer', 'have', 'ressource', 'ressource disponible', 'disponible', 'j ai', 'a donner', 'surplus', 'o'], 'offer'],
  [['besoin', 'need', 'want', 'je cherche', 'recherche', 'demande', 'b'], 'need'],
]);
const UNITS = words([
  [['kg', 'kilo', 'kilos', 'kilogramme', 'kilogrammes'], 'kg'],
  [['t', 'tonne', 'tonnes', 'tonnes an', 't an'], 't'],
  [['l', 'litre', 'litres'], 'L'],
  [['m3', 'metre cube', 'metres cubes'], 'm3'],
  [['u', 'unite', 'unites', 'piece', 'pieces', 'unit', 'units', 'pce', 'pcs'], 'unit'],
  [['palette', 'palettes', 'pallet', 'pallets'], 'pallet'],
  [['kwh'], 'kWh'],
  [['mwh'], 'MWh'],
  [['h', 'heure', 'heures', 'hour', 'hours'], 'hour'],
  [['j', 'jour', 'jours', 'day', 'days'], 'day'],
  [['m2', 'metre carre', 'metres carres'], 'm2'],
]);
const FREQUENCIES = words([
  [['ponctuel', 'ponctuelle', 'une fois', 'unique', 'one off', 'once'], 'one-off'],
  [['hebdomadaire', 'par semaine', 'semaine', 'weekly', 'chaque semaine'], 'weekly'],
  [['mensuel', 'mensuelle', 'par mois', 'mois', 'monthly', 'chaque mois'], 'monthly'],
  [['annuel', 'annuelle', 'par an', 'an', 'yearly', 'annually', 'chaque annee'], 'yearly'],
]);
const CATEGORY_NAMES = new Map(
  CATEGORIES.flatMap(
    (c) =>
      [
        [normaliseText(c.code), c.code],
        [normaliseText(c.labelFr), c.code],
        [normaliseText(c.labelEn), c.code],
      ] as const,
  ),
);

/** "1 234,5" or "1234.5" -> 1234.5; undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const decimal = /^-?\d+(,\d+)?$/.test(compact) ? compact.replace(',', '.') : compact.replace(/,(?=\d{3}\b)/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(decimal)) return undefined;
  return Number(decimal);
}

/** A sheet row as text cells, addressed by header; errors name the header of their cell. */
class RowReader {
  readonly errors: ImportCellError[] = [];
  constructor(
    private readonly row: number,
    private readonly cells: Record<string, string>,
    private readonly mapping: ImportMapping,
  ) {}

  column(field: ImportField): string {
    return this.mapping[field] ?? field;
  }

  text(field: ImportField): string | undefined {
    const header = this.mapping[field];
    const value = header ? this.cells[header]?.trim() : undefined;
    return value ? value : undefined;
  }

  fail(field: ImportField, message: string): undefined {
    this.errors.push({ row: this.row, column: this.column(field), message });
    return undefined;
  }

  required(field: ImportField): string | undefined {
    return this.text(field) ?? this.fail(field, 'Valeur obligatoire manquante');
  }

  maxLength(field: ImportField, max: number): string | undefined {
    const value = this.text(field);
    if (value !== undefined && value.length > max) return this.fail(field, `Au plus ${max} caractères`);
    return value;
  }

  number(field: ImportField, check: (n: number) => boolean = () => true, rule = 'Nombre attendu'): number | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const n = parseNumber(value);
    if (n === undefined || !check(n)) return this.fail(field, `${rule} (lu : « ${value} »)`);
    return n;
  }

  word<T>(field: ImportField, table: Map<string, string>, expected: string): T | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const found = table.get(normaliseText(value));
    if (found === undefined) return this.fail(field, `« ${value} » non reconnu : ${expected}`);
    return found as T;
  }

  siret(field: ImportField): string | null {
    const value = this.text(field);
    if (value === undefined) return null;
    // Spreadsheets turn a SIRET into a number and may print it in scientific notation.
    if (/e\+/i.test(value)) return this.fail(field, 'SIRET écrit en notation scientifique : formatez la colonne en texte') ?? null;
    const siret = normaliseSiret(value);
    if (!isValidSiret(siret)) return this.fail(field, `SIRET invalide : 14 chiffres avec une clé de contrôle correcte (lu : « ${value} »)`) ?? null;
    return siret;
  }
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const Email = z.email();
const Url = z.url();

function readOrganisation(r: RowReader): OrganisationRecord | undefined {
  const siret = r.siret('siret');
  const name = r.required('name');
  if (name && name.length < 2) r.fail('name', 'Nom trop court');
  const postalCode = r.text('postalCode');
  if (!siret && name && !postalCode) r.fail('postalCode', "Sans SIRET, l'entreprise est reconnue par son nom et son code postal : code postal manquant");
  const naf = r.text('nafCode');
  const nafCode = naf !== undefined ? NafCode.safeParse(naf) : undefined;
  if (nafCode && !nafCode.success) r.fail('nafCode', `Code NAF attendu, par exemple 22.22Z (lu : « ${naf} »)`);
  const email = r.text('email');
  if (email && !Email.safeParse(email).success) r.fail('email', `Adresse e-mail invalide (lu : « ${email} »)`);
  const website = r.text('website');
  const url = website && !/^https?:\/\//i.test(website) ? `https://${website}` : website;
  if (url && !Url.safeParse(url).success) r.fail('website', `Adresse web invalide (lu : « ${website} »)`);
  const latitude = r.number('latitude', (n) => n >= -90 && n <= 90, 'Latitude entre -90 et 90');
  const longitude = r.number('longitude', (n) => n >= -180 && n <= 180, 'Longitude entre -180 et 180');
  if ((latitude === undefined) !== (longitude === undefined) && r.errors.length === 0) {
    r.fail(latitude === undefined ? 'latitude' : 'longitude', 'Latitude et longitude vont ensemble');
  }
  if (!name) return undefined;
  return defined({
    siret,
    name: name.slice(0, 200),
    nafCode: nafCode?.success ? nafCode.data : undefined,
    headcount: r.number('headcount', (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000, 'Nombre entier de salariés attendu'),
    email,
    phone: r.maxLength('phone', 40),
    website: url,
    description: r.maxLength('description', 4000),
    address: r.maxLength('address', 300),
    postalCode: postalCode?.slice(0, 10),
    city: r.maxLength('city', 120),
    latitude,
    longitude,
  });
}

function readDeclaration(r: RowReader): DeclarationRecord | undefined {
  const firmSiret = r.siret('firmSiret');
  const firmName = r.text('firmName') ?? null;
  if (!firmSiret && !firmName) r.fail(r.text('firmSiret') === undefined ? 'firmName' : 'firmSiret', "L'entreprise de la fiche manque : SIRET ou nom");
  const kind = r.word<DeclarationKind>('kind', KINDS, 'offre ou besoin');
  if (r.text('kind') === undefined) r.fail('kind', 'Valeur obligatoire manquante : offre ou besoin');
  const title = r.required('title');
  if (title && title.length < 3) r.fail('title', 'Titre trop court (3 caractères au moins)');
  const category = r.word<string>('categoryCode', CATEGORY_NAMES, 'une catégorie de la nomenclature (code ou libellé)');
  if (r.text('categoryCode') === undefined) r.fail('categoryCode', 'Valeur obligatoire manquante : catégorie');
  const waste = r.text('wasteCode');
  const wasteCode = waste !== undefined ? findWasteCode(waste) : undefined;
  if (waste !== undefined && !wasteCode) r.fail('wasteCode', `Code déchet inconnu de la liste européenne (lu : « ${waste} »)`);
  const quantity = r.number('quantity', (n) => n >= 0, 'Quantité positive attendue');
  const unit = r.word<Unit>('unit', UNITS, 'kg, t, L, m3, unités, palettes, kWh, MWh, heures, jours ou m²');
  const frequency = r.word<Frequency>('frequency', FREQUENCIES, 'ponctuel, hebdomadaire, mensuel ou annuel');
  if (!kind || !title || !category) return undefined;
  return defined({
    reference: r.maxLength('reference', 120) ?? null,
    firmSiret,
    firmName,
    firmPostalCode: r.text('firmPostalCode') ?? null,
    kind,
    title: title.slice(0, 200),
    categoryCode: category,
    description: r.maxLength('description', 4000),
    quantity,
    unit,
    frequency,
    wasteCode: wasteCode?.code,
    hazardous: wasteCode?.hazardous ? true : undefined,
  });
}

/** Fields the mapping must name before anything is read. */
export function mappingErrors(kind: ImportKind, mapping: ImportMapping, headers: string[]): ImportCellError[] {
  const present = new Set(headers);
  const errors: ImportCellError[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS[kind]) {
    if (!mapping[field]) errors.push({ row: 1, column: field, message: `Colonne obligatoire non associée : ${field}` });
  }
  if (kind === 'declarations' && !mapping.firmSiret && !mapping.firmName) {
    errors.push({ row: 1, column: 'firmName', message: "Associez la colonne de l'entreprise (SIRET ou nom)" });
  }
  for (const [field, header] of Object.entries(mapping)) {
    if (header && !present.has(header)) errors.push({ row: 1, column: header, message: `Colonne « ${header} » absente du fichier (champ ${field})` });
  }
  return errors;
}

/** Reads a data row; `row` is its number in the sheet (the header is row 1). */
export function readRow(kind: 'organisations', row: number, cells: Record<string, string>, mapping: ImportMapping): ParsedRow<OrganisationRecord>;
export function readRow(kind: 'declarations', row: number, cells: Record<string, string>, mapping: ImportMapping): ParsedRow<DeclarationRecord>;
export function readRow(
  kind: ImportKind,
  row: number,
  cells: Record<string, string>,
  mapping: ImportMapping,
): ParsedRow<OrganisationRecord | DeclarationRecord> {
  const reader = new RowReader(row, cells, mapping);
  const value = kind === 'organisations' ? readOrganisation(reader) : readDeclaration(reader);
  return { row, value: reader.errors.length ? null : (value ?? null), errors: reader.errors };
}
