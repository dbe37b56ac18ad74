import { KM_PER_DEGREE } from '@synergies/shared';
import { candidateKeys } from './keys';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { MatchDeclaration } from './types';

/**
 * Inverted index of declarations by blocking key and map cell. Cells are at least
 * `maxKm` wide everywhere in the data (their longitude span is set at the highest
 * latitude seen, with a margin for great circles being shorter than parallels), so two
 * declarations within `maxKm` are in the same or adjacent cells. Declarations without a
 * location are kept apart by zone and meet everyone of their zone sharing a key.
 */
export class BlockingIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly dLat: number;
  private readonly dLng: number;

  constructor(
    declarations: readonly MatchDeclaration[],
    private readonly maxKm: number,
    private readonly kb?: KnowledgeBase,
  ) {
    let maxAbsLat = 0;
    for (const d of declarations) if (d.location) maxAbsLat = Math.min(85, Math.max(maxAbsLat, Math.abs(d.location.lat)));
    this.dLat = (maxKm / KM_PER_DEGREE) * 1.01;
    this.dLng = (this.dLat * 1.1) / Math.cos((maxAbsLat * Math.PI) / 180);
    for (const d of declarations) {
      for (const key of candidateKeys(d, kb)) {
        let bucket = this.buckets.get(key);
        if (bucket === undefined) this.buckets.set(key, (bucket = { cells: new Map(), unlocatedByZone: new Map(), byZone: new Map() }));
        push(bucket.byZone, d.zoneId, d);
        if (d.location === null || !this.gridded()) push(bucket.unlocatedByZone, d.zoneId, d);
        else push(bucket.cells, this.cell(d.location.lat, d.location.lng), d);
      }
    }
  }

  /** Every indexed declaration sharing a key with `d` and possibly within reach, once. */
  candidates(d: MatchDeclaration): Set<MatchDeclaration> {
    const found = new Set<MatchDeclaration>();
    for (const key of candidateKeys(d, this.kb)) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      if (!this.gridded()) {
        for (const list of bucket.byZone.values()) for (const other of list) found.add(other);
        continue;
      }
      if (d.location === null) {
        for (const other of bucket.byZone.get(d.zoneId) ?? []) found.add(other);
        continue;
      }
      for (const other of bucket.unlocatedByZone.get(d.zoneId) ?? []) found.add(other);
      const lat = Math.floor(d.location.lat / this.dLat);
      const lng = Math.floor(d.location.lng / this.dLng);
      for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) for (const other of bucket.cells.get(cellId(lat + i, lng + j)) ?? []) found.add(other);
    }
    return found;
  }

  /** Beyond a few thousand km cells would not prune anything. */
  private gridded(): boolean {
    return this.maxKm < 2000;
  }

  private cell(lat: number, lng: number): number {
    return cellId(Math.floor(lat / this.dLat), Math.floor(lng / this.dLng));
  }
}

interface Bucket {
  cells: Map<number, MatchDeclaration[]>;
  unlocatedByZone: Map<string, MatchDeclaration[]>;
  byZone: Map<string, MatchDeclaration[]>;
}

function push<K>(map: Map<K, MatchDeclaration[]>, key: K, d: MatchDeclaration): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [d]);
  else list.push(d);
}

function cellId(latIndex: number, lngIndex: number): number {
  return latIndex * 4_194_304 + lngIndex;
}
