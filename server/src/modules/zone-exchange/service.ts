import { randomUUID } from 'node:crypto';
import { type CurrentUser, facilitates, findWasteCode, type ImportSummary, isAdmin, ZONE_EXCHANGE_FORMAT, type ZoneExchange } from '@synergies/shared';
import type { AppContext } from '../../context';
import { forbidden, notFound, unprocessable } from '../../http/problem';
import type { Transaction } from '../../infra/db';
import { markForReindex } from '../../infra/search/outbox';
import * as zoneRepo from '../zones/repository';
import { MatchRunService } from '../matching/service';
import * as repo from './repository';

const CHUNK = 500;

async function chunked<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await run(items.slice(i, i + CHUNK))));
  return out;
}

function count(total: number, rows: { inserted: boolean }[]) {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
}

type Issue = { path: string; message: string };

export class ZoneExchangeService {
  constructor(private readonly ctx: AppContext) {}

  async exportZone(user: CurrentUser, zoneId: string): Promise<ZoneExchange> {
    const zone = await zoneRepo.findZone(this.ctx.db, zoneId);
    if (!zone) throw notFound('Zone');
    if (!facilitates(user, zoneId)) throw forbidden('Seuls les animateurs de la zone exportent ses données');
    const orgs = await repo.organisationsOfZone(this.ctx.db, zoneId);
    const sites = await repo.sitesOfOrganisations(
      this.ctx.db,
      orgs.map((o) => o.id),
    );
    const declarations = await repo.declarationsOfZone(this.ctx.db, zoneId);
    return {
      format: ZONE_EXCHANGE_FORMAT,
      exportedAt: this.ctx.now().toISOString(),
      zone: { id: zone.id, slug: zone.slug, name: zone.name, description: zone.description, region: zone.region },
      organisations: orgs.map((o) => ({
        id: o.id,
        name: o.name,
        siret: o.siret,
        nafCode: o.nafCode,
        headcount: o.headcount,
        description: o.description,
        website: o.website,
        email: o.email,
        phone: o.phone,
        associations: o.associations,
        sites: sites.filter((s) => s.organisationId === o.id).map(({ organisationId: _o, ...s }) => s),
        declarations: declarations
          .filter((d) => d.organisationId === o.id)
          .map((d) => ({
            id: d.id,
            kind: d.kind,
            title: d.title,
            description: d.description,
            categoryCode: d.categoryCode,
            wasteCode: d.wasteCode,
            quantity: d.quantity,
            unit: d.unit,
            frequency: d.frequency,
            availableFrom: d.availableFrom,
            availableUntil: d.availableUntil,
            condition: d.condition,
            priceMode: d.priceMode,
            priceAmount: d.priceAmount,
            siteId: d.siteId,
            hazardous: d.hazardous,
            status: d.status,
            visibility: d.visibility,
          })),
      })),
    };
  }

  /** Imports a zone document in one transaction: all of it, or nothing with the reasons. */
  async importZone(user: CurrentUser | 'system', doc: ZoneExchange): Promise<ImportSummary> {
    const summary = await this.ctx.db.transaction(async (tx) => {
      const zoneId = await this.upsertZone(tx, user, doc);
      const counts = await this.upsertContents(tx, zoneId, doc);
      await MatchRunService.enqueue(this.ctx, tx, zoneId, user === 'system' ? null : user.id);
      return { zoneId, ...counts };
    });
    this.ctx.searchRelay.nudge();
    return summary;
  }

