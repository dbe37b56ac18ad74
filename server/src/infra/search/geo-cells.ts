import { KM_PER_DEGREE } from '@synergies/shared';
import { filterValue } from './indexes';

/**
 * Map cells as filterable facets, in place of Meilisearch's `_geo`.
 *
 * Meilisearch keeps every `_geo` point of an index in one serialised R-tree that each
 * document update rewrites: at 1M declarations one update took 8.8 s of CPU ("writing
 * geo points"), and a `_geoRadius` filter 40–50 ms. A document instead lists the cell it
 * falls in at a few sizes; a circle becomes `geoCells IN [...]` at the finest size that
 * covers it in few cells, a facet lookup. Cells cover a box around the circle, so callers
 * apply the exact distance afterwards.
 */

/** Cell sizes in degrees, finest first (about 5.5, 22, 110 and 550 km of latitude). */
const LEVELS = [0.05, 0.2, 1, 5] as const;
const MAX_CELLS = 100;

const cellId = (level: number, lat: number, lng: number) => `${level}:${Math.floor(lat / LEVELS[level]!)}:${Math.floor(lng / LEVELS[level]!)}`;

/** The cells a point falls in, one per level. */
export function cellsOf(point: { lat: number; lng: number }): string[] {
  return LEVELS.map((_, level) => cellId(level, point.lat, point.lng));
}

/**
 * Cells that together contain every point within `km` of `centre`, at the finest level
 * needing at most 100 of them; null when no level does or near a pole or the antimeridian
 * (then the caller filters on exact distance alone).
 */
export function cellsCovering(centre: { lat: number; lng: number }, km: number): string[] | null {
  const dLat = km / KM_PER_DEGREE;
  const north = centre.lat + dLat;
  const south = centre.lat - dLat;
  if (north >= 89 || south <= -89) return null;
  // Parallels shorten towards the poles: the box is as wide as the circle at its widest latitude.
  const dLng = dLat / Math.cos((Math.max(Math.abs(north), Math.abs(south)) * Math.PI) / 180);
  const east = centre.lng + dLng;
  const west = centre.lng - dLng;
  if (east >= 180 || west < -180) return null;
  for (let level = 0; level < LEVELS.length; level++) {
    const size = LEVELS[level]!;
    const [i0, i1, j0, j1] = [Math.floor(south / size), Math.floor(north / size), Math.floor(west / size), Math.floor(east / size)];
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > MAX_CELLS) continue;
    const cells: string[] = [];
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) cells.push(`${level}:${i}:${j}`);
    return cells;
  }
  return null;
}

/** `geoCells IN [...]` for a circle, or null when it cannot be narrowed by cells. */
export function circleFilter(centre: { lat: number; lng: number }, km: number): string | null {
  const cells = cellsCovering(centre, km);
  return cells ? `geoCells IN [${cells.map(filterValue).join(', ')}]` : null;
}
