import { belongsToZone, canEditDeclarationsOf, canManageOrganisation, facilitates, isAdmin } from '@synergies/shared';
import type { CurrentUser } from '@synergies/shared';
import { InviteBody, OrganisationCreate, OrganisationListQuery, OrganisationUpdate, SiteCreate, SiteUpdate } from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { decodeCursor, pageOf } from '../../http/cursor';
import { conflict, forbidden, notFound, versionConflict } from '../../http/problem';
import { markForReindex } from '../../infra/search/outbox';
import type { AuthService } from '../auth/service';
import { findZone } from '../zones/repository';
import * as repo from './repository';

type OrganisationRow = repo.OrganisationRow;

export class OrganisationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthService,
  ) {}

  /** The API view; contact details only for the zone's facilitators and the firm's own members. */
  private present(user: CurrentUser, org: OrganisationRow, sites: repo.SiteRow[]) {
    const seesContacts = canEditDeclarationsOf(user, org);
    return {
      ...org,
      email: seesContacts ? org.email : null,
      phone: seesContacts ? org.phone : null,
      sites: sites.filter((s) => s.organisationId === org.id),
      createdAt: org.createdAt.toISOString(),
      updatedAt: org.updatedAt.toISOString(),
    };
  }

  /** Loads an organisation the user may see, or answers 404 as if it did not exist. */
  async visible(user: CurrentUser, id: string): Promise<OrganisationRow> {
    const org = await repo.findOrganisation(this.ctx.db, id);
    if (!org || org.archived || !belongsToZone(user, org.zoneId)) throw notFound('Organisation');
    return org;
  }

  async get(user: CurrentUser, id: string) {
    const org = await this.visible(user, id);
    return this.present(user, org, await repo.sitesOf(this.ctx.db, [id]));
  }

  async list(user: CurrentUser, query: z.infer<typeof OrganisationListQuery>) {
    let zoneIds: string[] | null = isAdmin(user) ? null : user.zoneIds;
    if (query.zoneId) {
      if (!belongsToZone(user, query.zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
      zoneIds = [query.zoneId];
    }
    // Who took part is the facilitators' figure, as the dashboard it comes from.
    if (query.mobilisedIn !== undefined && !facilitates(user, query.zoneId!))
      throw forbidden('Seuls les animateurs de la zone voient ses entreprises mobilisées');
    const mobilised = query.mobilisedIn === undefined ? undefined : { zoneId: query.zoneId!, year: query.mobilisedIn };
    const rows = await repo.listOrganisations(this.ctx.db, { zoneIds, q: query.q, mobilised, after: decodeCursor(query.cursor), limit: query.limit });
    const page = pageOf(rows, query.limit, (o) => [o.name, o.id]);
    const sites = await repo.sitesOf(
      this.ctx.db,
      page.items.map((o) => o.id),
    );
    return { items: page.items.map((o) => this.present(user, o, sites)), nextCursor: page.nextCursor };
  }

  async create(user: CurrentUser, input: z.infer<typeof OrganisationCreate>) {
    if (!(await findZone(this.ctx.db, input.zoneId))) throw notFound('Zone');
    if (!facilitates(user, input.zoneId)) throw forbidden('Seuls les animateurs de la zone ajoutent des entreprises');
    if (await repo.findOrganisationBySiret(this.ctx.db, input.siret)) throw conflict('siret_taken', `Le SIRET ${input.siret} est déjà enregistré`);
    const org = await this.ctx.db.transaction(async (tx) => {
      const row = await repo.insertOrganisation(tx, input);
      await markForReindex(tx, 'organisation', [row.id]);
      return row;
    });
    this.ctx.searchRelay.nudge();
    return this.present(user, org, []);
  }

  async update(user: CurrentUser, id: string, input: z.infer<typeof OrganisationUpdate>) {
    const org = await this.visible(user, id);
    if (!canManageOrganisation(user, org)) throw forbidden();
    if (input.siret && input.siret !== org.siret && (await repo.findOrganisationBySiret(this.ctx.db, input.siret))) {
      throw conflict('siret_taken', `Le SIRET ${input.siret} est déjà enregistré`);
    }
    const { version, ...values } = input;
    const updated = await this.ctx.db.transaction(async (tx) => {
      const row = await repo.updateOrganisation(tx, id, version, values, this.ctx.now());
      if (!row) throw versionConflict();
      await markForReindex(tx, 'organisation', [id]);
      // Declarations carry the organisation's name in the index.
      if (values.name && values.name !== org.name) {
        await markForReindex(
          tx,
          'declaration',
          (await repo.declarationIdsOf(tx, id)).map((d) => d.id),
        );
      }
      return row;
    });
    this.ctx.searchRelay.nudge();
    return this.present(user, updated, await repo.sitesOf(this.ctx.db, [id]));
  }

  private async assertCanEditSites(user: CurrentUser, organisationId: string) {
    const org = await this.visible(user, organisationId);
    if (!canEditDeclarationsOf(user, org)) throw forbidden();
    return org;
  }

  async addSite(user: CurrentUser, organisationId: string, input: z.infer<typeof SiteCreate>) {
    await this.assertCanEditSites(user, organisationId);
    const site = await this.ctx.db.transaction(async (tx) => {
      const row = await repo.insertSite(tx, { ...input, organisationId });
      await markForReindex(tx, 'organisation', [organisationId]);
      return row;
    });
    this.ctx.searchRelay.nudge();
    return site;
  }

  private async siteForEdit(user: CurrentUser, siteId: string) {
    const site = await repo.findSite(this.ctx.db, siteId);
    if (!site) throw notFound('Site');
    await this.assertCanEditSites(user, site.organisationId);
    return site;
  }

  async updateSite(user: CurrentUser, siteId: string, input: z.infer<typeof SiteUpdate>) {
    const site = await this.siteForEdit(user, siteId);
    const updated = await this.ctx.db.transaction(async (tx) => {
      const row = await repo.updateSite(tx, siteId, input);
      await markForReindex(tx, 'organisation', [site.organisationId]);
      await markForReindex(
        tx,
        'declaration',
        (await repo.declarationIdsAtSite(tx, siteId)).map((d) => d.id),
      );
      return row!;
    });
    this.ctx.searchRelay.nudge();
    return updated;
  }

  async deleteSite(user: CurrentUser, siteId: string) {
    const site = await this.siteForEdit(user, siteId);
    await this.ctx.db.transaction(async (tx) => {
      const affected = (await repo.declarationIdsAtSite(tx, siteId)).map((d) => d.id);
      await repo.deleteSite(tx, siteId);
      await markForReindex(tx, 'organisation', [site.organisationId]);
      await markForReindex(tx, 'declaration', affected);
    });
    this.ctx.searchRelay.nudge();
  }

  async members(user: CurrentUser, organisationId: string) {
    const org = await this.visible(user, organisationId);
    if (!canEditDeclarationsOf(user, org)) throw forbidden();
    return repo.membersOf(this.ctx.db, organisationId);
  }

  async inviteMember(user: CurrentUser, organisationId: string, input: z.infer<typeof InviteBody>) {
    const org = await this.visible(user, organisationId);
    if (!canManageOrganisation(user, org)) throw forbidden('Seuls les animateurs de la zone invitent des membres');
    const userId = await this.auth.invite(user, { ...input, role: 'member', organisationId, zoneId: org.zoneId }, org.name);
    return { userId };
  }
}