  private async upsertZone(tx: Transaction, user: CurrentUser | 'system', doc: ZoneExchange): Promise<string> {
    const zone = (doc.zone.id ? await zoneRepo.findZone(tx, doc.zone.id) : undefined) ?? (await zoneRepo.findZoneBySlug(tx, doc.zone.slug));
    const allowed = user === 'system' || (zone ? facilitates(user, zone.id) : isAdmin(user));
    if (!allowed) throw forbidden(zone ? 'Seuls les animateurs de la zone importent ses données' : 'Seul un administrateur crée des zones');
    const { id, ...fields } = doc.zone;
    if (!zone) return (await zoneRepo.insertZone(tx, { id, ...fields })).id;
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => zone[k] !== fields[k]);
    if (changed) await zoneRepo.updateZone(tx, zone.id, zone.version, fields, this.ctx.now());
    return zone.id;
  }

  /** Gives every site and declaration an id: the document's, else the one its natural key finds, else a new one. */
  private async resolveIds(tx: Transaction, zoneId: string, doc: ZoneExchange, existingOrgs: Map<string, { id: string }>) {
    const orgIds = doc.organisations.map((o) => existingOrgs.get(o.siret)?.id ?? o.id ?? randomUUID());
    const sites = new Map((await repo.sitesOfOrganisations(tx, orgIds)).map((s) => [`${s.organisationId}|${s.name}`, s.id]));
    const declarations = new Map((await repo.declarationsOfZone(tx, zoneId)).map((d) => [`${d.organisationId}|${d.kind}|${d.title}`, d.id]));
    return doc.organisations.map((o, i) => {
      const id = orgIds[i]!;
      return {
        ...o,
        id,
        sites: o.sites.map((s) => ({ ...s, id: s.id ?? sites.get(`${id}|${s.name}`) ?? randomUUID() })),
        declarations: o.declarations.map((d) => ({ ...d, id: d.id ?? declarations.get(`${id}|${d.kind}|${d.title}`) ?? randomUUID() })),
      };
    });
  }

  private async upsertContents(tx: Transaction, zoneId: string, doc: ZoneExchange) {
    const issues: Issue[] = [];
    const existingOrgs = await repo.existing(
      tx,
      'organisations',
      'siret',
      doc.organisations.map((o) => o.siret),
    );
    const orgs = await this.resolveIds(tx, zoneId, doc, existingOrgs);
    const existingOrgIds = await repo.existing(
      tx,
      'organisations',
      'id',
      orgs.map((o) => o.id),
    );
    const existingSites = await repo.existing(
      tx,
      'sites',
      'id',
      orgs.flatMap((o) => o.sites.map((s) => s.id)),
    );
    const existingDecls = await repo.existing(
      tx,
      'declarations',
      'id',
      orgs.flatMap((o) => o.declarations.map((d) => d.id)),
    );
    // An organisation already registered keeps its id: the document's children follow it.
    const orgIdOf = new Map(orgs.map((o) => [o.id, o.id]));

    orgs.forEach((o, i) => {
      const found = existingOrgs.get(o.siret);
      if (found && found.owner !== zoneId) issues.push({ path: `organisations.${i}.siret`, message: `SIRET ${o.siret} déjà enregistré dans une autre zone` });
      // The document's id names another firm (another SIRET, maybe another zone): never overwrite it.
      const sameId = existingOrgIds.get(o.id);
      if (sameId && sameId.id !== found?.id) issues.push({ path: `organisations.${i}.id`, message: 'Cet identifiant appartient à une autre organisation' });
      const orgId = orgIdOf.get(o.id)!;
      o.sites.forEach((s, j) => {
        const owner = existingSites.get(s.id)?.owner;
        if (owner && owner !== orgId) issues.push({ path: `organisations.${i}.sites.${j}.id`, message: 'Ce site appartient à une autre organisation' });
      });
      o.declarations.forEach((d, j) => {
        const owner = existingDecls.get(d.id)?.owner;
        if (owner && owner !== orgId)
          issues.push({ path: `organisations.${i}.declarations.${j}.id`, message: 'Cette fiche appartient à une autre organisation' });
        if (d.wasteCode && !findWasteCode(d.wasteCode)) {
          issues.push({ path: `organisations.${i}.declarations.${j}.wasteCode`, message: `Code déchet ${d.wasteCode} inconnu` });
        }
      });
    });
    if (issues.length) throw unprocessable('import_rejected', "Le document ne peut pas être importé : rien n'a été modifié.", issues.slice(0, 100));

    const orgRows = await chunked(
      orgs.map(({ sites: _s, declarations: _d, ...o }) => ({ ...o, id: orgIdOf.get(o.id)!, zoneId })),
      (c) => repo.upsertOrganisations(tx, c),
    );
    const siteRows = await chunked(
      orgs.flatMap((o) => o.sites.map((s) => ({ ...s, organisationId: orgIdOf.get(o.id)! }))),
      (c) => repo.upsertSites(tx, c),
    );
    const declarationValues = orgs.flatMap((o) =>
      o.declarations.map((d) => {
        const waste = d.wasteCode ? findWasteCode(d.wasteCode)! : null;
        return {
          ...d,
          wasteCode: waste?.code ?? null,
          hazardous: d.hazardous || waste?.hazardous === true,
          organisationId: orgIdOf.get(o.id)!,
          zoneId,
        };
      }),
    );
    const declRows = await chunked(declarationValues, (c) => repo.upsertDeclarations(tx, c));

    // Re-index everything imported: it also repairs an index that missed earlier changes.
    await markForReindex(tx, 'organisation', [...orgIdOf.values()]);
    await markForReindex(
      tx,
      'declaration',
      declarationValues.map((d) => d.id),
    );
    return {
      organisations: count(orgs.length, orgRows),
      sites: count(
        orgs.reduce((n, o) => n + o.sites.length, 0),
        siteRows,
      ),
      declarations: count(declarationValues.length, declRows),
    };
  }
}
