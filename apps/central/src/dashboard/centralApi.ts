import { localizedText } from '@motcua/ui';
import { centralStrings } from '../i18n/strings';
import type { ReportSummary } from '@motcua/core';
import type { StaffMember } from '../access.js';
import type { CentralAlert } from '../alerts.js';
import type { OfficeOverview, ProvinceReport } from '../reports/officeReports.js';

export type { CentralAlert, OfficeOverview, ProvinceReport, ReportSummary, StaffMember };

const TOKEN_KEY = 'motcua.central.token';

export const sessionToken = () => localStorage.getItem(TOKEN_KEY);
export const setSessionToken = (token: string | null) =>
  token ? localStorage.setItem(TOKEN_KEY, token) : localStorage.removeItem(TOKEN_KEY);

export class CentralApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const token = sessionToken();
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) {
    const generic = localizedText(centralStrings['api.serverAnswered'], { status: res.status });
    let message = `${generic.vi} / ${generic.en}`;
    try {
      const body = (await res.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      // Not JSON: keep the generic message.
    }
    throw new CentralApiError(res.status, message);
  }
  return res;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await call(path)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** Downloads a file the API answers with (the xlsx export needs the bearer token, so no plain link). */
export async function download(path: string, fileName: string): Promise<void> {
  const blob = await (await call(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}
