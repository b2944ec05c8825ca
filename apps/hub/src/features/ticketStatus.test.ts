import type { HubClient } from '@motcua/client';
import { PROTOCOL_VERSION } from '@motcua/core';
import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt } from '../../../../e2e/support/build.js';
import { connectClerk, connectDevice } from '../../../../e2e/support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from '../../../../e2e/support/hubProcess.js';
import { databasePath } from '../store/openDatabase.js';
import type { TicketStatusReply } from '@motcua/core';

async function rawSocket(url: string): Promise<Socket> {
  const socket = connectSocket(url, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('live ticket status with a credential scoped to one ticket', () => {
  let hub: HubProcess;
  let kiosk: HubClient;
  let clerk: HubClient;
  let tokenFor: (ticketId: string) => string;
  const sockets: Socket[] = [];

  async function issue(serviceId = 'ket-hon'): Promise<string> {
    const reply = await kiosk.send({ type: 'ticket.issue', serviceId });
    if (!reply.ok || !reply.result.ticket) throw new Error('issue refused');
    return reply.result.ticket.id;
  }

  async function callAndFinish(): Promise<string> {
    const call = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    if (!call.ok || !call.result.ticket) throw new Error('call refused');
    const finished = await clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId: call.result.ticket.id });
    if (!finished.ok) throw new Error('finish refused');
    return call.result.ticket.id;
  }

  async function watcher(
    token: string,
  ): Promise<{ socket: Socket; first: TicketStatusReply; updates: TicketStatusReply[]; events: unknown[] }> {
    const socket = await rawSocket(hub.url);
    sockets.push(socket);
    const updates: TicketStatusReply[] = [];
    const events: unknown[] = [];
    socket.on('ticketStatus.update', (reply: TicketStatusReply) => updates.push(reply));
    socket.on('event', (e: unknown) => events.push(e));
    const first = (await socket.timeout(10_000).emitWithAck('ticketStatus.watch', { token })) as TicketStatusReply;
    return { socket, first, updates, events };
  }

  beforeAll(async () => {
    ensureAppBuilt('citizen');
    hub = await startHubProcess();
    kiosk = await connectDevice(hub.url, 'kiosk');
    clerk = await connectClerk(hub.url, 1);
    // The test reads the hub's secret from its database, as only the hub itself could.
    await issue();
    const db = new Database(databasePath(hub.dataDir), { readonly: true });
    const secret = (db.prepare("SELECT value FROM meta WHERE key = 'ticket_status_secret'").get() as { value: string })
      .value;
    db.close();
    tokenFor = (ticketId) => createHmac('sha256', secret).update(ticketId).digest('base64url').slice(0, 22);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    kiosk?.close();
    clerk?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('pushes the position and then the call to the watched ticket only', async () => {
    const first = await issue();
    const mine = await issue();
    const other = await issue();
    const me = await watcher(tokenFor(mine));
    expect(me.first).toMatchObject({ ok: true, view: { status: 'waiting', ahead: 2 } });
    expect(JSON.stringify(me.first)).not.toContain(other);
    expect(await callAndFinish()).not.toBe(mine);
    await waitFor(() => me.updates.some((u) => u.ok && u.view.ahead === 1), 10_000, 'position update');
    expect(await callAndFinish()).toBe(first);
    const call = await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(call.ok && call.result.ticket?.id).toBe(mine);
    await waitFor(
      () => me.updates.some((u) => u.ok && u.view.status === 'called' && u.view.counterNumber === 1),
      10_000,
      'the call reaches the phone',
    );
    expect(me.events).toEqual([]);
  });

  it('cannot read another ticket, the queue, or send any command', async () => {
    const mine = await issue();
    const me = await watcher(tokenFor(mine));
    expect(me.first.ok).toBe(true);
    expect(await me.socket.timeout(10_000).emitWithAck('ticketStatus.watch', { token: 'x'.repeat(22) })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await me.socket.timeout(10_000).emitWithAck('ticketStatus.watch', { token: mine })).toMatchObject({
      ok: false,
    });
    for (const command of [
      { type: 'ticket.issue', serviceId: 'ket-hon' },
      { type: 'ticket.cancel', ticketId: mine },
      { type: 'appointment.release' },
    ]) {
      expect(
        await me.socket.timeout(10_000).emitWithAck('command', { requestId: `status-${command.type}`, command }),
      ).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      });
    }
    expect(await me.socket.timeout(10_000).emitWithAck('sync', { lastSeq: 0 })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    const hello = await me.socket.timeout(10_000).emitWithAck('hello', { protocol: PROTOCOL_VERSION, lastSeq: 0 });
    expect(hello).toMatchObject({ ok: true, sync: null });
    const reply = await kiosk.send({ type: 'ticket.issue', serviceId: 'ket-hon' });
    const seq = reply.ok ? reply.result.seq : Infinity;
    await waitFor(() => (kiosk.state?.seq ?? 0) >= seq, 10_000, 'the kiosk saw the broadcast');
    expect(me.events).toEqual([]);
  });

  it('serves the status page for a valid link and "Liên kết không hợp lệ" for a ticket id or a made-up token', async () => {
    const ticketId = await issue();
    const valid = await fetch(`${hub.url}/t/${tokenFor(ticketId)}`);
    expect(valid.status).toBe(200);
    expect(await valid.text()).toContain('/citizen/assets/');
    for (const path of [`/t/${ticketId}`, `/t/${encodeURIComponent(ticketId)}`, '/t/AAAAAAAAAAAAAAAAAAAAAA']) {
      const invalid = await fetch(`${hub.url}${path}`);
      expect(invalid.status).toBe(404);
      const html = await invalid.text();
      expect(html).toContain('Liên kết không hợp lệ');
      expect(html).not.toContain(ticketId.slice(9));
    }
  });
});
