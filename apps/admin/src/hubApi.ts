import { adminVi } from './i18n/strings';
import { localTokenStore } from '@motcua/client';
import type { ReportSummary } from '@motcua/core';

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

export async function getJson<T>(path: string): Promise<T> {
  return (await (await authorizedFetch(path)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await authorizedFetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  const response = await authorizedFetch(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export async function deleteJson<T>(path: string): Promise<T> {
  return (await (await authorizedFetch(path, { method: 'DELETE' })).json()) as T;
}

/** Downloads a file from the API (the bearer token cannot ride on a plain link). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch(path);
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

export function fetchReport(from: string, to: string): Promise<{ ok: true; summary: ReportSummary }> {
  return getJson(`/api/reports/summary?from=${from}&to=${to}`);
}
