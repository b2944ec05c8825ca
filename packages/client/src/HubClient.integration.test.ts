import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stateCodec, stateHash, type EventEnvelope, type Identity, type QueueState } from '@motcua/core';
import { display, TestDesk } from '@motcua/core/testkit';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from './HubClient.js';
import { memoryTokenStore } from './tokenStore.js';

/**
 * The client against a scripted hub that speaks docs/protocol.md: the real hub cannot be made to put a
 * reply and the next event into one network read on demand; this one does it every time.
 */
const HUB_ID = 'hub-scripted';
const displayIdentity: Identity = {
  actor: display,
  device: { id: 'display-1', kind: 'display', name: 'Màn hình sảnh', counterId: null },
  user: null,
  counterId: null,
  mustChangePassword: false,
};

/** A desk with a few events, and a later part of its history the scripted hub sends after a reply. */
function deskWithHistory(): { before: QueueState; after: QueueState; later: EventEnvelope[] } {
  const desk = TestDesk.open();
  desk.issue('khai-sinh');
  const before = desk.state;
  const seqBefore = before.seq;
  desk.issue('ket-hon');
  desk.callNext(1);
  desk.issue('khai-sinh', 'elderly');
  return { before, after: desk.state, later: desk.log.filter((e) => e.seq > seqBefore) };
}

const snapshotOf = (state: QueueState) => ({
  kind: 'snapshot' as const,
  hubId: HUB_ID,
  stateJson: Buffer.from(stateCodec.encode(state)),
});

async function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The client reaches the hub's state, folding every later event once and in order. */
async function expectCaughtUp(client: HubClient, after: QueueState, later: EventEnvelope[]): Promise<void> {
  const folded: number[] = [];
  client.onEvent((envelope) => folded.push(envelope.seq));
  await waitUntil(() => client.state?.seq === after.seq, `seq ${after.seq}`);
  expect(stateHash(client.state)).toBe(stateHash(after));
  expect(folded).toEqual(later.map((e) => e.seq));
}

describe('HubClient: events that arrive with a reply', () => {
  let http: HttpServer | null = null;
  let io: Server | null = null;
  let client: HubClient | null = null;
  afterEach(async () => {
    client?.close();
    await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
    http = null;
    io = null;
    client = null;
  });

  async function scriptedHub(onConnection: (socket: Socket) => void): Promise<string> {
    http = createServer();
    io = new Server(http, { transports: ['websocket'], serveClient: false });
    io.on('connection', onConnection);
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }

  function displayClient(url: string): HubClient {
    return new HubClient({
      url,
      storage: memoryTokenStore({ deviceToken: 'token-of-display-1' }),
      socketOptions: { reconnection: false },
    }).connect();
  }

  it('folds the events the hub sends right after the hello reply, though they arrive before it is handled', async () => {
    const { before, after, later } = deskWithHistory();
    const url = await scriptedHub((socket) => {
      socket.on('hello', (_request: unknown, ack: (reply: unknown) => void) => {
        // Joined the room, replied at `before.seq`, and the office moved on in the same tick.
        ack({ ok: true, identity: displayIdentity, hubTime: Date.now(), sync: snapshotOf(before) });
        for (const envelope of later) socket.emit('event', envelope);
      });
    });
    client = displayClient(url);
    await expectCaughtUp(client, after, later);
  });

  it('folds the events that arrive while a gap is being filled, and each once', async () => {
    const { before, after, later } = deskWithHistory();
    const [first, ...rest] = later;
    let syncs = 0;
    const url = await scriptedHub((socket) => {
      socket.on('hello', (_request: unknown, ack: (reply: unknown) => void) => {
        ack({ ok: true, identity: displayIdentity, hubTime: Date.now(), sync: snapshotOf(before) });
        // The first event is lost on the way; the next one shows the gap.
        setTimeout(() => socket.emit('event', rest[0]!), 50);
      });
      socket.on('sync', (_request: unknown, ack: (reply: unknown) => void) => {
        syncs++;
        // The gap up to the second event, and the rest of the day right behind the reply.
        ack({ ok: true, sync: { kind: 'events', hubId: HUB_ID, events: [first!, rest[0]!] } });
        for (const envelope of rest.slice(1)) socket.emit('event', envelope);
      });
    });
    client = displayClient(url);
    await expectCaughtUp(client, after, later);
    expect(syncs).toBe(1);
  });
});
