import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DATABASE_URL: z.string().optional(),
  MEILI_URL: z.url().optional(),
  MEILI_KEY: z.string().optional(),
  /** Prefix of the search index names: lets a command share a Meilisearch with other databases (tests). */
  MEILI_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]*$/).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Synergies <no-reply@synergies.local>'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  /** Extra origins allowed to open the realtime WebSocket, comma-separated (the Vite dev server in development). */
  REALTIME_ORIGINS: z.string().optional(),
  /** The French national address API (BAN), e.g. https://api-adresse.data.gouv.fr: imports geocode through its CSV endpoint. */
  GEOCODER_URL: z.url().optional(),
  /** A MapLibre style URL for the map of flows; without it the map draws the zone on a plain background. */
  MAP_TILES_URL: z.url().optional(),
});

export type Config = z.infer<typeof EnvSchema> & { webDist: string; publicUrl: string; realtimeOrigins: string[] };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    webDist: path.join(REPO_ROOT, 'web', 'dist'),
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    realtimeOrigins: c.REALTIME_ORIGINS
      ? c.REALTIME_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean)
      : c.NODE_ENV === 'development'
        ? ['http://localhost:5173', 'http://127.0.0.1:5173']
        : [],
  };
}
