import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportKind, ImportMapping, type ImportCounts } from '@synergies/shared';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { analyse, guessKind, ImportRejected, mappingFor, write } from './importer';
import { findZoneBySlug } from '../zones/repository';
import * as repo from './repository';
import { readSheet } from './sheet';

export interface SheetImportOptions {
  mappingFile?: string;
  kind?: ImportKind;
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
}

const MappingFile = z.union([z.object({ kind: ImportKind.optional(), mapping: ImportMapping }), ImportMapping]);

export type SheetImportResult = ImportCounts & { kind: ImportKind; total: number; dryRun: boolean; written: boolean };

/**
 * `pnpm zone import-sheet`: the same analysis and single-transaction write as the web import,
 * run in the foreground. Any row error means nothing is written.
 */
export async function importSheetFile(ctx: AppContext, zoneSlug: string, file: string, options: SheetImportOptions): Promise<SheetImportResult> {
  const zone = await findZoneBySlug(ctx.db, zoneSlug);
  if (!zone) throw new Error(`Aucune zone « ${zoneSlug} »`);
  const sheet = await readSheet(await readFile(file), path.basename(file));
  let kind = options.kind;
  let mapping: ImportMapping | undefined;
  if (options.mappingFile) {
    const parsed = MappingFile.parse(JSON.parse(await readFile(options.mappingFile, 'utf8')));
    if ('mapping' in parsed && typeof parsed.mapping === 'object' && parsed.mapping !== null) {
      kind ??= (parsed as { kind?: ImportKind }).kind;
      mapping = parsed.mapping as ImportMapping;
    } else mapping = parsed as ImportMapping;
  }
  kind ??= guessKind(sheet.headers);
  mapping = mapping ? mappingFor(kind, sheet.headers, mapping) : mappingFor(kind, sheet.headers, await repo.template(ctx.db.$client, zone.id, kind));
  const analysis = await analyse(ctx, zone.id, sheet, kind, mapping);
  const base = { kind, total: analysis.total, dryRun: options.dryRun };
  if (options.dryRun || analysis.plan.errors.length) {
    const fates = analysis.plan.fates;
    return {
      ...base,
      written: false,
      created: fates.filter((f) => f.fate === 'new').length,
      updated: fates.filter((f) => f.fate === 'updated').length,
      unchanged: fates.filter((f) => f.fate === 'unchanged').length,
      errors: analysis.plan.errors,
      missingCoordinates: analysis.missingCoordinates,
      geocoded: analysis.geocoded,
    };
  }
  try {
    const counts = await write(ctx, zone.id, analysis, null, async (done, total) => options.onProgress?.(done, total));
    await repo.saveTemplate(ctx.db.$client, zone.id, kind, mapping, ctx.now());
    return { ...base, ...counts, written: true };
  } catch (error) {
    if (error instanceof ImportRejected) return { ...base, ...error.counts, written: false };
    throw error;
  }
}
