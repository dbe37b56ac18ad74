import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { declarations } from './declarations';
import { users } from './users';
import { zones } from './zones';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A column mapping remembered per zone and sheet kind (firms or declarations). */
export const importTemplates = pgTable(
  'import_templates',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['organisations', 'declarations'] }).notNull(),
    /** Target field -> header text of the sheet. */
    mapping: jsonb('mapping').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('import_templates_zone_kind_key').on(t.zoneId, t.kind)],
);

/** An uploaded sheet and its import: the file waits here until the facilitator confirms. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: id(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['organisations', 'declarations'] }).notNull(),
    fileName: text('file_name').notNull(),
    file: bytea('file').notNull(),
    status: text('status', { enum: ['uploaded', 'queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('uploaded'),
    mapping: jsonb('mapping'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    /** Counts, row errors and rows left without coordinates, once the import has run. */
    result: jsonb('result'),
    error: text('error'),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_runs_zone_idx').on(t.zoneId, t.createdAt)],
);

/** A spreadsheet's own reference for a declaration, so a re-import updates instead of duplicating. */
export const declarationReferences = pgTable(
  'declaration_references',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => declarations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('declaration_references_zone_reference_key').on(t.zoneId, t.reference),
    index('declaration_references_declaration_idx').on(t.declarationId),
  ],
);
