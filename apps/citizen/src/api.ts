import {
  httpRequestOf,
  type AppointmentView,
  type HttpRefusal,
  type HttpReply,
  type HttpRequest,
  type JsonRouteKey,
} from '@motcua/core';
import { citizenStrings } from './i18n/strings';

// The booking API's requests and replies are core's (`httpRoutes`, packages/core/src/httpProtocol.ts).
export type { BookableService, BookingOffer, SlotOffer } from '@motcua/core';
/** A refusal from the hub, with the words to show in both languages. */
export type HubRefusal = HttpRefusal;
/** A booking as the citizen sees it. */
export type BookingView = AppointmentView;

const OFFLINE: HubRefusal = {
  ok: false,
  code: 'TIMEOUT',
  message: citizenStrings['api.offline'].vi,
  messageEn: citizenStrings['api.offline'].en,
};

/** Calls one of the hub's JSON routes; a network failure or a reply that is not JSON is the offline refusal. */
async function call<K extends JsonRouteKey>(key: K, request: HttpRequest<K>): Promise<HttpReply<K>> {
  const { method, path, body } = httpRequestOf(key, request);
  try {
    const response = await fetch(path, {
      method,
      ...(body === undefined ? {} : { body }),
      headers: { 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
    return (await response.json()) as HttpReply<K>;
  } catch {
    return OFFLINE;
  }
}

export const bookingApi = {
  offer: () => call('GET /api/appointments/services', {}),
  slots: (serviceId: string, day: string) => call('GET /api/appointments/slots', { query: { serviceId, day } }),
  book: (body: { serviceId: string; day: string; slot: string; name: string; phone: string; requestId: string }) =>
    call('POST /api/appointments', { body }),
  find: (code: string) => call('GET /api/appointments/code/:code', { params: { code } }),
  cancel: (code: string) => call('POST /api/appointments/cancel', { body: { code } }),
};

/** The refusal's text in the page's language. */
export function refusalText(refusal: HubRefusal, language: 'vi' | 'en'): string {
  return language === 'en' && refusal.messageEn ? refusal.messageEn : refusal.message;
}
