import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ZoneExchange } from '@synergies/shared';
import type { AppContext } from './context';
import { REPO_ROOT } from './infra/config';
import { rawSql } from './infra/db';
import { addZoneFacilitator, findUserByEmail, insertUser } from './modules/auth/repository';
import { hashPassword } from './modules/auth/secrets';
import { ZoneExchangeService } from './modules/zone-exchange/service';

export const DEMO_ZONE_FILE = path.join(REPO_ROOT, 'db', 'seed', 'lons-perrigny.json');

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.synergies.fr', password: 'Synergies-admin-2026', displayName: 'Camille Admin', role: 'admin' },
  { email: 'animatrice@demo.synergies.fr', password: 'Synergies-anim-2026', displayName: 'Claire Animatrice', role: 'facilitator' },
  { email: 'membre@demo.synergies.fr', password: 'Synergies-membre-2026', displayName: 'Marc Membre', role: 'member' },
] as const;

export async function loadDemoZone(): Promise<ZoneExchange> {
  return ZoneExchange.parse(JSON.parse(await readFile(DEMO_ZONE_FILE, 'utf8')));
}

/** Loads the demo zone through the ordinary import path, then its demo accounts. */
export async function seedDemo(ctx: AppContext): Promise<{ zoneId: string; memberOrganisation: string }> {
  const doc = await loadDemoZone();
  const summary = await new ZoneExchangeService(ctx).importZone('system', doc);
  const member = doc.organisations[0]!;
  const [memberOrg] = await ctx.db.$client<{ id: string }[]>`select id from organisations where siret = ${member.siret}`;
  await ctx.db.transaction(async (tx) => {
    const sql = rawSql(tx);
    for (const account of DEMO_ACCOUNTS) {
      if (await findUserByEmail(sql, account.email)) continue;
      const userId = await insertUser(sql, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        locale: 'fr',
        organisationId: account.role === 'member' ? memberOrg!.id : null,
        passwordHash: await hashPassword(account.password),
      });
      if (account.role === 'facilitator') await addZoneFacilitator(sql, summary.zoneId, userId);
    }
  });
  return { zoneId: summary.zoneId, memberOrganisation: member.name };
}

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.$client<{ n: number }[]>`select count(*)::int as n from zones`;
  return row!.n === 0;
}
