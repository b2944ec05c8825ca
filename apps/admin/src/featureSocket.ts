import { errorMessages, type ClientReply, type ClientRequest, type ErrorCode, type ErrorReply } from '@motcua/core';
import type { HubClient, RequestEventName } from '@motcua/client';
import type { LocalizedText } from './localized';
import { adminStrings } from './i18n/strings';

export type FeatureFailure = { ok: false; code: ErrorCode; message: LocalizedText; details?: unknown };

/**
 * A hub feature's own socket call (`webhooks.get` …), typed by core's protocol map, with the refusal
 * in both languages. Never throws: an offline hub or a lost answer becomes a failure that says what to do.
 */
export async function callFeature<E extends RequestEventName>(
  client: HubClient,
  event: E,
  request: ClientRequest<E>,
): Promise<Extract<ClientReply<E>, { ok: true }> | FeatureFailure> {
  const reply = await client.request(event, request, 8000);
  // The map's replies are `{ ok: true … } | ErrorReply`; TypeScript does not narrow a union of a generic.
  if (reply.ok) return reply as Extract<ClientReply<E>, { ok: true }>;
  const refusal = reply as ErrorReply;
  if (refusal.code === 'TIMEOUT') {
    return {
      ok: false,
      code: 'TIMEOUT',
      message: adminStrings['featureSocket.theHubDidNot'],
    };
  }
  const known = errorMessages[refusal.code] ?? errorMessages.INTERNAL;
  return { ok: false, code: refusal.code, message: { vi: known.vi, en: known.en }, details: refusal.details };
}
