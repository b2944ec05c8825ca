/** What the bench's main thread and its kiosk thread (bench/kioskWorker.ts) both need of a client. */
import { io as connectSocket, type Socket } from 'socket.io-client';

/** A connected raw client; `eventBatches` is what it asks for in the handshake (docs/protocol.md). */
export async function socketTo(url: string, eventBatches: boolean): Promise<Socket> {
  const socket = connectSocket(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { eventBatches },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * Counts the events and messages a client receives from now on; the returned function stops counting and gives
 * events per message (1 one by one; with batches, how many events the hub's group commit put in each).
 */
export function countEventsPerMessage(socket: Socket): () => number {
  let messages = 0;
  let events = 0;
  const one = () => (messages++, events++);
  const many = (envelopes: unknown[]) => (messages++, (events += envelopes.length));
  socket.on('event', one).on('events', many);
  return () => {
    socket.off('event', one).off('events', many);
    return events / Math.max(1, messages);
  };
}
