import type { HubClient } from '@motcua/client';
import { stateHash, type CommandReply, type EventEnvelope, ticketById } from '@motcua/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectClerk, connectDevice } from '../../../e2e/support/clients.js';
import {
  hubHealth,
  setHubClockOffset,
  startHubProcess,
  waitFor,
  type HubProcess,
} from '../../../e2e/support/hubProcess.js';
import { io as connectSocket } from 'socket.io-client';
import { pairedSocket, rawSocket } from '../../../e2e/support/rawSocket.js';
import { databasePath } from './store/openDatabase.js';

function issue(client: HubClient, serviceId = 'khai-sinh'): Promise<CommandReply> {
  return client.send({ type: 'ticket.issue', serviceId });
}

describe('the hub, through real Socket.IO connections to a real process and SQLite file', () => {
  let hub: HubProcess;
  let display: HubClient;
  const displayEvents: EventEnvelope[] = [];
  const clients: HubClient[] = [];

  beforeAll(async () => {
    hub = await startHubProcess();
    display = await connectDevice(hub.url, 'display');
    clients.push(display);
    // Events folded from the display's first hello onwards.
    display.onEvent((e) => displayEvents.push(e));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('gives 3 kiosks issuing at once unique, consecutive numbers', async () => {
    const kiosks = await Promise.all([1, 2, 3].map(() => connectDevice(hub.url, 'kiosk')));
    clients.push(...kiosks);
    const replies = await Promise.all(kiosks.flatMap((k) => [issue(k), issue(k), issue(k)]));
    const numbers = replies.map((r) => (r.ok ? r.result.ticket?.number : null)).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const labels = new Set(replies.map((r) => (r.ok ? r.result.ticket?.label : '')));
    expect(labels.size).toBe(9);
  });

  it('never gives two counters calling at the same moment the same ticket', async () => {
    // Counters 1 and 2 both serve khai-sinh (birth registration).
    const [one, two] = await Promise.all([connectClerk(hub.url, 1), connectClerk(hub.url, 2)]);
    clients.push(one, two);
    const seen = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([
        one.send({ type: 'ticket.callNext', counterId: 'quay-1' }),
        two.send({ type: 'ticket.callNext', counterId: 'quay-2' }),
      ]);
      const called = [a, b].filter((r) => r.ok).map((r) => (r.ok ? r.result.ticket!.id : ''));
      expect(new Set(called).size).toBe(called.length);
      for (const id of called) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      for (const [client, reply, counterId] of [
        [one, a, 'quay-1'],
        [two, b, 'quay-2'],
      ] as const) {
        if (reply.ok) await client.send({ type: 'ticket.finish', counterId, ticketId: reply.result.ticket!.id });
      }
    }
    expect(seen.size).toBe(8);
  });

  it('sends a display connected throughout every event, in seq order', async () => {
    const health = await hubHealth(hub.url);
    await waitFor(() => display.state?.seq === health.seq, 10_000, 'display caught up');
    const seqs = displayEvents.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(20);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe((seqs[i - 1] as number) + 1));
    expect(stateHash(display.state)).toBe(health.stateHash);
  });

  it('lets a display cut off for a while catch up exactly', async () => {
    const late = await connectDevice(hub.url, 'display');
    clients.push(late);
    const kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(kiosk);
    late.socket.disconnect();
    for (let i = 0; i < 5; i++) await issue(kiosk, 'ket-hon');
    const missed = await hubHealth(hub.url);
    expect(late.state!.seq).toBeLessThan(missed.seq);
    late.socket.connect();
    await waitFor(() => late.state?.seq === missed.seq, 10_000, 'late display caught up');
    expect(stateHash(late.state)).toBe(missed.stateHash);
  });

  it('returns the same ticket when an issue is retried with the same requestId', async () => {
    const socket = await pairedSocket(hub.url, 'kiosk');
    const request = { requestId: 'retry-test-0001', command: { type: 'ticket.issue', serviceId: 'ket-hon' } };
    const first = (await socket.emitWithAck('command', request)) as CommandReply;
    const again = (await socket.emitWithAck('command', request)) as CommandReply;
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    const next = (await socket.emitWithAck('command', { ...request, requestId: 'retry-test-0002' })) as CommandReply;
    expect(next.ok && next.result.ticket!.number).toBe(first.ok ? first.result.ticket!.number + 1 : -1);
    socket.disconnect();
  });

  it('answers a burst sent together, with a retry inside it, once per requestId (group commit)', async () => {
    const socket = await pairedSocket(hub.url, 'kiosk');
    const before = await hubHealth(hub.url);
    const send = (requestId: string) =>
      socket.emitWithAck('command', {
        requestId,
        command: { type: 'ticket.issue', serviceId: 'tro-cap-xa-hoi' },
      }) as Promise<CommandReply>;
    // Emitted without waiting: they reach the hub together and share commits.
    const replies = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => send(`burst-000${i}`)),
      send('burst-0003'),
    ]);
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(replies[8]).toEqual(replies[3]);
    const numbers = replies.slice(0, 8).map((r) => (r.ok ? r.result.ticket!.number : 0));
    expect(new Set(numbers).size).toBe(8);
    const after = await hubHealth(hub.url);
    // Eight tickets, plus the one staff alert when no counter with a clerk serves the procedure.
    const events = replies.slice(0, 8).reduce((n, r) => n + (r.ok ? r.result.events.length : 0), 0);
    expect(events).toBeLessThanOrEqual(9);
    expect(after.seq).toBe(before.seq + events);
    socket.disconnect();
  });

  it('refuses unauthenticated and wrong-role commands with a code, changing nothing', async () => {
    const stranger = await rawSocket(hub.url);
    const displaySocket = await pairedSocket(hub.url, 'display');
    const kiosk = await pairedSocket(hub.url, 'kiosk');
    const clerk = await connectClerk(hub.url, 3);
    clients.push(clerk);
    const before = await hubHealth(hub.url);
    const anonymous = (await stranger.emitWithAck('command', {
      requestId: 'stranger-0001',
      command: { type: 'day.close' },
    })) as CommandReply;
    expect(anonymous).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const fromDisplay = (await displaySocket.emitWithAck('command', {
      requestId: 'display-0001',
      command: { type: 'ticket.issue', serviceId: 'khai-sinh' },
    })) as CommandReply;
    expect(fromDisplay).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const kioskCalls = (await kiosk.emitWithAck('command', {
      requestId: 'kiosk-call-0001',
      command: { type: 'ticket.callNext', counterId: 'quay-1' },
    })) as CommandReply;
    expect(kioskCalls).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const otherCounter = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(otherCounter).toMatchObject({ ok: false, code: 'NOT_YOUR_COUNTER' });
    const config = await clerk.send({ type: 'config.setDisplay', display: display.state!.config.display });
    expect(config).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const after = await hubHealth(hub.url);
    expect(after.seq).toBe(before.seq);
    expect(after.stateHash).toBe(before.stateHash);
    for (const s of [stranger, displaySocket, kiosk]) s.disconnect();
  });

  it('answers malformed payloads with clear errors and stays up', async () => {
    const socket = await pairedSocket(hub.url, 'kiosk');
    const before = await hubHealth(hub.url);
    const send = (payload: unknown) => socket.timeout(10_000).emitWithAck('command', payload) as Promise<CommandReply>;
    const cases: [unknown, string][] = [
      [{ requestId: 'bad-0000001', command: { type: 'ticket.issue', serviceId: 42 } }, 'BAD_REQUEST'],
      [{ requestId: 'bad-0000002', command: { type: 'ticket.issue' } }, 'BAD_REQUEST'],
      [{ requestId: 'bad-0000003', command: { type: 'ticket.issue', serviceId: 'x'.repeat(500_000) } }, 'BAD_REQUEST'],
      [{ requestId: 'bad-0000004', command: { type: 'queue.reset' } }, 'UNKNOWN_COMMAND'],
      [{ requestId: 'bad-0000005', command: 'ticket.issue' }, 'BAD_REQUEST'],
      [{ command: { type: 'ticket.issue', serviceId: 'khai-sinh' } }, 'BAD_REQUEST'],
      [null, 'BAD_REQUEST'],
      [[1, 2, 3], 'BAD_REQUEST'],
      [{ requestId: 'r'.repeat(500), command: { type: 'ticket.issue', serviceId: 'khai-sinh' } }, 'BAD_REQUEST'],
      [
        {
          requestId: 'bad-0000007',
          command: { type: 'ticket.issue', serviceId: 'khai-sinh', priorityGroup: { $gt: '' } },
        },
        'BAD_REQUEST',
      ],
    ];
    for (const [payload, code] of cases) {
      const reply = await send(payload);
      expect(reply, JSON.stringify(payload)?.slice(0, 80)).toMatchObject({ ok: false, code });
      expect(reply.ok === false && reply.message.length).toBeGreaterThan(5);
    }
    // No ack function, a hello of the wrong shape, an unknown event: no crash.
    socket.emit('command', { requestId: 'no-ack-000001', command: { type: 'ticket.issue', serviceId: 'nope' } });
    socket.emit('unknown.event', { anything: true });
    const hello = await socket.emitWithAck('hello', { protocol: 999, lastSeq: -1 });
    expect(hello).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const after = await hubHealth(hub.url);
    expect(after.ok).toBe(true);
    expect(after.seq).toBe(before.seq);
    socket.disconnect();
  });

  it('closes the day when the injected clock passes the close hour and restarts numbering', async () => {
    const kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(kiosk);
    const before = await issue(kiosk, 'chung-thuc-chu-ky');
    expect(before.ok && before.result.ticket!.number).toBe(1);
    const second = await issue(kiosk, 'chung-thuc-chu-ky');
    expect(second.ok && second.result.ticket!.number).toBe(2);
    const today = (await hubHealth(hub.url)).serviceDay;
    const { serviceDay } = await setHubClockOffset(hub.url, 26 * 3600_000);
    expect(serviceDay > today).toBe(true);
    await waitFor(() => kiosk.state?.serviceDay === serviceDay, 10_000, 'kiosk sees the new day');
    expect(ticketById(kiosk.state!, second.ok ? second.result.ticket!.id : '')).toBeUndefined();
    const after = await issue(kiosk, 'chung-thuc-chu-ky');
    expect(after.ok && after.result.ticket).toMatchObject({ number: 1, label: 'D001', serviceDay });
    const db = new Database(databasePath(hub.dataDir), { readonly: true });
    const expired = db
      .prepare("SELECT status FROM tickets WHERE service_day = ? AND service_id = 'chung-thuc-chu-ky'")
      .all(today);
    db.close();
    expect(expired).toEqual([{ status: 'expired' }, { status: 'expired' }]);
  });

  it('pairs its own pages from localhost by itself; a page from another site cannot even connect', async () => {
    const foreign = connectSocket(hub.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: 'http://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      foreign.once('connect', () => resolve('connected'));
      foreign.once('connect_error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
    foreign.disconnect();
    const own = connectSocket(hub.url, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { origin: hub.url },
    });
    await new Promise<void>((resolve) => own.once('connect', () => resolve()));
    expect(await own.emitWithAck('pair.request', { kind: 'kiosk', name: 'own page' })).toMatchObject({
      approved: true,
    });
    own.disconnect();
  });

  it('lets an admin sign in with the one-time password and approve a device by its code', async () => {
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(admin);
    expect(admin.identity?.user?.role).toBe('admin');
    const socket = await rawSocket(hub.url);
    // Pairing from a socket that the hub does not treat as local would wait; here we approve explicitly anyway.
    const pair = await socket.emitWithAck('pair.request', { kind: 'display', name: 'Màn hình sảnh' });
    expect(pair.ok).toBe(true);
    const wrongPin = await connectDevice(hub.url, 'counter');
    clients.push(wrongPin);
    const refused = await wrongPin.signIn('canbo4', '0000', 'quay-4');
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    socket.disconnect();
  });
});

