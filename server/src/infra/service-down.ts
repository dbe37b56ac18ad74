/** The database or the search engine is unreachable or restarting: the client may retry. */
export function isServiceDown(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; name?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'EPIPE',
        'CONNECTION_ENDED',
        'CONNECTION_CLOSED',
        'CONNECTION_DESTROYED',
        'CONNECT_TIMEOUT',
        'DB_UNAVAILABLE',
        'SEARCH_UNAVAILABLE',
      ].includes(code)
    )
      return true;
    // 57P01-03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions.
    if (/^57P0[1-3]$/.test(code) || /^08/.test(code)) return true;
    if (e.name === 'MeilisearchTimeOutError') return true;
  }
  return false;
}
