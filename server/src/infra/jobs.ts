import PgBoss from 'pg-boss';
import type postgres from 'postgres';

export type Jobs = PgBoss;

export const QUEUES = {
  emailDelivery: 'email-delivery',
  matchDeclaration: 'match-declaration',
  matchZone: 'match-zone',
  meetingSchedule: 'meeting-schedule',
  notificationDigest: 'notification-digest',
  realtimePrune: 'realtime-prune',
  bookingSweep: 'booking-sweep',
  bookingReminder: 'booking-reminder',
  sheetImport: 'sheet-import',
  passwordReset: 'password-reset',
} as const;

export async function startJobs(databaseUrl: string, log: { error: (o: object, m: string) => void }): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4, application_name: 'synergies-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // 'short': one queued job per singleton key, so a burst of edits to a declaration matches it once.
    const policy = name === QUEUES.matchDeclaration ? 'short' : 'standard';
    await boss.createQueue(name, { name, policy, retryLimit: 10, retryDelay: 5, retryBackoff: true });
  }
  return boss;
}

/** Lets pg-boss insert a job inside the caller's transaction, so it exists iff the change commits. */
export function jobsExecutor(tx: postgres.Sql | postgres.TransactionSql): { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> } {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.unsafe(text, values.map(toPgParameter) as postgres.ParameterOrJSON<never>[]),
    }),
  };
}

/** pg-boss is written for node-postgres: it leaves unset options undefined and passes job data as objects. */
function toPgParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}
