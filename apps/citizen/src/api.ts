import type { LocalizedName } from '@motcua/core';
import { citizenStrings } from './i18n/strings';

/** A refusal from the hub, with the words to show in both languages. */
export interface HubRefusal {
  ok: false;
  code: string;
  message: string;
  messageEn?: string;
  details?: Record<string, unknown>;
}

export interface BookableService {
  id: string;
  code: string;
  name: LocalizedName;
  field: LocalizedName | null;
  days: string[];
}

export interface BookingOffer {
  ok: true;
  office: { name: string; nameEn: string };
  enabled: boolean;
  slotMinutes: number;
  earlyMinutes: number;
  lateMinutes: number;
  services: BookableService[];
}

export interface SlotOffer {
  slot: string;
  left: number;
  available: boolean;
  reason: string | null;
}

export interface BookingView {
  code: string;
  service: LocalizedName;
  serviceId: string;
  day: string;
  slot: string;
  status: 'booked' | 'checkedIn' | 'cancelled' | 'noShow';
  checkInFrom: string;
  checkInUntil: string;
  officeName: string;
  bookingUrl: string;
}

const OFFLINE: HubRefusal = {
  ok: false,
  code: 'TIMEOUT',
  message: citizenStrings['api.offline'].vi,
  messageEn: citizenStrings['api.offline'].en,
};

async function call<T>(path: string, init?: RequestInit): Promise<T | HubRefusal> {
  try {
    const response = await fetch(path, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...init?.headers },
      signal: AbortSignal.timeout(15_000),
    });
    return (await response.json()) as T | HubRefusal;
  } catch {
    return OFFLINE;
  }
}

export const bookingApi = {
  offer: () => call<BookingOffer>('/api/appointments/services'),
  slots: (serviceId: string, day: string) =>
    call<{ ok: true; slots: SlotOffer[] }>(
      `/api/appointments/slots?serviceId=${encodeURIComponent(serviceId)}&day=${encodeURIComponent(day)}`,
    ),
  book: (body: { serviceId: string; day: string; slot: string; name: string; phone: string; requestId: string }) =>
    call<{ ok: true; appointment: BookingView }>('/api/appointments', { method: 'POST', body: JSON.stringify(body) }),
  find: (code: string) =>
    call<{ ok: true; appointment: BookingView }>(`/api/appointments/code/${encodeURIComponent(code)}`),
  cancel: (code: string) =>
    call<{ ok: true; appointment: BookingView }>('/api/appointments/cancel', {
      method: 'POST',
      body: JSON.stringify({ code }),
    }),
};

/** The refusal's text in the page's language. */
export function refusalText(refusal: HubRefusal, language: 'vi' | 'en'): string {
  return language === 'en' && refusal.messageEn ? refusal.messageEn : refusal.message;
}
