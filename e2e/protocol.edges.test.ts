import type { Socket } from 'socket.io-client';
import type { HubClient } from '@motcua/client';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION, type CommandReply, type ErrorReply } from '@motcua/core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin } from './support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';
import { pairRawSocket, rawSocket } from './support/rawSocket.js';

/**
 * The protocol's edges, each with the answer docs/protocol.md promises, through a real hub process:
 * idempotency conflicts, retries while rate-limited, unknown and oversize messages, and device approval.
 */
const BURST = 3;

function command(socket: Socket, requestId: string, body: unknown): Promise<CommandReply> {
  return socket.timeout(10_000).emitWithAck('command', { requestId, command: body }) as Promise<CommandReply>;
}

const issueKhaiSinh = { type: 'ticket.issue', serviceId: 'khai-sinh' };

describe('protocol edges, through a real hub', () => {
  let hub: HubProcess;
  const sockets: Socket[] = [];
  const clients: HubClient[] = [];

  beforeAll(async () => {
    // A small kiosk bucket that refills slowly: a burst of 3, then one a minute.
    hub = await startHubProcess({
      args: ['--kiosk-issue-burst', String(BURST), '--kiosk-issues-per-minute', '1'],
    });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  async function kiosk(): Promise<Socket> {
    const { socket, hello } = await pairRawSocket(hub.url, 'kiosk');
    expect(hello).toMatchObject({ ok: true });
    sockets.push(socket);
    return socket;
  }

  it('refuses a requestId reused for another command with IDEMPOTENCY_CONFLICT, changing nothing; the same command gets its first reply', async () => {
    const socket = await kiosk();
    const first = await command(socket, 'dung-lai-0001', issueKhaiSinh);
    expect(first).toMatchObject({ ok: true });
    const before = await hubHealth(hub.url);

    for (const other of [
      { type: 'ticket.issue', serviceId: 'ket-hon' },
      { ...issueKhaiSinh, priorityGroup: 'elderly' },
      { type: 'alert.raise', alertKind: 'printerPaperOut', message: 'Máy in hết giấy' },
    ]) {
      const reply = await command(socket, 'dung-lai-0001', other);
      expect(reply, other.type).toMatchObject({ ok: false, code: 'IDEMPOTENCY_CONFLICT' });
      expect((reply as ErrorReply).message).toMatch(/Mã yêu cầu này đã được dùng/);
    }
    const after = await hubHealth(hub.url);
    expect(after.seq).toBe(before.seq);
    expect(after.stateHash).toBe(before.stateHash);

    // The same command again (keys in another order): the first reply, the same ticket, nothing new.
    const retry = await command(socket, 'dung-lai-0001', { serviceId: 'khai-sinh', type: 'ticket.issue' });
    expect(retry.ok && retry.result.ticket?.id).toBe(first.ok && first.result.ticket?.id);
    expect(retry.ok && retry.result.seq).toBe(first.ok && first.result.seq);
    // The ticket's status link (the printed QR) comes with the first reply and with the retry alike.
    expect(first.ok && first.result.statusUrl).toMatch(/^http:\/\/.+\/t\/[A-Za-z0-9_-]{22}$/);
    expect(retry.ok && retry.result.statusUrl).toBe(first.ok && first.result.statusUrl);
    expect((await hubHealth(hub.url)).stateHash).toBe(before.stateHash);

    // A refused command is not stored: the same requestId is evaluated again, and may then be accepted.
    expect(await command(socket, 'tu-choi-0001', { type: 'ticket.issue', serviceId: 'khong-co' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await command(socket, 'tu-choi-0001', issueKhaiSinh)).toMatchObject({ ok: true });

    // The key is per sender: another kiosk may use the same requestId for its own command.
    const other = await command(await kiosk(), 'dung-lai-0001', { type: 'ticket.issue', serviceId: 'ket-hon' });
    expect(other).toMatchObject({ ok: true, result: { ticket: { serviceId: 'ket-hon' } } });
  });

  it("answers a retry of an accepted issue with its ticket while the kiosk's bucket is empty; malformed commands take no token", async () => {
    const socket = await kiosk();
    // Malformed first: many of them must leave the whole burst available.
    for (let i = 0; i < 2 * BURST; i++) {
      const reply = await command(socket, `hong-${String(i).padStart(4, '0')}`, { type: 'ticket.issue' });
      expect(reply).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    }
    const accepted: CommandReply[] = [];
    for (let i = 0; i < BURST; i++) accepted.push(await command(socket, `phat-so-${i}000`, issueKhaiSinh));
    for (const reply of accepted) expect(reply).toMatchObject({ ok: true });

    // The bucket is empty now: a new issue is refused …
    const refused = await command(socket, 'phat-so-9000', issueKhaiSinh);
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // … but every retry of an accepted one gets its ticket back, not RATE_LIMITED.
    for (let i = 0; i < BURST; i++) {
      const retry = await command(socket, `phat-so-${i}000`, issueKhaiSinh);
      const firstReply = accepted[i]!;
      expect(retry.ok && retry.result.ticket?.id).toBe(firstReply.ok && firstReply.result.ticket?.id);
    }
    // A retry with another command under an accepted id is still a conflict, not RATE_LIMITED.
    expect(await command(socket, 'phat-so-0000', { type: 'ticket.issue', serviceId: 'ket-hon' })).toMatchObject({
      ok: false,
      code: 'IDEMPOTENCY_CONFLICT',
    });
  });

  it('sends each event with the recovery offset as a second argument, the envelope first', async () => {
    const { socket: display } = await pairRawSocket(hub.url, 'display');
    sockets.push(display);
    const received: unknown[][] = [];
    display.on('event', (...args: unknown[]) => received.push(args));
    const issued = await command(await kiosk(), 'offset-00001', { type: 'ticket.issue', serviceId: 'ket-hon' });
    if (!issued.ok) throw new Error(`issue refused: ${issued.code}`);
    const args = await waitFor(
      () => received.find(([envelope]) => (envelope as { seq: number }).seq === issued.result.seq),
      10_000,
      'the ticket.issued event',
    );
    expect(args).toHaveLength(2);
    expect(args[0]).toMatchObject({ seq: issued.result.seq, event: { type: 'ticket.issued' } });
    expect(typeof args[1]).toBe('string');
  });

  it('answers an unknown event name with UNKNOWN_EVENT when an ack is asked for, and keeps the connection', async () => {
    const socket = await kiosk();
    const reply = (await socket.timeout(10_000).emitWithAck('queue.reset', { everything: true })) as ErrorReply;
    expect(reply).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT', details: { event: 'queue.reset' } });
    expect(reply.message).toMatch(/không hỗ trợ loại tin nhắn này/);
    // Without an ack it is dropped; an anonymous socket is answered the same way.
    socket.emit('queue.reset', {});
    const stranger = await rawSocket(hub.url);
    sockets.push(stranger);
    expect(await stranger.timeout(10_000).emitWithAck('x'.repeat(200), 1)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_EVENT',
      details: { event: 'x'.repeat(64) },
    });
    // Still connected and served.
    expect(socket.connected).toBe(true);
    expect(await command(socket, 'sau-loi-0001', { type: 'queue.reset' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_COMMAND',
    });
  });

  it('answers a message over 1 MiB with protocol.error MESSAGE_TOO_LARGE, then closes the connection', async () => {
    const socket = await kiosk();
    const before = await hubHealth(hub.url);
    const seen: string[] = [];
    let error: ErrorReply | null = null;
    socket.on('protocol.error', (e: ErrorReply) => {
      error = e;
      seen.push('protocol.error');
    });
    const closed = new Promise<string>((resolve) =>
      socket.on('disconnect', (reason) => {
        seen.push('disconnect');
        resolve(reason);
      }),
    );
    // A command with a 1.2 MiB field: over the limit, under the transport's own (twice the limit).
    // Its ack must never come: the hub does not process the message.
    socket.emit(
      'command',
      {
        requestId: 'qua-lon-0001',
        command: { ...issueKhaiSinh, dossierCode: 'A'.repeat(MAX_MESSAGE_BYTES + 200_000) },
      },
      () => seen.push('ack'),
    );
    expect(await closed).toBe('io server disconnect');
    expect(seen).toEqual(['protocol.error', 'disconnect']);
    expect(error).toMatchObject({ ok: false, code: 'MESSAGE_TOO_LARGE', details: { limitBytes: MAX_MESSAGE_BYTES } });
    expect(error!.message).toMatch(/Tin nhắn quá lớn/);
    expect((await hubHealth(hub.url)).seq).toBe(before.seq);
  });

  it('starts a new epoch when a client of this hubId reports a seq the database never reached, and tells every socket', async () => {
    const listener = await kiosk();
    const epochs: { hubId: string }[] = [];
    listener.on('hub.epoch', (epoch: { hubId: string }) => epochs.push(epoch));
    const before = await hubHealth(hub.url);
    const { socket: ahead, deviceToken } = await pairRawSocket(hub.url, 'display');
    sockets.push(ahead);
    const reply = (await ahead.timeout(10_000).emitWithAck('hello', {
      protocol: PROTOCOL_VERSION,
      deviceToken,
      lastSeq: before.seq + 50,
      hubId: before.hubId,
    })) as { ok: boolean; sync: { kind: string; hubId: string } };
    expect(reply).toMatchObject({ ok: true, sync: { kind: 'snapshot' } });
    expect(reply.sync.hubId).not.toBe(before.hubId);
    await waitFor(() => epochs.length > 0, 10_000, 'hub.epoch on the other socket');
    expect(epochs[0]).toEqual({ hubId: reply.sync.hubId });
    expect((await hubHealth(hub.url)).hubId).toBe(reply.sync.hubId);
  });

  it('honours device.approve { printerProfileId }: the approved kiosk prints on that profile', async () => {
    // The bundle (npm start): its printer code is a chunk loaded on the first print, which this print loads.
    const waiting = await startHubProcess({ built: true, args: ['--no-auto-pair-localhost'] });
    // A file printer writes inside the hub's data folder only (docs/security.md).
    const prints = join(waiting.dataDir, 'prints-quay-le-tan');
    try {
      const admin = await connectAdmin(waiting.url, adminPasswordFrom(waiting.output()));
      clients.push(admin);
      const profile = {
        id: 'may-in-quay-le-tan',
        name: 'Máy in quầy lễ tân',
        transportUrl: pathToFileURL(prints).href,
        paperWidth: 58 as const,
        mode: 'raster' as const,
        codePage: '',
        cut: 'partial' as const,
        density: 4,
        beep: false,
      };
      expect(await admin.send({ type: 'config.upsertPrinterProfile', profile })).toMatchObject({ ok: true });

      const device = await rawSocket(waiting.url);
      sockets.push(device);
      const pair = (await device.emitWithAck('pair.request', { kind: 'kiosk', name: 'Kiosk sảnh' })) as {
        ok: boolean;
        deviceId: string;
        pairingCode: string;
        deviceToken: string;
        approved: boolean;
      };
      expect(pair).toMatchObject({ ok: true, approved: false });
      const approvedPush = new Promise<unknown>((resolve) => device.once('pair.approved', resolve));
      const approved = await admin.socket
        .timeout(10_000)
        .emitWithAck('device.approve', { pairingCode: pair.pairingCode, printerProfileId: profile.id });
      expect(approved).toMatchObject({ ok: true, deviceId: pair.deviceId });
      expect(await approvedPush).toEqual({ deviceId: pair.deviceId, deviceToken: '' });
      await waitFor(() => admin.state?.config.devices[pair.deviceId], 10_000, 'the device in the admin state');
      expect(admin.state?.config.devices[pair.deviceId]).toMatchObject({
        kind: 'kiosk',
        printerProfileId: profile.id,
        revoked: false,
      });

      const hello = await device.emitWithAck('hello', {
        protocol: PROTOCOL_VERSION,
        deviceToken: pair.deviceToken,
        lastSeq: 0,
      });
      expect(hello).toMatchObject({ ok: true, identity: { actor: { kind: 'device', deviceKind: 'kiosk' } } });
      const issued = await command(device, 'in-ve-00001', issueKhaiSinh);
      if (!issued.ok) throw new Error(`issue refused: ${issued.code}`);
      const printed = await device.timeout(30_000).emitWithAck('print.ticket', { ticketId: issued.result.ticket!.id });
      expect(printed).toMatchObject({ ok: true });
      // The bytes went to the approved profile's printer, not to the hub's default file printer.
      expect(readdirSync(prints).length).toBeGreaterThan(0);
      expect(readdirSync(waiting.dataDir)).not.toContain('prints');

      // An unknown profile is refused and approves nothing.
      const second = (await (
        await rawSocket(waiting.url)
      ).emitWithAck('pair.request', {
        kind: 'kiosk',
        name: 'Kiosk 2',
      })) as { pairingCode: string; deviceId: string };
      const refused = await admin.socket
        .timeout(10_000)
        .emitWithAck('device.approve', { pairingCode: second.pairingCode, printerProfileId: 'khong-co' });
      expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(admin.state?.config.devices[second.deviceId]).toBeUndefined();
    } finally {
      await waiting.stop();
      waiting.cleanup();
    }
  }, 120_000);
});
