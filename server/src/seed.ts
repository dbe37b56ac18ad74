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
  // Runs ALons'ZI: a member of one of its firms who organises the association.
  {
    email: 'organisateur@demo.synergies.fr',
    password: 'Synergies-orga-2026',
    displayName: 'Olivier Organisateur',
    role: 'member',
    label: "organiser (ALons'ZI)",
  },
] as const;

/** The demo zone's firms' association and the firms that are not (yet) members. */
const DEMO_ASSOCIATION = {
  name: "ALons'ZI",
  description: 'Association des entreprises de la zone industrielle de Lons-Perrigny : rencontres, achats groupés, économie circulaire.',
  premises: 'Maison des entreprises, rue des Prés, 39570 Perrigny',
  notMembers: ['Serres Maraîchères du Revermont', 'EARL des Grands Prés', 'Laboratoires Pharmaceutiques du Revermont'],
  organiserFirm: 'Palettes et Emballages Bois du Revermont',
};

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
    const [organiserOrg] = await sql<
      { id: string }[]
    >`select id from organisations where zone_id = ${summary.zoneId} and name = ${DEMO_ASSOCIATION.organiserFirm}`;
    const [association] = await sql<{ id: string }[]>`
      insert into associations (zone_id, name, description, premises) values (${summary.zoneId}, ${DEMO_ASSOCIATION.name}, ${DEMO_ASSOCIATION.description}, ${DEMO_ASSOCIATION.premises})
      on conflict (zone_id, name) do update set name = excluded.name returning id`;
    await sql`insert into association_members (association_id, organisation_id)
              select ${association!.id}, id from organisations where zone_id = ${summary.zoneId} and not (name = any(${DEMO_ASSOCIATION.notMembers}::text[]))
              on conflict do nothing`;
    for (const account of DEMO_ACCOUNTS) {
      const organiser = 'label' in account;
      const existing = await findUserByEmail(sql, account.email);
      const userId =
        existing?.id ??
        (await insertUser(sql, {
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          locale: 'fr',
          organisationId: account.role === 'member' ? (organiser ? (organiserOrg ?? memberOrg)!.id : memberOrg!.id) : null,
          passwordHash: await hashPassword(account.password),
        }));
      if (account.role === 'facilitator' && !existing) await addZoneFacilitator(sql, summary.zoneId, userId);
      if (organiser) await sql`insert into association_organisers (association_id, user_id) values (${association!.id}, ${userId}) on conflict do nothing`;
    }
  });
  return { zoneId: summary.zoneId, memberOrganisation: member.name };
}

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.$client<{ n: number }[]>`select count(*)::int as n from zones`;
  return row!.n === 0;
}
