/**
 * The bench's kiosks, in a thread of their own: real kiosks run on their own machines, so the time the bench spends
 * reading the displays' messages must not sit in front of a kiosk's acknowledgement. The displays and counters stay
 * in the main thread and still use this machine's CPU, as the hub's neighbours.
 *
 * Messages: in `{ url, deviceTokens, services, eventBatches }` (workerData); then `{ count }` → `{ issued, seconds, latencies,
 * eventsPerMessage }`, as often as asked; `'close'` ends it.
 */
import { PROTOCOL_VERSION } from '@motcua/core';
import { parentPort, workerData } from 'node:worker_threads';
import type { Socket } from 'socket.io-client';
import { newRequestId } from '../packages/client/src/requestIds.js';
import { countEventsPerMessage, socketTo } from './benchClients.js';

interface KioskWorkerData {
  url: string;
  deviceTokens: string[];
  services: string[];
  /** Asked in the handshake, as the bench's other clients (`--event-batches`). */
  eventBatches: boolean;
}
type Ack = { ok: boolean; code?: string };

const { url, deviceTokens, services, eventBatches } = workerData as KioskWorkerData;
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function kioskSocket(deviceToken: string): Promise<Socket> {
  const socket = await socketTo(url, eventBatches);
  const hello = (await socket.emitWithAck('hello', { protocol: PROTOCOL_VERSION, deviceToken, lastSeq: 0 })) as Ack;
  if (!hello.ok) throw new Error(`kiosk hello refused: ${hello.code}`);
  return socket;
}

/** Every kiosk in a closed loop (the next ticket once the last is acknowledged) until `count` are. */
async function issue(kiosks: Socket[], count: number) {
  const stopCounting = countEventsPerMessage(kiosks[0]!);
  const latencies: number[] = [];
  let issued = 0;
  const start = nowMs();
  await Promise.all(
    kiosks.map(async (kiosk, k) => {
      for (let i = 0; issued < count; i++) {
        const t0 = nowMs();
        const reply = (await kiosk.timeout(60_000).emitWithAck('command', {
          requestId: newRequestId(), // as HubClient makes them
          command: { type: 'ticket.issue', serviceId: services[(i + k) % services.length] },
        })) as Ack;
        if (!reply.ok) throw new Error(`issue refused: ${reply.code}`);
        latencies.push(nowMs() - t0);
        issued++;
      }
    }),
  );
  const seconds = (nowMs() - start) / 1000;
  return { issued, seconds, latencies, eventsPerMessage: stopCounting() };
}

const kiosks = await Promise.all(deviceTokens.map(kioskSocket));
parentPort!.on('message', (message: { count: number } | 'close') => {
  if (message === 'close') {
    for (const kiosk of kiosks) kiosk.disconnect();
    parentPort!.close();
    return;
  }
  issue(kiosks, message.count).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) => parentPort!.postMessage({ error: String(error) }),
  );
});
parentPort!.postMessage('ready');
