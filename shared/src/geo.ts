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
