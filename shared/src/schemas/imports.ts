import { z } from 'zod';
import { Id } from './common';

/** What a sheet holds: a list of firms, or declarations (e.g. the cards typed after a workshop). */
export const IMPORT_KINDS = ['organisations', 'declarations'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** Target fields of each kind, in the order the mapping screen shows them. */
export const IMPORT_FIELDS = {
  organisations: [
    'siret',
    'name',
    'nafCode',
    'headcount',
    'email',
    'phone',
    'website',
    'description',
    'address',
    'postalCode',
    'city',
    'latitude',
    'longitude',
  ],
  declarations: [
    'reference',
    'firmSiret',
    'firmName',
    'firmPostalCode',
    'kind',
    'title',
    'categoryCode',
    'description',
    'quantity',
    'unit',
    'frequency',
    'wasteCode',
  ],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];

/** Fields without which a row cannot be imported (a firm needs a SIRET or a name with a postcode to be found). */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  organisations: ['name'],
  declarations: ['kind', 'title', 'categoryCode'],
};

/** Target field -> the sheet's header text (null: not imported). */
export const ImportMapping = z.record(z.string().max(60), z.string().max(200).nullable());
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportCellError = z.object({
  row: z.number().int().describe('Row number in the sheet, the header being row 1'),
  column: z.string().describe('Header of the faulty cell (or the field when the column is missing)'),
  message: z.string(),
});
export type ImportCellError = z.infer<typeof ImportCellError>;

export const IMPORT_FATES = ['new', 'updated', 'unchanged', 'error'] as const;
export const ImportRowFate = z.object({
  row: z.number().int(),
  fate: z.enum(IMPORT_FATES),
  label: z.string().describe('What the row is about: the firm or the declaration title'),
  errors: z.array(ImportCellError),
});
export type ImportRowFate = z.infer<typeof ImportRowFate>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportCellError),
  /** Firms left without coordinates: to complete by hand, they are not on the map. */
  missingCoordinates: z.array(z.object({ row: z.number().int(), label: z.string(), address: z.string() })),
  geocoded: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportPreview = ImportCounts.extend({
  total: z.number().int(),
  rows: z.array(ImportRowFate).describe('Every row with its fate (errors first, at most 2,000 rows)'),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const IMPORT_RUN_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export const ImportRun = z
  .object({
    id: Id,
    zoneId: Id,
    kind: ImportKind,
    fileName: z.string(),
    status: z.enum(IMPORT_RUN_STATUSES),
    total: z.number().int(),
    done: z.number().int(),
    mapping: ImportMapping.nullable(),
    result: ImportCounts.nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ImportRun' });
export type ImportRun = z.infer<typeof ImportRun>;

/** Answer to an upload: what the sheet looks like and the suggested mapping. */
export const ImportUpload = z
  .object({
    run: ImportRun,
    headers: z.array(z.string()),
    sample: z.array(z.array(z.string())).describe('The first rows, as text'),
    rowCount: z.number().int(),
    mapping: ImportMapping,
    mappingFrom: z.enum(['template', 'headers']),
  })
  .meta({ id: 'ImportUpload' });
export type ImportUpload = z.infer<typeof ImportUpload>;

export const ImportUploadQuery = z.object({
  fileName: z.string().trim().min(1).max(200),
  kind: ImportKind.optional().describe('Guessed from the headers when absent'),
});

export const ImportMappingBody = z.object({ kind: ImportKind, mapping: ImportMapping });
export type ImportMappingBody = z.infer<typeof ImportMappingBody>;

export const ZoneSlugParams = z.object({ slug: z.string().min(1).max(80) });
export const ZoneImportParams = ZoneSlugParams.extend({ id: Id });
