/** Mean Earth radius (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;
/** Length of a degree of latitude, and of longitude at the equator. */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * (Math.PI / 180);

/** Great-circle distance in km between two WGS84 points. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Where a firm is for every distance: its main site, the first by name (the API lists sites
 * in that order, and server/src/infra/locations.ts joins the same one). A main site without
 * coordinates gives no distance, here as in matching, rather than another site's.
 */
export function mainSiteLocation(
  sites: readonly { latitude: number | null; longitude: number | null; name: string }[],
): { lat: number; lng: number; name: string } | null {
  const main = sites[0];
  return main && main.latitude !== null && main.longitude !== null ? { lat: main.latitude, lng: main.longitude, name: main.name } : null;
}

/**
 * A latitude/longitude box containing every point within `km` of `centre` (wider than the
 * circle: callers apply the exact distance). Near a pole or across the antimeridian it
 * spans every longitude.
 */
export function boundingBox(centre: { lat: number; lng: number }, km: number): { south: number; north: number; west: number; east: number } {
  const dLat = km / KM_PER_DEGREE;
  const south = Math.max(-90, centre.lat - dLat);
  const north = Math.min(90, centre.lat + dLat);
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const everyLongitude = { south, north, west: -180, east: 180 };
  if (widest >= 89) return everyLongitude;
  // Parallels shorten towards the poles: the box is as wide as the circle at its widest latitude.
  const dLng = dLat / Math.cos((widest * Math.PI) / 180);
  const [west, east] = [centre.lng - dLng, centre.lng + dLng];
  return west < -180 || east > 180 ? everyLongitude : { south, north, west, east };
}
