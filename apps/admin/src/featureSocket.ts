import { errorMessages, type ErrorCode } from '@motcua/core';
import type { HubClient } from '@motcua/client';
import type { LocalizedText } from './localized';

export type FeatureFailure = { ok: false; code: ErrorCode; message: LocalizedText; details?: unknown };

/**
 * A hub feature's own socket call (`webhooks.get` …), outside the typed command protocol.
 * Never throws: an offline hub or a lost answer becomes a failure that says what to do.
 */
export async function callFeature<Reply extends { ok: true }>(
  client: HubClient,
  event: string,
  request: unknown,
): Promise<Reply | FeatureFailure> {
  const socket = client.socket as unknown as {
    connected: boolean;
    timeout(ms: number): { emitWithAck(event: string, request: unknown): Promise<unknown> };
  };
  const offline: FeatureFailure = {
    ok: false,
    code: 'TIMEOUT',
    message: {
      vi: 'Máy chủ không trả lời. Kiểm tra kết nối mạng rồi thử lại.',
      en: 'The hub did not answer. Check the network connection and try again.',
    },
  };
  if (!socket.connected) return offline;
  try {
    const reply = (await socket.timeout(8000).emitWithAck(event, request)) as
      Reply | { ok: false; code: ErrorCode; details?: unknown };
    if (reply.ok) return reply;
    const known = errorMessages[reply.code] ?? errorMessages.INTERNAL;
    return { ok: false, code: reply.code, message: { vi: known.vi, en: known.en }, details: reply.details };
  } catch {
    return offline;
  }
}
