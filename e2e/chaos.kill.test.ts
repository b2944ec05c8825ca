import type { HubClient } from '@motcua/client';
import { afterAll, describe, expect, it } from 'vitest';
import { queueBurst, type BurstAcks } from './support/burst.js';
import { connectClerk, connectDevice } from './support/clients.js';
import { issuedTickets, repeatedLabels, replayEventLog, seqsAreContiguous } from './support/eventLog.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

const ROUNDS = 3;

describe('chaos: kill -9 during bursts of issues and calls, several times in a row', () => {
  let hub: HubProcess | null = null;
  afterAll(async () => {
    await hub?.stop();
    hub?.cleanup();
  });

  it('loses no acknowledged ticket or call, repeats no label within a day, and the log replays to the hub state', async () => {
    hub = await startHubProcess({ args: ['--kiosk-issues-per-minute', '100000', '--kiosk-issue-burst', '100000'] });
    const acked: BurstAcks = { issued: new Map(), called: new Set() };
    for (let round = 1; round <= ROUNDS; round++) {
      const url = hub.url;
      const kiosks = await Promise.all([1, 2].map(() => connectDevice(url, 'kiosk')));
      const clerks: [HubClient, string][] = [
        [await connectClerk(url, 1), 'quay-1'],
        [await connectClerk(url, 2), 'quay-2'],
      ];
      const stop = { now: false };
      const issuedBefore = acked.issued.size;
      const calledBefore = acked.called.size;
      const running = queueBurst(kiosks, clerks, acked, stop);
      await waitFor(
        () => acked.issued.size >= issuedBefore + 40 && acked.called.size >= calledBefore + 5,
        60_000,
        `round ${round}: a burst under way`,
      );
      await hub.kill9();
      // What the hub acknowledged before it died; nothing may be added after this point.
      const issuedAtKill = new Map(acked.issued);
      const calledAtKill = new Set(acked.called);
      stop.now = true;
      for (const client of [...kiosks, ...clerks.map(([c]) => c)]) client.close();
      await running;
      expect(acked.issued).toEqual(issuedAtKill);

      hub = await hub.restart();
      const health = await hubHealth(hub.url);
      const { events, hash } = replayEventLog(hub.dataDir);
      expect(seqsAreContiguous(events)).toBe(true);
      expect(events.at(-1)?.seq).toBe(health.seq);
      expect(hash, `round ${round}: replay of the log from empty equals the hub's state`).toBe(health.stateHash);
      const issuedInLog = new Set(issuedTickets(events).map((t) => t.id));
      for (const [id, label] of issuedAtKill) expect(issuedInLog.has(id), `ticket ${label} kept`).toBe(true);
      const calledInLog = new Set(events.flatMap((e) => (e.event.type === 'ticket.called' ? [e.event.ticketId] : [])));
      for (const id of calledAtKill) expect(calledInLog.has(id), `call of ${id} kept`).toBe(true);
      expect(repeatedLabels(events)).toEqual([]);
    }
    // Numbering goes on after the last crash without reusing a label.
    const kiosk = await connectDevice(hub.url, 'kiosk');
    const next = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    kiosk.close();
    expect(next.ok).toBe(true);
    const { events, hash } = replayEventLog(hub.dataDir);
    expect(repeatedLabels(events)).toEqual([]);
    expect(hash).toBe((await hubHealth(hub.url)).stateHash);
  }, 180_000);
});
