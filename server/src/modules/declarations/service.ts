import {
  canEditDeclarationsOf,
  canSeeDeclaration,
  type CurrentUser,
  type DeclarationCreate,
  type DeclarationListQuery,
  type DeclarationUpdate,
  facilitates,
  findWasteCode,
  isAdmin,
  MAX_PHOTOS_PER_DECLARATION,
  PHOTO_TYPES,
} from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { decodeCursor, pageOf } from '../../http/cursor';
import { acceptUploadedImage } from '../../infra/images';
import { badRequest, forbidden, notFound, unprocessable, versionConflict } from '../../http/problem';
import { rawSql, type Transaction } from '../../infra/db';
import { markForReindex } from '../../infra/search/outbox';
import { MatchingService } from '../matching/service';
import * as orgRepo from '../organisations/repository';
import * as repo from './repository';

export const photoUrl = (id: string) => `/api/v1/photos/${id}`;

function present(row: repo.DeclarationRow, photos: repo.PhotoRow[]) {
  return {
    ...row,
    photos: photos
      .filter((p) => p.declarationId === row.id)
      .map((p) => ({ id: p.id, contentType: p.contentType as (typeof PHOTO_TYPES)[number], size: p.size, url: photoUrl(p.id) })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export class DeclarationService {
  constructor(private readonly ctx: AppContext) {}

  private async visible(user: CurrentUser, id: string) {
    const row = await repo.findDeclaration(this.ctx.db, id);
    if (!row || !canSeeDeclaration(user, row)) throw notFound('Fiche');
    return row;
  }

  private async editable(user: CurrentUser, id: string) {
    const row = await this.visible(user, id);
    if (!canEditDeclarationsOf(user, { id: row.organisationId, zoneId: row.zoneId })) {
      throw forbidden('Seuls les membres de cette entreprise et les animateurs de la zone modifient cette fiche');
    }
    return row;
  }

  async get(user: CurrentUser, id: string) {
    const row = await this.visible(user, id);
    return present(row, await repo.photosOf(this.ctx.db, [id]));
  }

  async list(user: CurrentUser, q: z.infer<typeof DeclarationListQuery>) {
    const rows = await repo.listDeclarations(this.ctx.db, {
      memberZoneIds: isAdmin(user) ? null : user.zoneIds,
      ownOrganisationId: user.organisationId,
      facilitatedZoneIds: user.zoneIds.filter((z) => facilitates(user, z)),
      ...q,
      after: decodeCursor(q.cursor, 'date'),
    });
    const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
    const photos = await repo.photosOf(
      this.ctx.db,
      page.items.map((r) => r.id),
    );
    return { items: page.items.map((r) => present(r, photos)), nextCursor: page.nextCursor };
  }

  /** Checks the references a declaration makes and derives its hazard from the waste code. */
  private async resolveReferences(
    tx: Transaction,
    organisationId: string,
    input: { wasteCode?: string | null; siteId?: string | null; hazardous?: boolean },
    current?: { hazardous: boolean; wasteCode: string | null },
  ) {
    const errors: { path: string; message: string }[] = [];
    let hazardous = input.hazardous ?? current?.hazardous ?? false;
    let wasteCode = input.wasteCode;
    // The flag follows the code the declaration will carry, whether this change names it or not.
    const effectiveCode = wasteCode !== undefined ? wasteCode : (current?.wasteCode ?? null);
    if (effectiveCode) {
      const entry = findWasteCode(effectiveCode);
      if (!entry) errors.push({ path: 'body.wasteCode', message: `Code déchet ${effectiveCode} inconnu de la liste européenne` });
      if (wasteCode) wasteCode = entry?.code ?? wasteCode;
      if (entry?.hazardous) {
        // On creation the flag simply follows the code; a change must not untick it.
        if (current && input.hazardous === false)
          errors.push({ path: 'body.hazardous', message: `Le code déchet ${entry.code}* est dangereux : la fiche reste marquée dangereuse` });
        hazardous = true;
      }
    }
    if (input.siteId) {
      const site = await orgRepo.findSite(tx, input.siteId);
      if (!site || site.organisationId !== organisationId) errors.push({ path: 'body.siteId', message: "Ce site n'appartient pas à l'entreprise" });
    }
    if (errors.length) throw unprocessable('invalid_reference', 'Certaines références sont invalides.', errors);
    return { ...(wasteCode !== undefined ? { wasteCode } : {}), hazardous };
  }

  private async organisationFor(user: CurrentUser, requested: string | undefined) {
    const organisationId = requested ?? user.organisationId;
    if (!organisationId) throw badRequest('organisation_required', "Précisez l'entreprise de la fiche (organisationId).");
    const org = await orgRepo.findOrganisation(this.ctx.db, organisationId);
    if (!org || org.archived) throw notFound('Organisation');
    if (!canEditDeclarationsOf(user, org)) throw forbidden('Vous ne pouvez pas déclarer pour cette entreprise');
    return org;
  }

  async create(user: CurrentUser, input: DeclarationCreate) {
    const { organisationId: requested, ...fields } = input;
    const org = await this.organisationFor(user, requested);
    const id = await this.ctx.db.transaction((tx) => this.insertFor(tx, org, fields));
    this.ctx.searchRelay.nudge();
    return this.get(user, id);
  }

  /**
   * Creates a declaration inside the caller's transaction (a workshop card): same checks,
   * indexing and matching as `create`. The caller nudges the search relay after commit.
   */
  async createWithin(tx: Transaction, user: CurrentUser, input: DeclarationCreate): Promise<string> {
    const { organisationId: requested, ...fields } = input;
    return this.insertFor(tx, await this.organisationFor(user, requested), fields);
  }

  private async insertFor(tx: Transaction, org: { id: string; zoneId: string }, fields: Omit<DeclarationCreate, 'organisationId'>): Promise<string> {
    const refs = await this.resolveReferences(tx, org.id, fields);
    const newId = await repo.insertDeclaration(tx, { ...fields, ...refs, organisationId: org.id, zoneId: org.zoneId });
    await markForReindex(tx, 'declaration', [newId]);
    await markForReindex(tx, 'organisation', [org.id]);
    await MatchingService.enqueue(this.ctx, rawSql(tx), newId);
    return newId;
  }

  async update(user: CurrentUser, id: string, input: DeclarationUpdate) {
    const current = await this.editable(user, id);
    const { version, ...fields } = input;
    const from = fields.availableFrom !== undefined ? fields.availableFrom : current.availableFrom;
    const until = fields.availableUntil !== undefined ? fields.availableUntil : current.availableUntil;
    if (from && until && from > until) {
      throw badRequest('validation_failed', 'La fin de disponibilité précède le début', [
        { path: 'body.availableUntil', message: 'La fin de disponibilité précède le début' },
      ]);
    }
    await this.ctx.db.transaction(async (tx) => {
      const refs = await this.resolveReferences(tx, current.organisationId, fields, current);
      const updated = await repo.updateDeclaration(tx, id, version, { ...fields, ...refs }, this.ctx.now());
      if (!updated) throw versionConflict();
      await markForReindex(tx, 'declaration', [id]);
      await markForReindex(tx, 'organisation', [current.organisationId]);
      await MatchingService.enqueue(this.ctx, rawSql(tx), id);
    });
    this.ctx.searchRelay.nudge();
    return this.get(user, id);
  }

  /**
   * Reserves, releases or closes a declaration inside the caller's transaction (a marketplace
   * hand-over), the way every change of a declaration goes: re-indexed and matched again.
   * False when it was not in the `from` status any more.
   */
  async setAvailability(tx: Transaction, id: string, status: repo.DeclarationRow['status'], now: Date, from?: repo.DeclarationRow['status']): Promise<boolean> {
    if (!(await repo.changeStatus(tx, id, status, now, from))) return false;
    await markForReindex(tx, 'declaration', [id]);
    await MatchingService.enqueue(this.ctx, rawSql(tx), id);
    return true;
  }

  async addPhoto(user: CurrentUser, id: string, bytes: Buffer) {
    await this.editable(user, id);
    const image = await acceptUploadedImage(bytes);
    const photo = await this.ctx.db.transaction(async (tx) => {
      // Locked while counting: simultaneous uploads take turns, so the limit holds.
      await repo.lockDeclaration(tx, id);
      if ((await repo.countPhotos(tx, id)) >= MAX_PHOTOS_PER_DECLARATION) {
        throw unprocessable('too_many_photos', `Au plus ${MAX_PHOTOS_PER_DECLARATION} photos par fiche.`);
      }
      const row = await repo.insertPhoto(tx, { declarationId: id, contentType: image.contentType, size: image.bytes.length, bytes: image.bytes });
      await markForReindex(tx, 'declaration', [id]);
      return row;
    });
    this.ctx.searchRelay.nudge();
    return { id: photo.id, contentType: photo.contentType as (typeof PHOTO_TYPES)[number], size: photo.size, url: photoUrl(photo.id) };
  }

  async deletePhoto(user: CurrentUser, id: string, photoId: string) {
    await this.editable(user, id);
    const photo = await repo.findPhoto(this.ctx.db, photoId);
    if (!photo || photo.declarationId !== id) throw notFound('Photo');
    await this.ctx.db.transaction(async (tx) => {
      await repo.deletePhoto(tx, photoId);
      await markForReindex(tx, 'declaration', [id]);
    });
    this.ctx.searchRelay.nudge();
  }

  async photo(user: CurrentUser, photoId: string) {
    const photo = await repo.findPhoto(this.ctx.db, photoId);
    if (!photo) throw notFound('Photo');
    await this.visible(user, photo.declarationId);
    return photo;
  }
}
