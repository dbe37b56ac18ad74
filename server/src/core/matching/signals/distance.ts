import { haversineKm } from '@synergies/shared';
import type { LatLng } from '../types';

export function distanceKm(a: LatLng | null, b: LatLng | null): number | null {
  return a === null || b === null ? null : haversineKm(a.lat, a.lng, b.lat, b.lng);
}

/** 1 next door, decaying linearly to 0 at the zone's maximum distance. */
export function distanceValue(km: number, maxDistanceKm: number): number {
  return Math.max(0, 1 - km / maxDistanceKm);
}