describe('durability', () => {
  it('keeps every acknowledged ticket through kill -9 during a burst, and numbering continues without a duplicate', async () => {
    // No rate limit here: the burst is the point.
    let hub = await startHubProcess({ args: ['--kiosk-issues-per-minute', '100000', '--kiosk-issue-burst', '100000'] });
    try {
      const kiosks = await Promise.all([1, 2].map(() => connectDevice(hub.url, 'kiosk')));
      const acknowledged: { id: string; label: string }[] = [];
      const burst = kiosks.map(async (kiosk) => {
        for (let i = 0; i < 200; i++) {
          const reply = await kiosk.send({ type: 'ticket.issue', serviceId: 'chung-thuc-ban-sao' });
          if (reply.ok) acknowledged.push({ id: reply.result.ticket!.id, label: reply.result.ticket!.label });
          else if (reply.code === 'TIMEOUT') break;
        }
      });
      await waitFor(() => acknowledged.length >= 30, 30_000, 'some tickets issued');
      await hub.kill9();
      const acknowledgedBeforeKill = [...acknowledged];
      for (const k of kiosks) k.close();
      await Promise.allSettled(burst);
      expect(acknowledged).toEqual(acknowledgedBeforeKill);
      hub = await hub.restart();
      const db = new Database(databasePath(hub.dataDir), { readonly: true });
      const stored = new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((row) => row.id));
      db.close();
      for (const ticket of acknowledged) expect(stored.has(ticket.id), ticket.label).toBe(true);
      const kiosk = await connectDevice(hub.url, 'kiosk');
      const next = await kiosk.send({ type: 'ticket.issue', serviceId: 'chung-thuc-ban-sao' });
      kiosk.close();
      expect(next.ok).toBe(true);
      const label = next.ok ? next.result.ticket!.label : '';
      expect(acknowledged.map((t) => t.label)).not.toContain(label);
      expect(next.ok && next.result.ticket!.number).toBe(stored.size + 1);
    } finally {
      await hub.stop();
      hub.cleanup();
    }
  }, 120_000);
});
