import { cardReaderMessageSchema, type CardReaderMessage } from '@motcua/core';
import { io } from 'socket.io-client';

/** The Socket.IO event a card reader publishes (docs/id-card-reader.md). */
export const CARD_READER_EVENT = 'card';

/**
 * Where this kiosk's card reader publishes: `?cardReader=ws://127.0.0.1:8765` on the page's address (a browser
 * kiosk), else the shell's setting; null = no reader, and the kiosk works as without one.
 */
export function cardReaderUrl(pageSearch: string, deviceSetting: string | undefined): string | null {
  const fromPage = new URLSearchParams(pageSearch).get('cardReader');
  const url = fromPage || deviceSetting || '';
  return /^(wss?|https?):\/\/[^\s]+$/i.test(url) ? url : null;
}

/**
 * Listens to the reader; every message is checked against core's schema and one that does not fit is dropped
 * (reported once as a read error, so the citizen is asked to try again). Returns the way to stop listening.
 */
export function watchCardReader(url: string, onMessage: (message: CardReaderMessage) => void): () => void {
  // WebSocket only: the hub's pages may open ws: connections to other hosts, not http: ones (CSP connect-src).
  const socket = io(url, { transports: ['websocket'], reconnectionDelayMax: 10_000 });
  socket.on(CARD_READER_EVENT, (payload: unknown) => {
    const parsed = cardReaderMessageSchema.safeParse(payload);
    onMessage(parsed.success ? parsed.data : { type: 'error', code: 'OTHER', message: 'bad message' });
  });
  return () => {
    socket.close();
  };
}
