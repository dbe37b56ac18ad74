import { belongsToZone, type CurrentUser, type DeclarationHit, type DeclarationSearchQuery, haversineKm, isAdmin } from '@synergies/shared';
import { OrganisationSearchQuery } from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/problem';
import type { DeclarationDocument, OrganisationDocument } from '../../infra/search/documents';
import { circleFilter } from '../../infra/search/geo-cells';
import { filterValue } from '../../infra/search/indexes';
import { photoUrl } from '../declarations/service';

/** Meilisearch filter expressing who may see what (mirrors policy.canSeeDeclaration). */
export function visibilityFilter(user: CurrentUser): string | null {
  if (isAdmin(user)) return null;
  const zones = user.zoneIds.map(filterValue).join(', ');
  const parts = [`visibility = "all"`];
  if (zones) parts.push(`zoneId IN [${zones}]`);
  return `(${parts.join(' OR ')})`;
}

const FACETS = ['kind', 'categoryPath', 'priceMode', 'hazardous'] as const;
const HIGHLIGHT = {
  attributesToHighlight: ['title', 'description'],
  attributesToCrop: ['description'],
  cropLength: 30,
  highlightPreTag: '<mark>',
  highlightPostTag: '</mark>',
};
/** Declarations examined for one page around a point: beyond, the nearest are taken among the first ones found. */
const AROUND_CAP = 1000;
/** Widening circles for "nearest first" without a radius: the first holding the page wins. */
const RINGS_KM = [5, 20, 60, 200, 600];

type Point = { lat: number; lng: number };
type Candidate = { id: string; km: number | null; doc: Pick<DeclarationDocument, (typeof FACETS)[number]> };

export class SearchService {
  constructor(private readonly ctx: AppContext) {}

  async declarations(user: CurrentUser, q: DeclarationSearchQuery) {
    if (q.zoneId && !belongsToZone(user, q.zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const filter: string[] = [`status = ${filterValue(q.status === 'closed' ? 'active' : q.status)}`];
    const visible = visibilityFilter(user);
    if (visible) filter.push(visible);
    if (q.zoneId) filter.push(`zoneId = ${filterValue(q.zoneId)}`);
    if (q.kind) filter.push(`kind = ${filterValue(q.kind)}`);
    if (q.categoryCode) filter.push(`categoryPath = ${filterValue(q.categoryCode)}`);
    if (q.hazardous !== undefined) filter.push(`hazardous = ${q.hazardous}`);
    if (q.priceMode) filter.push(`priceMode = ${filterValue(q.priceMode)}`);
    const origin = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
    if (origin && (q.radiusKm || !q.q)) return this.aroundPoint(q, filter, origin);
    const result = await this.index().search(q.q, { filter, page: q.page, hitsPerPage: q.limit, facets: [...FACETS], ...HIGHLIGHT });
    return {
      hits: result.hits.map((h) => toHit(h, origin)),
      total: result.totalHits ?? result.hits.length,
      page: result.page ?? q.page,
      totalPages: result.totalPages ?? 1,
      facets: result.facetDistribution ?? {},
    };
  }

  private index() {
    return this.ctx.search.client.index<DeclarationDocument>(this.ctx.search.declarations);
  }

  /**
   * A page within a radius, or nearest first: candidates from map cells with their
   * locations, exact distances here, then the page's documents by id. Within a radius
   * the total and facets are counted here, exactly; nearest first they are the index's.
   */
  private async aroundPoint(q: DeclarationSearchQuery, filter: string[], origin: Point) {
    const wanted = q.page * q.limit;
    let found: Candidate[] = [];
    for (const radius of q.radiusKm ? [q.radiusKm] : [...RINGS_KM, Infinity]) {
      const cells = Number.isFinite(radius) ? circleFilter(origin, radius) : null;
      const result = await this.index().search(q.q, {
        filter: cells ? [...filter, cells] : filter,
        limit: AROUND_CAP,
        attributesToRetrieve: ['id', 'location', ...FACETS],
      });
      found = result.hits
        .map((h) => ({ id: h.id, km: h.location ? haversineKm(origin.lat, origin.lng, h.location.lat, h.location.lng) : null, doc: h }))
        .filter((c) => (c.km === null ? radius === Infinity : c.km <= radius));
      if (found.length >= wanted) break;
    }
    // Text keeps its relevance order; without text, nearest first (no location last).
    if (!q.q) found.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity));
    const pageIds = found.slice((q.page - 1) * q.limit, wanted).map((c) => c.id);
    const [page, overall] = await Promise.all([
      pageIds.length ? this.index().search(q.q, { filter: [`id IN [${pageIds.map(filterValue).join(', ')}]`], limit: pageIds.length, ...HIGHLIGHT }) : null,
      q.radiusKm ? null : this.index().search(q.q, { filter, page: 1, hitsPerPage: 0, facets: [...FACETS] }),
    ]);
    const byId = new Map((page?.hits ?? []).map((h) => [h.id, h]));
    const total = overall ? (overall.totalHits ?? 0) : found.length;
    return {
      hits: pageIds.flatMap((id) => (byId.has(id) ? [toHit(byId.get(id)!, origin)] : [])),
      total,
      page: q.page,
      totalPages: Math.max(1, Math.ceil(total / q.limit)),
      facets: overall ? (overall.facetDistribution ?? {}) : countFacets(found),
    };
  }

  async organisations(user: CurrentUser, q: z.infer<typeof OrganisationSearchQuery>) {
    if (q.zoneId && !belongsToZone(user, q.zoneId)) throw forbidden("Vous n'avez pas accès à cette zone");
    const filter: string[] = [];
    if (q.zoneId) filter.push(`zoneId = ${filterValue(q.zoneId)}`);
    else if (!isAdmin(user)) filter.push(user.zoneIds.length ? `zoneId IN [${user.zoneIds.map(filterValue).join(', ')}]` : 'zoneId = "none"');
    const result = await this.ctx.search.client.index<OrganisationDocument>(this.ctx.search.organisations).search(q.q, { filter, limit: q.limit });
    return result.hits.map(({ location: _l, geoCells: _c, description: _d, associations: _a, ...h }) => h);
  }
}

function toHit(h: DeclarationDocument & { _formatted?: Partial<Record<string, unknown>> }, origin: Point | null): DeclarationHit {
  const distance = origin && h.location ? haversineKm(origin.lat, origin.lng, h.location.lat, h.location.lng) : null;
  const formatted = h._formatted as { title?: string; description?: string } | undefined;
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
}

/** Facet counts like Meilisearch's, over the declarations kept. */
function countFacets(found: Candidate[]): Record<string, Record<string, number>> {
  const facets: Record<string, Record<string, number>> = {};
  for (const { doc } of found) {
    for (const name of FACETS) {
      const counts = (facets[name] ??= {});
      const value = doc[name];
      for (const v of Array.isArray(value) ? value : [value]) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    }
  }
  return facets;
}
