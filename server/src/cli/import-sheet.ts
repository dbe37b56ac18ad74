import { parseArgs } from 'node:util';
import { ImportKind } from '@synergies/shared';
import { importSheetFile } from '../modules/imports/cli';
import type { Platform } from '../platform';

const USAGE =
  'Usage: pnpm zone import-sheet <zone-slug> <file.csv|file.xlsx> [--mapping <mapping.json>] [--kind organisations|declarations] [--dry-run] [--json]';

/** Exit codes: 0 imported (or dry run without errors), 1 rows in error (nothing written), 2 usage. */
export async function runImportSheetCommand(argv: string[], withPlatform: <T>(run: (p: Platform) => Promise<T>) => Promise<T>): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      kind: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [slug, file] = positionals;
  const kind = values.kind === undefined ? undefined : ImportKind.safeParse(values.kind);
  if (!slug || !file || (kind && !kind.success)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const result = await withPlatform(async ({ ctx }) => {
    const r = await importSheetFile(ctx, slug, file, {
      mappingFile: values.mapping,
      kind: kind?.data,
      dryRun: values['dry-run'] ?? false,
      onProgress: (done, total) => process.stderr.write(`\r${done}/${total} lignes`),
    });
    if (r.written) {
      process.stderr.write('\n');
      await ctx.searchRelay.drain();
    }
    return r;
  });
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(
      `${result.dryRun ? 'Essai (rien écrit)' : result.written ? 'Importé' : 'Refusé (rien écrit)'} — ${result.kind} : ${result.created} nouvelles, ${result.updated} modifiées, ${result.unchanged} inchangées, ${result.errors.length} erreur(s)`,
    );
    for (const e of result.errors.slice(0, 50)) console.log(`  ligne ${e.row}, colonne « ${e.column} » : ${e.message}`);
    if (result.errors.length > 50) console.log(`  … et ${result.errors.length - 50} autres`);
    for (const m of result.missingCoordinates.slice(0, 50)) console.log(`  sans coordonnées : ligne ${m.row}, ${m.label} (${m.address || 'pas d’adresse'})`);
  }
  if (result.errors.length) process.exitCode = 1;
}
