import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface AddressQuery {
  key: string;
  address: string;
  postalCode: string;
  city: string;
}

/** Below this score the BAN answers a guess (often the town hall), not the address. */
const MIN_SCORE = 0.5;
const BATCH = 5000;

/**
 * Geocodes addresses through the French national address API's CSV batch endpoint
 * (POST {url}/search/csv/), a few thousand lines per request.
 */
export async function geocodeAddresses(baseUrl: string, queries: AddressQuery[]): Promise<Map<string, { latitude: number; longitude: number }>> {
  const found = new Map<string, { latitude: number; longitude: number }>();
  for (let i = 0; i < queries.length; i += BATCH) {
    const batch = queries.slice(i, i + BATCH);
    const csv = stringify([['key', 'adresse', 'postcode', 'city'], ...batch.map((q) => [q.key, q.address, q.postalCode, q.city])]);
    const form = new FormData();
    form.append('data', new Blob([csv], { type: 'text/csv' }), 'adresses.csv');
    for (const column of ['adresse', 'city']) form.append('columns', column);
    form.append('postcode', 'postcode');
    const response = await fetch(new URL('search/csv/', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(120_000),
    });
    if (!response.ok) throw new Error(`Géocodage impossible : le service d'adresses a répondu ${response.status}`);
    const rows = parse(await response.text(), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    for (const row of rows) {
      const latitude = Number(row.latitude);
      const longitude = Number(row.longitude);
      if (row.key && row.latitude && Number.isFinite(latitude) && Number.isFinite(longitude) && Number(row.result_score) >= MIN_SCORE) {
        found.set(row.key, { latitude, longitude });
      }
    }
  }
  return found;
}
