import { badRequest } from './problem';

/** Opaque keyset cursor: the sort key and id of the last row of a page. */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { key: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if ((typeof key === 'string' || typeof key === 'number') && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
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
