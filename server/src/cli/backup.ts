import postgres from 'postgres';
import { backupDatabase, restoreDatabase } from '../infra/backup';
import { loadConfig } from '../infra/config';
import { withDatabase } from '../infra/db';
import { startServices } from '../infra/embedded/services';
import type { Platform } from '../platform';

const say = (table: string, rows: number) => process.stderr.write(`  ${table}: ${rows} rows\n`);

/** `pnpm db:backup <folder>`: one consistent snapshot of the platform's database. */
export async function runBackupCommand(folder: string | undefined, withPlatform: <T>(run: (p: Platform) => Promise<T>) => Promise<T>) {
  if (!folder) throw new Error('Usage: pnpm db:backup <empty-folder>');
  await withPlatform(async ({ ctx }) => {
    const manifest = await backupDatabase(ctx.db.$client, folder, say);
    console.log(`backup written to ${folder}: ${manifest.tables.length} tables, taken at ${manifest.takenAt}`);
  });
}

/**
 * `pnpm db:restore <folder> [--replace]`: restores into a new database on the same server.
 * With --replace (platform stopped), the restored database takes the current one's name and
 * the current one is kept aside under another name; the search indexes are then rebuilt at
 * the next `pnpm search:rebuild`.
 */
export async function runRestoreCommand(args: string[]) {
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder) throw new Error('Usage: pnpm db:restore <backup-folder> [--replace]');
  const config = loadConfig();
  const services = await startServices(config, (m) => console.error(m));
  const current = new URL(services.databaseUrl).pathname.slice(1);
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const restored = `${current}_restored_${stamp}`;
  const admin = postgres(withDatabase(services.databaseUrl, 'postgres'), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${restored}"`);
    const manifest = await restoreDatabase(withDatabase(services.databaseUrl, restored), folder, say);
    console.log(`restored ${manifest.tables.length} tables (backup of ${manifest.takenAt}) into database "${restored}"`);
    if (args.includes('--replace')) {
      const aside = `${current}_before_restore_${stamp}`;
      await admin.unsafe(`alter database "${current}" rename to "${aside}"`);
      await admin.unsafe(`alter database "${restored}" rename to "${current}"`);
      console.log(`"${restored}" is now "${current}"; the previous database is kept as "${aside}". Run pnpm search:rebuild next.`);
    } else {
      console.log(`point DATABASE_URL at it (or run again with --replace), then run pnpm search:rebuild`);
    }
  } finally {
    await admin.end();
    await services.stop();
  }
}
