import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Placeholders shipped in .env.example and docker-compose.yml: never acceptable in production. */
export const DEFAULT_SECRETS = ['change-me', 'change-me-to-a-long-random-key', 'dev-cookie-secret-change-me-0123456789', 'synergies'];
const DEV_COOKIE_SECRET = 'dev-cookie-secret-change-me-0123456789';

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** Every setting of the server, in one schema; `.env.example` lists them all. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DATABASE_URL: z.string().optional(),
  MEILI_URL: z.url().optional(),
  MEILI_KEY: z.string().optional(),
  /** Prefix of the search index names: lets a command share a Meilisearch with other databases (tests). */
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Synergies <no-reply@synergies.local>'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Signs the device cookie that keeps a known browser's login allowance. */
  COOKIE_SECRET: z.string().min(32, 'at least 32 characters').default(DEV_COOKIE_SECRET),
  /**
   * Proxies whose X-Forwarded-For is believed: empty (none, the default), a hop count,
   * or a comma-separated list of addresses/CIDRs (e.g. `127.0.0.1,10.0.0.0/8`).
   */
  TRUST_PROXY: z.string().default(''),
  /**
   * Origins, besides PUBLIC_URL's, whose pages may send unsafe requests and open the realtime
   * socket (comma-separated). In development the Vite dev server's are added.
   */
  ALLOWED_ORIGINS: csv.pipe(z.array(z.url({ protocol: /^https?$/ }))),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  RESET_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
  /** Bytes an anonymous request may send (login, reset): larger bodies are refused before parsing. */
  ANONYMOUS_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  /** Bearer token for /metrics; without it /metrics only answers the loopback address. */
  METRICS_TOKEN: z.string().optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /**
   * What this process runs: `all` (one process, the default), `api` (HTTP and WebSockets only)
   * or `worker` (the background work: matching, search relay, emails, reminders, imports).
   * At scale, API instances stay responsive while workers take the heavy work elsewhere.
   */
  PROCESS_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  /** The French national address API (BAN), e.g. https://api-adresse.data.gouv.fr: imports geocode through its CSV endpoint. */
  GEOCODER_URL: z.url().optional(),
  /** A MapLibre style URL for the map of flows; without it the map draws the zone on a plain background. */
  MAP_TILES_URL: z.url().optional(),
});

export type Config = z.infer<typeof EnvSchema> & {
  webDist: string;
  publicUrl: string;
  /** PUBLIC_URL's origin and ALLOWED_ORIGINS: the pages trusted with unsafe requests and the socket. */
  allowedOrigins: string[];
  secureCookies: boolean;
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production') assertProductionSecrets(env, c);
  const publicUrl = c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
  return {
    ...c,
    webDist: path.join(REPO_ROOT, 'web', 'dist'),
    publicUrl,
    allowedOrigins: [
      new URL(publicUrl).origin,
      ...c.ALLOWED_ORIGINS.map((o) => new URL(o).origin),
      ...(c.NODE_ENV === 'development' ? ['http://localhost:5173', 'http://127.0.0.1:5173'] : []),
    ],
    secureCookies: c.NODE_ENV === 'production' || publicUrl.startsWith('https://'),
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string): Config['trustProxy'] {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  // `true` would believe any client's X-Forwarded-For: name the proxies instead.
  if (v === 'true') throw new Error('Invalid environment:\n  TRUST_PROXY: name the proxy addresses or a hop count, not "true"');
  return v;
}

/** In production a missing or placeholder secret stops the start, naming it. */
function assertProductionSecrets(env: NodeJS.ProcessEnv, c: z.infer<typeof EnvSchema>): void {
  const problems: string[] = [];
  const secret = (name: string, value: string | undefined) => {
    if (!value) problems.push(`  ${name}: required in production`);
    else if (DEFAULT_SECRETS.includes(value)) {
      problems.push(`  ${name}: still the example value; set a long random secret`);
    }
  };
  secret('COOKIE_SECRET', env.COOKIE_SECRET);
  if (c.MEILI_URL) secret('MEILI_KEY', c.MEILI_KEY);
  if (!c.PUBLIC_URL) problems.push('  PUBLIC_URL: required in production (links in emails, allowed origin)');
  if (c.DATABASE_URL) {
    const password = safeUrl(c.DATABASE_URL)?.password;
    if (!password || DEFAULT_SECRETS.includes(decodeURIComponent(password))) problems.push('  DATABASE_URL: its password is missing or the example value');
  }
  if (problems.length) throw new Error(`Invalid environment for production:\n${problems.join('\n')}`);
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}
