import type { Problem } from '@synergies/shared';
import { queryString, routePath, type RouteArgs, type RouteResponse, type RouteSpec } from '@synergies/shared/routes';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the server's problem+json (or one made up for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** Field errors keyed by field name: "body.title" → "title", "body.sites.0.name" → "sites.0.name". */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^(body|query|querystring|params)\.?/, '');
      if (key && !(key in out)) out[key] = e.message;
    }
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
}

export type Query = Record<string, string | number | boolean | null | undefined>;
export { queryString };

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers (an Idempotency-Key, for queued actions). */
  headers?: Record<string, string>;
}

/** Listeners told when any call answers 401 (the session store logs out). */
const unauthorisedListeners = new Set<() => void>();
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic problem.
  }
  if (isProblem(body)) return new ApiError({ ...body, type: body.type ?? 'about:blank', title: body.title ?? res.statusText });
  return new ApiError({ type: 'about:blank', title: res.statusText || 'Error', status: res.status, code: `http_${res.status}` });
}

/** The one fetch of the app: cookies included, JSON in and out, problems thrown as ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body instanceof Blob) {
    // A file sent as the body itself (a spreadsheet to import).
    headers['content-type'] = options.body.type || 'application/octet-stream';
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !path.startsWith('/auth/')) unauthorisedListeners.forEach((l) => l());
    throw error;
  }
  // 202 may carry the accepted job (a match run, a scheduling run) or nothing.
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Calls a route of the shared route map: its parameters, query, body and answer are typed by the contract. */
export function callRoute<R extends RouteSpec>(r: R, args: RouteArgs<R>, signal?: AbortSignal): Promise<RouteResponse<R>> {
  const { params, query, body } = args as { params?: Record<string, string>; query?: Query; body?: unknown };
  return request<RouteResponse<R>>(r.method, routePath(r, params), { query, body, signal });
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  upload: <T>(path: string, file: File, field = 'file') => {
    const form = new FormData();
    form.append(field, file);
    return request<T>('POST', path, { body: form });
  },
};
