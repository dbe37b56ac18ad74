import { facilitates, isAdmin } from '@synergies/shared';
import type { CurrentUser } from '@synergies/shared';
import { z } from 'zod';
import { InviteBody, ZoneCreate, ZoneUpdate } from '@synergies/shared';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound, versionConflict } from '../../http/problem';
import { withIsoDates } from '../../http/serialize';
import type { AuthService } from '../auth/service';
import * as repo from './repository';

export class ZoneService {
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthService,
  ) {}

  async list() {
    return (await repo.listZones(this.ctx.db)).map(withIsoDates);
  }

  async get(id: string) {
    const zone = await repo.findZone(this.ctx.db, id);
    if (!zone) throw notFound('Zone');
    return withIsoDates(zone);
  }

  async create(user: CurrentUser, input: z.infer<typeof ZoneCreate>) {
    if (!isAdmin(user)) throw forbidden('Seul un administrateur crée des zones');
    if (await repo.findZoneBySlug(this.ctx.db, input.slug)) throw conflict('slug_taken', `L'identifiant « ${input.slug} » est déjà pris`);
    return withIsoDates(await repo.insertZone(this.ctx.db, input));
  }

  async update(user: CurrentUser, id: string, input: z.infer<typeof ZoneUpdate>) {
    const zone = await this.get(id);
    if (!facilitates(user, zone.id)) throw forbidden();
    const { version, ...values } = input;
    const updated = await repo.updateZone(this.ctx.db, id, version, values, this.ctx.now());
    if (!updated) throw versionConflict();
    return withIsoDates(updated);
  }

  async facilitators(user: CurrentUser, zoneId: string) {
    await this.get(zoneId);
    if (!facilitates(user, zoneId)) throw forbidden();
    return repo.listFacilitators(this.ctx.db, zoneId);
  }

  async inviteFacilitator(user: CurrentUser, zoneId: string, input: z.infer<typeof InviteBody>) {
    const zone = await this.get(zoneId);
    if (!isAdmin(user)) throw forbidden('Seul un administrateur nomme les animateurs');
    const userId = await this.auth.invite(user, { ...input, role: 'facilitator', organisationId: null, zoneId }, zone.name);
    return { userId };
  }
}
