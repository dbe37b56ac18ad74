import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthorised, queryString } from './client';

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  const fetchMock = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': contentType } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('turns a problem+json answer into an ApiError carrying the problem and its field errors', async () => {
    respond(400, {
      type: 'https://synergies.local/problems/validation_failed',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      detail: 'La requête contient des champs invalides.',
      errors: [
        { path: 'body.title', message: 'Trop court' },
        { path: 'body.sites.0.name', message: 'Requis' },
      ],
    });
    const error = await api.post('/declarations', { title: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('La requête contient des champs invalides.');
    expect(e.fieldErrors()).toEqual({ title: 'Trop court', 'sites.0.name': 'Requis' });
  });

  it('sends JSON with the session cookie and reads JSON back', async () => {
    const fetchMock = respond(200, { id: 'a' }, 'application/json');
    await expect(api.patch('/declarations/a', { version: 1 })).resolves.toEqual({ id: 'a' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/declarations/a');
    expect(init.method).toBe('PATCH');
    expect(init.credentials).toBe('include');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(init.body).toBe('{"version":1}');
  });

  it('reads the job a 202 answers with, and nothing from a 204', async () => {
    respond(202, { id: 'run', status: 'queued' }, 'application/json');
    await expect(api.post('/matching/runs', { zoneId: null })).resolves.toEqual({ id: 'run', status: 'queued' });
    respond(204, undefined, 'application/json');
    await expect(api.post('/notifications/read')).resolves.toBeUndefined();
  });

  it('makes up a problem when the answer is not one (a proxy error page)', async () => {
    respond(502, undefined, 'text/html');
    const e = (await api.get('/zones').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(502);
    expect(e.code).toBe('http_502');
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const e = (await api.get('/zones').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('network_error');
    expect(e.status).toBe(0);
  });

  it('tells listeners when a call outside /auth answers 401', async () => {
    const listener = vi.fn();
    const stop = onUnauthorised(listener);
    respond(401, { type: 'x', title: 'Unauthorized', status: 401, code: 'unauthenticated' });
    await api.get('/zones').catch(() => undefined);
    await api.get('/auth/me').catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('leaves empty values out of query strings', () => {
    expect(queryString({ q: 'palettes bois', kind: undefined, page: 2, zoneId: '', hazardous: false })).toBe('?q=palettes+bois&page=2&hazardous=false');
  });
});
