import {
  type Association,
  type CurrentUser,
  type DirectoryEntry,
  type MeetingEvent,
  type MeetingEventCreate,
  type MeetingEventSummary,
} from '@synergies/shared';
import { acceptUploadedImage } from '../../infra/images';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { canManageAssociation, facilitates, isAdmin } from '@synergies/shared';
import type { MeetingEventService } from '../meetings/service';
import * as repo from './repository';

const logoUrl = (id: string) => `/api/v1/associations/${id}/logo`;

/** A zone's firms' association: its members, organisers, logo, directory and events. */
export class AssociationService {
  constructor(private readonly ctx: AppContext) {}

  private get sql() {
    return this.ctx.db.$client;
  }

  /** Visible to the zone's people, its organisers and its member firms; others get a 404. */
  private async visible(user: CurrentUser, id: string) {
    const a = await repo.find(this.sql, id);
    if (!a) throw notFound('Association');
    const organiser = await repo.isOrganiser(this.sql, id, user.id);
    if (!organiser && !user.zoneIds.includes(a.zone_id) && !isAdmin(user)) throw notFound('Association');
    return { a, organiser, canManage: canManageAssociation(user, { zoneId: a.zone_id }, organiser) };
  }

  private async manageable(user: CurrentUser, id: string) {
    const v = await this.visible(user, id);
    if (!v.canManage) throw forbidden("Réservé aux organisateurs de l'association et aux animateurs de la zone");
    return v;
  }

  private async present(user: CurrentUser, rows: repo.AssociationRow[]): Promise<Association[]> {
    const ids = rows.map((r) => r.id);
    const [members, organisers] = await Promise.all([repo.members(this.sql, ids), repo.organisers(this.sql, ids)]);
    return rows.map((a) => {
      const own = organisers.filter((o) => o.association_id === a.id);
      return {
        id: a.id,
        zoneId: a.zone_id,
        name: a.name,
        description: a.description,
        premises: a.premises,
        logoUrl: a.has_logo ? `${logoUrl(a.id)}?v=${a.version}` : null,
        members: members.filter((m) => m.association_id === a.id).map((m) => ({ id: m.id, name: m.name })),
        organisers: own.map((o) => ({ id: o.id, displayName: o.display_name, email: o.email })),
        canManage: canManageAssociation(
          user,
          { zoneId: a.zone_id },
          own.some((o) => o.id === user.id),
        ),
        version: a.version,
      };
    });
  }

  async list(user: CurrentUser, zoneId?: string): Promise<Association[]> {
    const zones = isAdmin(user) ? (zoneId ? [zoneId] : null) : user.zoneIds.filter((z) => !zoneId || z === zoneId);
    return this.present(user, await repo.list(this.sql, zones, user.id, user.organisationId));
  }

  async get(user: CurrentUser, id: string): Promise<Association> {
    const { a } = await this.visible(user, id);
    return (await this.present(user, [a]))[0]!;
  }

  private async checkMembers(zoneId: string, ids: string[]) {
    const found = new Set((await repo.zoneOrganisations(this.sql, zoneId, ids)).map((o) => o.id));
    const errors = ids.flatMap((id, i) =>
      found.has(id) ? [] : [{ path: `body.memberIds.${i}`, message: "Cette entreprise n'est pas dans la zone", code: 'unknown_organisation' }],
    );
    if (errors.length) throw unprocessable('unknown_organisation', 'Certaines entreprises ne sont pas des entreprises de la zone.', errors);
  }

