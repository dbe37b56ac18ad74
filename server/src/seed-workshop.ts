import { MeetingEventCreate, WorkshopCreate, type CurrentUser } from '@synergies/shared';
import type { AppContext } from './context';
import { rawSql } from './infra/db';
import { findUserByEmail } from './modules/auth/repository';
import { buildMeetingServices } from './modules/meetings';
import { WorkshopDayService } from './modules/workshops/day';
import { WorkshopService } from './modules/workshops/service';
import type { AuthService } from './modules/auth/service';
import { DEMO_ACCOUNTS } from './seed';

export const DEMO_WORKSHOP_NAME = 'Atelier synergies de Lons-Perrigny';
const FIRMS = 12;

export interface DemoWorkshopLinks {
  console: string;
  phone: string;
  screen: string;
  join: string | null;
}

/**
 * The demo zone's workshop, ready to run: a dozen firms invited (the demo member's among them),
 * a business-meeting event linked with three rounds in the afternoon, and at each start a fresh
 * room-screen link. Returns the URLs to open, or null without the demo zone.
 */
export async function ensureDemoWorkshop(ctx: AppContext, auth: AuthService): Promise<DemoWorkshopLinks | null> {
  const sql = ctx.db.$client;
  const [zone] = await sql<{ id: string }[]>`select id from zones where slug = 'lons-perrigny'`;
  const facilitatorAccount = await findUserByEmail(sql, DEMO_ACCOUNTS[1].email);
  const memberAccount = await findUserByEmail(sql, DEMO_ACCOUNTS[2].email);
  if (!zone || !facilitatorAccount) return null;
  const { passwordHash: _omit, ...facilitator } = facilitatorAccount;
  const user: CurrentUser = facilitator;
  const workshops = new WorkshopService(ctx, auth);
  let [existing] = await sql<{ id: string }[]>`select id from workshops where zone_id = ${zone.id} and name = ${DEMO_WORKSHOP_NAME}`;
  if (!existing) {
    const firms = await sql<{ id: string }[]>`
      select id from organisations where zone_id = ${zone.id} and not archived
      order by (id = ${memberAccount?.organisationId ?? null}) desc, name limit ${FIRMS}`;
    const date = ctx.now().toISOString().slice(0, 10);
    const meetings = buildMeetingServices(ctx);
    const event = await meetings.events.create(
      user,
      MeetingEventCreate.parse({
        zoneId: zone.id,
        name: "Rendez-vous d'affaires de l'atelier",
        date,
        timeZone: 'Europe/Paris',
        sessions: [
          {
            id: 'apres-midi',
            name: 'Après-midi',
            slots: ['14:00', '14:20', '14:40', '15:00', '15:20'].map((start, i) => ({ id: `r${i + 1}`, start, durationMinutes: 20 })),
          },
        ],
        tables: Array.from({ length: 6 }, (_, i) => ({ id: `T${i + 1}`, name: `Table ${i + 1}` })),
        participants: firms.map((f) => ({ organisationId: f.id })),
      }),
    );
    const created = await workshops.create(
      user,
      WorkshopCreate.parse({
        zoneId: zone.id,
        name: DEMO_WORKSHOP_NAME,
        date,
        place: 'Salle polyvalente de Perrigny',
        agenda:
          '9 h : accueil · 9 h 30 : fiches « nous avons / nous cherchons » · 10 h 30 : tableau des pistes · 11 h 15 : demandes de rendez-vous · 14 h : rendez-vous d’affaires',
        eventId: event.id,
        organisationIds: firms.map((f) => f.id),
      }),
    );
    existing = { id: created.id };
  }
  const screen = await new WorkshopDayService(ctx, buildMeetingServices(ctx)).createDisplayToken(user, existing.id, 'Écran de démonstration');
  const [other] = await rawSql(ctx.db)<{ joinCode: string }[]>`
    select join_code as "joinCode" from workshop_firms where workshop_id = ${existing.id} and joined_at is null
      and organisation_id is distinct from ${memberAccount?.organisationId ?? null} order by join_code limit 1`;
  const base = ctx.config.publicUrl;
  return {
    console: `${base}/ateliers/${existing.id}/console`,
    phone: `${base}/ateliers/${existing.id}`,
    screen: `${base}/ateliers/${existing.id}/ecran?token=${encodeURIComponent(screen.token)}`,
    join: other ? `${base}/a/${other.joinCode}` : null,
  };
}
