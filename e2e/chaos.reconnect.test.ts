import type { HubClient } from '@motcua/client';
import { stateHash, type EventEnvelope } from '@motcua/core';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClerk, connectDevice } from './support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const STORM_CLIENTS = 200;
/** The bound we state for the storm: every client back on the same seq and state within this time. */
const STORM_CONVERGENCE_MS = 60_000;

describe('chaos: reconnect storm', () => {
  let hub: HubProcess | null = null;
  const clients: HubClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it(`brings ${STORM_CLIENTS} clients back to the same seq and state hash after the hub restarts`, async () => {
    hub = await startHubProcess();
    for (let i = 0; i < STORM_CLIENTS; i += 25) {
      const batch = Array.from({ length: Math.min(25, STORM_CLIENTS - i) }, (_, j) =>
        connectDevice(hub!.url, (i + j) % 10 === 0 ? 'kiosk' : 'display', { name: `storm ${i + j}` }),
      );
      clients.push(...(await Promise.all(batch)));
    }
    const kiosk = clients[0]!;
    for (let i = 0; i < 5; i++)
      expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })).ok).toBe(true);

    await hub.kill9();
    hub = await hub.restart();
    const restartedAt = Date.now();
    // The world moves on while the clients are still coming back.
    const lateKiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(lateKiosk);
    for (let i = 0; i < 5; i++) await lateKiosk.send({ type: 'ticket.issue', serviceId: 'ket-hon' });

    const health = await hubHealth(hub.url);
    await waitFor(
      () => clients.every((c) => c.getSnapshot().connection === 'online' && c.state?.seq === health.seq),
      STORM_CONVERGENCE_MS,
      'every client on the hub seq',
    );
    const convergedMs = Date.now() - restartedAt;
    const hashes = new Set(clients.map((c) => stateHash(c.state)));
    expect([...hashes]).toEqual([health.stateHash]);
    console.log(`reconnect storm: ${clients.length} clients converged ${convergedMs} ms after the restart`);
    expect(convergedMs).toBeLessThan(STORM_CONVERGENCE_MS);
  }, 180_000);
});

/** A TCP relay whose connections can be frozen: bytes stop flowing and nothing is closed, like a dead Wi-Fi link. */
class StallingRelay {
  private server: Server;
  private readonly pairs = new Set<[Socket, Socket | null]>();
  stalled = false;
  port = 0;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.stalled) {
        client.pause(); // Held open and never answered until the link comes back.
        this.pairs.add([client, null]);
        return;
      }
      const upstream = connect(this.targetPort, '127.0.0.1');
      upstream.on('error', () => undefined);
      client.pipe(upstream);
      upstream.pipe(client);
      this.pairs.add([client, upstream]);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  stall(): void {
    this.stalled = true;
    for (const [client, upstream] of this.pairs) {
      if (!upstream) continue;
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** The link is back: connections from before are dead (as TCP would find out), new ones flow. */
  resume(): void {
    this.stalled = false;
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream?.destroy();
    }
    this.pairs.clear();
  }

  close(): void {
    this.resume();
    this.server.close();
  }
}

describe('chaos: a connection that silently stalls', () => {
  let hub: HubProcess | null = null;
  let relay: StallingRelay | null = null;
  const clients: HubClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.close();
    relay?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('catches up exactly after a stall longer than the heartbeat, folding each event once', async () => {
    hub = await startHubProcess();
    relay = new StallingRelay(hub.port);
    const relayPort = await relay.listen();
    const display = await connectDevice(`http://127.0.0.1:${relayPort}`, 'display');
    const kiosk = await connectDevice(hub.url, 'kiosk');
    const clerk = await connectClerk(hub.url, 1);
    clients.push(display, kiosk, clerk);
    const folded: EventEnvelope[] = [];
    display.onEvent((envelope) => folded.push(envelope));
    const connections: string[] = [];
    display.subscribe(() => {
      const status = display.getSnapshot().connection;
      if (connections.at(-1) !== status) connections.push(status);
    });
    const firstSeq = display.state!.seq;

    relay.stall();
    const stalledAt = Date.now();
    for (let i = 0; i < 4; i++)
      expect((await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' })).ok).toBe(true);
    expect((await clerk.send({ type: 'ticket.callNext', counterId: 'quay-1' })).ok).toBe(true);
    // Heartbeat: the hub pings every 10 s and gives up after 8 s more; the client notices the silence too.
    await waitFor(() => connections.includes('offline'), 40_000, 'the display notices the dead link');
    expect(Date.now() - stalledAt).toBeGreaterThan(10_000);
    const duringStall = display.state!.seq;
    expect(duringStall).toBe(firstSeq);
    for (let i = 0; i < 3; i++) await kiosk.send({ type: 'ticket.issue', serviceId: 'ket-hon' });

    relay.resume();
    const health = await hubHealth(hub.url);
    await waitFor(() => display.state?.seq === health.seq, 30_000, 'the display catches up');
    expect(stateHash(display.state)).toBe(health.stateHash);
    const seqs = folded.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: health.seq - firstSeq }, (_, i) => firstSeq + 1 + i));
    expect(display.state!.recentCalls[0]?.counterId).toBe('quay-1');
  }, 120_000);
});
