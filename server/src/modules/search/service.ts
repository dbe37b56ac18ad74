import { haversineKm, type CurrentUser, type DeclarationHit, type DeclarationSearchQuery } from '@synergies/shared';
import { OrganisationSearchQuery } from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import type { DeclarationDocument, OrganisationDocument } from '../../infra/search/documents';
import { belongsToZone, isAdmin } from '../auth/policy';
import { photoUrl } from '../declarations/service';

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

/** Meilisearch filter expressing who may see what (mirrors policy.canSeeDeclaration). */
export function visibilityFilter(user: CurrentUser): string | null {
  if (isAdmin(user)) return null;
  const zones = user.zoneIds.map(quote).join(', ');
  const parts = [`visibility = "all"`];
  if (zones) parts.push(`zoneId IN [${zones}]`);
  return `(${parts.join(' OR ')})`;
}

export class SearchService {
  constructor(private readonly ctx: AppContext) {}

  async declarations(user: CurrentUser, q: DeclarationSearchQuery) {
    if (q.zoneId && !belongsToZone(user, q.zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const filter: string[] = [`status = ${quote(q.status === 'closed' ? 'active' : q.status)}`];
    const visible = visibilityFilter(user);
    if (visible) filter.push(visible);
    if (q.zoneId) filter.push(`zoneId = ${quote(q.zoneId)}`);
    if (q.kind) filter.push(`kind = ${quote(q.kind)}`);
    if (q.categoryCode) filter.push(`categoryPath = ${quote(q.categoryCode)}`);
    if (q.hazardous !== undefined) filter.push(`hazardous = ${q.hazardous}`);
    if (q.priceMode) filter.push(`priceMode = ${quote(q.priceMode)}`);
    const hasPoint = q.lat !== undefined && q.lng !== undefined;
    if (hasPoint && q.radiusKm) filter.push(`_geoRadius(${q.lat}, ${q.lng}, ${Math.round(q.radiusKm * 1000)})`);
    const result = await this.ctx.search.client.index<DeclarationDocument>(this.ctx.search.declarations).search(q.q, {
      filter,
      page: q.page,
      hitsPerPage: q.limit,
      facets: ['kind', 'categoryPath', 'priceMode', 'hazardous'],
      ...(hasPoint && !q.q ? { sort: [`_geoPoint(${q.lat}, ${q.lng}):asc`] } : {}),
      attributesToHighlight: ['title', 'description'],
      attributesToCrop: ['description'],
      cropLength: 30,
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
    });
    const hits: DeclarationHit[] = result.hits.map((h) => {
      const distance = hasPoint && h._geo ? haversineKm(q.lat!, q.lng!, h._geo.lat, h._geo.lng) : null;
      const formatted = (h as { _formatted?: { title?: string; description?: string } })._formatted;
      return {
        id: h.id,
        kind: h.kind as DeclarationHit['kind'],
        title: h.title,
        description: h.description,
        categoryCode: h.categoryCode,
        wasteCode: h.wasteCode,
        quantity: h.quantity,
        unit: h.unit,
        frequency: h.frequency,
        priceMode: h.priceMode,
        hazardous: h.hazardous,
        status: h.status,
        organisationId: h.organisationId,
        organisationName: h.organisationName,
        zoneId: h.zoneId,
        city: h.city,
        photoUrl: h.photoId ? photoUrl(h.photoId) : null,
        distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
        highlight: { title: formatted?.title ?? h.title, description: formatted?.description ?? h.description },
      };
    });
    return {
      hits,
      total: result.totalHits ?? hits.length,
      page: result.page ?? q.page,
      totalPages: result.totalPages ?? 1,
      facets: result.facetDistribution ?? {},
    };
  }

  async organisations(user: CurrentUser, q: z.infer<typeof OrganisationSearchQuery>) {
    if (q.zoneId && !belongsToZone(user, q.zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const filter: string[] = [];
    if (q.zoneId) filter.push(`zoneId = ${quote(q.zoneId)}`);
    else if (!isAdmin(user)) filter.push(user.zoneIds.length ? `zoneId IN [${user.zoneIds.map(quote).join(', ')}]` : 'zoneId = "none"');
    const result = await this.ctx.search.client.index<OrganisationDocument>(this.ctx.search.organisations).search(q.q, { filter, limit: q.limit });
    return result.hits.map(({ _geo: _g, description: _d, associations: _a, ...h }) => h);
  }
}