  async create(user: CurrentUser, input: { zoneId: string; name: string; description: string; premises: string; memberIds: string[] }): Promise<Association> {
    if (!facilitates(user, input.zoneId)) throw forbidden('Seuls les animateurs de la zone créent une association');
    await this.checkMembers(input.zoneId, input.memberIds);
    let id: string;
    try {
      id = await this.sql.begin(async (tx) => {
        const created = await repo.insert(tx, { ...input, now: this.ctx.now() });
        await repo.replaceMembers(tx, created, [...new Set(input.memberIds)]);
        return created;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('association_exists', 'Une association de ce nom existe déjà dans la zone.');
      throw error;
    }
    return this.get(user, id);
  }

  async update(
    user: CurrentUser,
    id: string,
    input: { name?: string | undefined; description?: string | undefined; premises?: string | undefined; memberIds?: string[] | undefined; version: number },
  ): Promise<Association> {
    const { a } = await this.manageable(user, id);
    if (input.memberIds) await this.checkMembers(a.zone_id, input.memberIds);
    try {
      await this.sql.begin(async (tx) => {
        if (!(await repo.update(tx, id, input.version, input, this.ctx.now()))) throw versionConflict();
        if (input.memberIds) await repo.replaceMembers(tx, id, [...new Set(input.memberIds)]);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('association_exists', 'Une association de ce nom existe déjà dans la zone.');
      throw error;
    }
    return this.get(user, id);
  }

  async addOrganiser(user: CurrentUser, id: string, email: string): Promise<Association> {
    await this.manageable(user, id);
    const target = await repo.userByEmail(this.sql, email);
    if (!target)
      throw unprocessable('unknown_user', "Aucun compte n'a cette adresse : invitez d'abord la personne.", [{ path: 'body.email', message: 'Compte inconnu' }]);
    await repo.addOrganiser(this.sql, id, target.id);
    return this.get(user, id);
  }

  async removeOrganiser(user: CurrentUser, id: string, userId: string): Promise<Association> {
    await this.manageable(user, id);
    await repo.removeOrganiser(this.sql, id, userId);
    return this.get(user, id);
  }

  /** The logo goes through the same checks as declaration photos, and is re-encoded the same way. */
  async setLogo(user: CurrentUser, id: string, bytes: Buffer): Promise<Association> {
    await this.manageable(user, id);
    const image = await acceptUploadedImage(bytes);
    const { a } = await this.visible(user, id);
    await this.sql.begin(async (tx) => {
      await repo.saveLogo(tx, id, image.contentType, image.bytes, this.ctx.now());
      if (!(await repo.update(tx, id, a.version, {}, this.ctx.now()))) throw versionConflict();
    });
    return this.get(user, id);
  }

  async logo(user: CurrentUser, id: string) {
    await this.visible(user, id);
    const row = await repo.logo(this.sql, id);
    if (!row) throw notFound('Logo');
    return { contentType: row.content_type, bytes: row.bytes };
  }

  /** Members read the other members; organisers and facilitators read everyone. */
  async directory(
    user: CurrentUser,
    id: string,
    q: { q?: string | undefined; kind?: 'offer' | 'need' | undefined; categoryCode?: string | undefined; withSynergies: boolean },
  ): Promise<DirectoryEntry[]> {
    const { canManage } = await this.visible(user, id);
    const member = await repo.isMember(this.sql, id, user.organisationId);
    if (!member && !canManage) throw forbidden("L'annuaire est réservé aux membres de l'association");
    const rows = await repo.directory(this.sql, id, member ? user.organisationId : null, { ...q, withSynergies: q.withSynergies && member });
    return rows.map((r) => ({
      organisation: { id: r.id, name: r.name, description: r.description, nafCode: r.naf_code, city: r.city },
      offers: r.offers,
      needs: r.needs,
      synergies: r.synergies,
    }));
  }

  /** An organiser runs a business-meeting event for the association's members with the events machinery. */
  /** Its business-meeting events, drafts included, for those who run them. */
  async events(user: CurrentUser, id: string): Promise<MeetingEventSummary[]> {
    const { a } = await this.manageable(user, id);
    return (await repo.eventsOf(this.sql, id)).map((e) => ({
      association: { id: a.id, name: a.name },
      id: e.id,
      zoneId: e.zone_id,
      name: e.name,
      date: e.date,
      status: e.status as MeetingEventSummary['status'],
      version: e.version,
    }));
  }

  async createEvent(user: CurrentUser, id: string, input: MeetingEventCreate, events: MeetingEventService): Promise<MeetingEvent> {
    const { a } = await this.manageable(user, id);
    if (input.zoneId !== a.zone_id)
      throw unprocessable('zone_mismatch', "L'événement se tient dans la zone de l'association.", [{ path: 'body.zoneId', message: 'Autre zone' }]);
    const members = new Set((await repo.members(this.sql, [id])).map((m) => m.id));
    const errors = input.participants.flatMap((p, i) =>
      members.has(p.organisationId)
        ? []
        : [{ path: `body.participants.${i}.organisationId`, message: "Cette entreprise n'est pas membre de l'association", code: 'not_association_member' }],
    );
    if (errors.length) throw unprocessable('not_association_member', "Les participants sont des membres de l'association.", errors);
    return events.create(user, input, { associationId: id });
  }
}
