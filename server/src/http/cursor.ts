import { badRequest } from './problem';

/** A row id as the database writes it (lower-case UUID). */
export const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);

/** Opaque keyset cursor: the sort key and id of the last row of a page. */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** A cursor comes back from the client: its key must be what the list sorts by (`kind`). */
export function decodeCursor(cursor: string | undefined, kind: 'text' | 'date' | 'number' = 'text'): { key: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const keyOk =
      (typeof key === 'string' || typeof key === 'number') &&
      !String(key).includes('\u0000') &&
      (kind !== 'date' || Number.isFinite(Date.parse(String(key)))) &&
      (kind !== 'number' || Number.isFinite(Number(key)));
    if (keyOk && isUuid(id)) {
      return { key: String(key), id };
    }
  } catch {
    // fall through
  }
  throw badRequest('invalid_cursor', 'Curseur de pagination invalide.');
}

/** Splits the extra row fetched to know whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => [string | number, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}

/** Cursor of a list paged on a serial number (newest first): the last number seen. */
export function encodeSerialCursor(serial: number): string {
  return Buffer.from(`s${serial}`).toString('base64url');
}

export function decodeSerialCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const match = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badRequest('invalid_cursor', 'Curseur de pagination invalide.');
  return Number(match[1]);
}
