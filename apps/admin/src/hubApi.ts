import { adminVi } from './i18n/strings';
import { localTokenStore } from '@motcua/client';
import {
  httpRequestOf,
  type FileRouteKey,
  type HttpOk,
  type HttpRequest,
  type JsonRouteKey,
  type ReportSummary,
} from '@motcua/core';

export type { ReportSummary };

export const ADMIN_STORAGE_PREFIX = 'motcua.admin.';

/** The session token the client keeps after sign-in; the HTTP API takes it as a bearer token. */
export function sessionToken(): string | null {
  return localTokenStore(ADMIN_STORAGE_PREFIX).get('sessionToken');
}

export class HubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = sessionToken();
  const response = await fetch(path, {
    ...init,
    headers: { ...(init.headers ?? {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    let message = adminVi('hub.answered', { status: response.status });
    try {
      const body = (await response.json()) as { message?: string; details?: { issue?: string } };
      if (body.message) message = body.message;
      // The hub's specific reason (e.g. "not an Ogg, MP3 or WAV file") tells the admin what to change.
      if (body.details?.issue) message = `${message} ${body.details.issue}`;
    } catch {
      // Not JSON: keep the generic message.
    }
    throw new HubApiError(response.status, message);
  }
  return response;
}

/**
 * Calls one of the hub's JSON routes by its key in core's `httpRoutes` ("GET /api/audit"): the request is
 * typed by the route's schemas, the answer is its 2xx reply; any other status throws a HubApiError.
 */
export async function hubJson<K extends JsonRouteKey>(key: K, request: HttpRequest<K>): Promise<HttpOk<K>> {
  const { method, path, body } = httpRequestOf(key, request);
  const response = await authorizedFetch(path, {
    method,
    ...(body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } }),
  });
  return (await response.json()) as HttpOk<K>;
}

/** Downloads a file from the API (the bearer token cannot ride on a plain link). */
export async function download<K extends FileRouteKey>(
  key: K,
  request: HttpRequest<K>,
  fallbackName: string,
): Promise<void> {
  const response = await authorizedFetch(httpRequestOf(key, request).path);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fetchReport(from: string, to: string): Promise<HttpOk<'GET /api/reports/summary'>> {
  return hubJson('GET /api/reports/summary', { query: { from, to } });
}
