import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/**
 * Meilisearch requests over node:http with kept-alive connections. Node 20's fetch sends
 * a POST's headers and JSON body so that the body waits for the server's delayed ACK:
 * measured, a search took 45–50 ms through fetch and 5 ms through node:http, the same query.
 * Non-2xx answers throw `MeilisearchApiError` like the client's own fetch path (wrapped
 * by the client in a `MeilisearchRequestError`; see `meiliErrorCode`).
 */
export function meiliHttpClient(): (input: string | URL | Request, init?: RequestInit) => Promise<unknown> {
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const secure = url.protocol === 'https:';
      const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
      const headers = Object.fromEntries(new Headers(init.headers));
      if (body) headers['content-length'] = String(body.length);
      const request = (secure ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http, signal: init.signal ?? undefined },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              const parsed: unknown = text === '' ? undefined : JSON.parse(text);
              const status = response.statusCode ?? 500;
              if (status >= 200 && status < 300) resolve(parsed);
              else reject(new MeilisearchApiError(new Response(null, { status, statusText: response.statusMessage }), parsed as never));
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
}

/** The Meilisearch error code (`index_not_found`…) of an error from the client, whatever its wrapping. */
export function meiliErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !(e instanceof Error)) return code;
  }
  return undefined;
}
