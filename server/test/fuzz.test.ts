import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, type Scenario } from './context';

/**
 * Property-based fuzzing of every route the app serves, read from its own OpenAPI
 * document (so routes added later are covered): inputs are generated from each route's
 * JSON schema (made from the shared zod schemas), then mutated. Whatever is sent, the
 * answer is never a 5xx, and a rejected request changes no row.
 */
let t: TestContext;
let s: Scenario;
let admin: TestUser;
let knownIds: string[];

beforeAll(async () => {
  t = await createTestContext();
  s = await t.scenario();
  admin = await t.newUser('admin');
  const offer = await t.declare(s.memberA, { title: 'Palettes à donner' });
  knownIds = [s.zoneId, s.firmA.id, s.firmA.siteId, s.firmB.id, offer.id, s.memberA.id];
});
afterAll(() => t.close());

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  $ref?: string;
  default?: unknown;
};

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'javascript:alert(1)',
  '%00',
  '\uFFFF',
  '𝕏',
  'x'.repeat(5000),
  'NaN',
  '-1',
  '1e309',
  '2026-02-30T25:61:00Z',
];

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return components[schema.$ref.split('/').pop()!] ?? {};
  return schema;
}

/** Valid-looking values from the schema, mixed with nasty ones at every level. */
function arbitraryOf(raw: Schema, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw, components);
  const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.constantFrom(null, -1, 0, 1e12, true, [], {}), fc.string());
  if (depth > 4) return nasty;
  const variants = schema.anyOf ?? schema.oneOf;
  let valid: fc.Arbitrary<unknown>;
  if (schema.const !== undefined) valid = fc.constant(schema.const);
  else if (schema.enum) valid = fc.constantFrom(...schema.enum);
  else if (variants) valid = fc.oneof(...variants.map((v) => arbitraryOf(v, components, depth + 1)));
  else if (schema.allOf) valid = arbitraryOf(schema.allOf[0]!, components, depth + 1);
  else {
    const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
    switch (type) {
      case 'string':
        valid =
          schema.format === 'uuid'
            ? fc.oneof(fc.constantFrom(...knownIds), fc.uuid())
            : schema.format === 'email'
              ? fc.emailAddress()
              : schema.format === 'date-time'
                ? fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString())
                : schema.format === 'date'
                  ? fc.constantFrom('2026-10-03', '2027-01-31')
                  : fc.string({ maxLength: Math.min(schema.maxLength ?? 60, 60) });
        break;
      case 'integer':
        valid = fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
        break;
      case 'number':
        valid = fc.double({ min: Math.max(schema.minimum ?? -1e6, -1e9), max: Math.min(schema.maximum ?? 1e6, 1e9), noNaN: true });
        break;
      case 'boolean':
        valid = fc.boolean();
        break;
      case 'array':
        valid = fc.array(arbitraryOf(schema.items ?? {}, components, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
        break;
      case 'object': {
        const props = Object.entries(schema.properties ?? {});
        const required = new Set(schema.required ?? []);
        valid = fc.record(Object.fromEntries(props.map(([k, v]) => [k, arbitraryOf(v, components, depth + 1)])), {
          requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
        });
        break;
      }
      default:
        valid = fc.anything({ maxDepth: 2 });
    }
  }
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: nasty });
}

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

function operations(doc: { paths: Record<string, Record<string, Operation>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (['get', 'post', 'patch', 'put', 'delete'].includes(method)) ops.push({ ...op, method: method.toUpperCase(), path });
    }
  }
  return ops;
}

/**
 * Row counts and versions of every table: a rejected request must leave them as they were.
 * Left out: the search outbox, which the relay empties in the background at any moment, and
 * the audit log, written just after each accepted answer (account.test.ts checks that a
 * refused request writes no line).
 */
async function fingerprint(): Promise<string> {
  const tables = await t.ctx.db.$client<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '%migrations%' and table_name not in ('search_outbox', 'audit_log')`;
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const hasVersion =
        (await t.ctx.db.$client`select 1 from information_schema.columns where table_schema = 'public' and table_name = ${name} and column_name = 'version'`)
          .length > 0;
      const [row] = await t.ctx.db.$client.unsafe<{ n: string; v: string }[]>(
        `select count(*)::text as n, ${hasVersion ? 'coalesce(sum(version), 0)::text' : "''"} as v from "${name}"`,
      );
      return `${name}:${row!.n}:${row!.v}`;
    }),
  );
  return parts.sort().join('|');
}

// Ending the fuzzing identity's own session would only make the rest of the run anonymous.
const SKIPPED = new Set(['POST /api/v1/auth/logout']);

describe('every route, fuzzed', () => {
  it('answers no 5xx and changes nothing when it rejects', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
    const components = doc.components?.schemas ?? {};
    const ops = operations(doc).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
    expect(ops.length).toBeGreaterThan(50);
    let sent = 0;
    const statuses = new Map<number, number>();
    const failures: string[] = [];

    for (const op of ops) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      const input = fc.record({
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, arbitraryOf(p.schema, components)]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arbitraryOf(p.schema, components)])), { requiredKeys: [] }),
        body: bodySchema ? arbitraryOf(bodySchema, components) : fc.constant(undefined),
        who: fc.constantFrom<(TestUser | null)[]>(admin, s.facilitator, s.memberA, null),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ path, query, body, who }) => {
          let url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(path[name] ?? '')));
          const qs = new URLSearchParams();
          for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, typeof v === 'string' ? v : JSON.stringify(v));
          if ([...qs].length) url += `?${qs}`;
          // Work an accepted request queued (matching, emails) must be over before state is compared.
          await t.drainJobs();
          const before = await fingerprint();
          const res = await t.app.inject({
            method: op.method as 'GET',
            url,
            headers: who ? { cookie: who.cookie } : {},
            ...(body !== undefined && op.method !== 'GET'
              ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie } : {}) } }
              : {}),
          });
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500)
            failures.push(`${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)} body=${JSON.stringify(body)?.slice(0, 200)}`);
          expect(res.statusCode, `${op.method} ${url}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(await fingerprint(), `${op.method} ${url} ${res.statusCode} changed state`).toBe(before);
        }),
        { numRuns: 12, seed: 15, endOnFailure: true },
      );
    }
    console.info(`fuzzed ${ops.length} routes with ${sent} requests: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
