import type { HubClient } from '@motcua/client';
import type { EventEnvelope, EventOf, QueueState, ReportSummary } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, connectAdmin, connectClerk, connectDevice } from '../../../e2e/support/clients.js';
import { startHubProcess, staffToken, waitFor, type HubProcess } from '../../../e2e/support/hubProcess.js';

/** Short, so the test waits seconds; the office default is two minutes. */
const LOST_AFTER_SECONDS = 5;

async function idleSecondsAt(hub: HubProcess, serviceDay: string, counterId: string): Promise<number> {
  const res = await fetch(`${hub.url}/api/reports/summary?from=${serviceDay}&to=${serviceDay}`, {
    headers: { Authorization: `Bearer ${await staffToken(hub.url)}` },
  });
  const { summary } = (await res.json()) as { summary: ReportSummary };
  return summary.idle.byCounter.find((row) => row.key === counterId)?.idleSeconds ?? 0;
}

function presenceEvents(events: EventEnvelope[], counterId: string) {
  return events.flatMap((envelope) => {
    const { event } = envelope;
    return (event.type === 'counter.deviceLost' || event.type === 'counter.deviceBack') && event.counterId === counterId
      ? [{ ...envelope, event }]
      : [];
  });
}

describe('counter presence, through a real hub process and real sockets', () => {
  let hub: HubProcess;
  let admin: HubClient;
  let display: HubClient;
  let clerk: HubClient;
  const seen: EventEnvelope[] = [];

  beforeAll(async () => {
    hub = await startHubProcess();
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    const office = admin.state!.config.office;
    const set = await admin.send({
      type: 'config.setOffice',
      office: { ...office, counterLostAfterSeconds: LOST_AFTER_SECONDS },
    });
    expect(set.ok).toBe(true);
    display = await connectDevice(hub.url, 'display');
    display.onEvent((envelope) => seen.push(envelope));
    clerk = await connectClerk(hub.url, 1);
  });

  afterAll(async () => {
    for (const client of [admin, display, clerk]) client?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('marks a counter lost when its device has been gone for the set time, stops its idle time, and clears when it is back', async () => {
    const counter = (state: QueueState | null) => state?.counters['quay-1'];
    expect(counter(display.state)).toMatchObject({ status: 'open', clerkId: 'canbo1' });
    const closedAt = Date.now();
    clerk.close();
    const lost = await waitFor(
      () => presenceEvents(seen, 'quay-1').find((e) => e.event.type === 'counter.deviceLost'),
      30_000,
      'counter.deviceLost for quay-1',
    );
    const lostEvent = lost.event as EventOf<'counter.deviceLost'>;
    // Last seen around when the socket closed (the hub looks once a second), at least the set time before it said so.
    expect(lostEvent.lastSeenAt).toBeGreaterThanOrEqual(closedAt - 2_000);
    expect(lost.at - lostEvent.lastSeenAt).toBeGreaterThanOrEqual(LOST_AFTER_SECONDS * 1000);
    expect(lost.actor).toBe('system');
    await waitFor(() => counter(display.state)?.deviceLostSince === lostEvent.lastSeenAt, 10_000, 'display folded it');
    // Status and clerk stay: the clerk comes back to the same counter and ticket.
    expect(counter(display.state)).toMatchObject({ status: 'open', clerkId: 'canbo1' });
    // A counter that was never open, with nobody signed in, is not reported.
    expect(presenceEvents(seen, 'quay-2')).toEqual([]);

    // Idle time stopped at the last sighting: it does not grow while the device is gone.
    const day = display.state!.serviceDay;
    const assigned = seen.find((e) => e.event.type === 'counter.clerkAssigned' && e.event.counterId === 'quay-1');
    const idleWhileLost = await idleSecondsAt(hub, day, 'quay-1');
    expect(idleWhileLost).toBeCloseTo((lostEvent.lastSeenAt - assigned!.at) / 1000, 3);
    const later = display.hubNow() + 1_500;
    await waitFor(() => display.hubNow() > later, 10_000, 'time to pass on the hub');
    expect(await idleSecondsAt(hub, day, 'quay-1')).toBe(idleWhileLost);

    clerk.connect();
    const back = await waitFor(
      () => presenceEvents(seen, 'quay-1').find((e) => e.event.type === 'counter.deviceBack'),
      30_000,
      'counter.deviceBack for quay-1',
    );
    expect(back.seq).toBeGreaterThan(lost.seq);
    await waitFor(
      () => counter(display.state) && counter(display.state)?.deviceLostSince === undefined,
      10_000,
      'cleared',
    );
    expect(counter(clerk.state)).toMatchObject({ status: 'open', clerkId: 'canbo1' });
    // Idle counts again once the device is back.
    await waitFor(async () => (await idleSecondsAt(hub, day, 'quay-1')) > idleWhileLost, 20_000, 'idle counting again');
    expect(presenceEvents(seen, 'quay-1').map((e) => e.event.type)).toEqual([
      'counter.deviceLost',
      'counter.deviceBack',
    ]);
  });

  it('after a restart, a counter whose device never came back ends up lost too', async () => {
    for (const client of [admin, display, clerk]) client.close();
    await hub.stop();
    const startedAt = Date.now();
    hub = await hub.restart();
    const watcher = await connectDevice(hub.url, 'display');
    try {
      await waitFor(() => watcher.state?.counters['quay-1']?.deviceLostSince !== undefined, 30_000, 'quay-1 lost');
      const lostSince = watcher.state!.counters['quay-1']!.deviceLostSince!;
      // Nobody knows when it went while the hub was down: it counts from the hub's start.
      expect(lostSince).toBeGreaterThanOrEqual(startedAt - 1_000);
      expect(watcher.state!.counters['quay-1']).toMatchObject({ status: 'open', clerkId: 'canbo1' });
      clerk.connect();
      await waitFor(() => watcher.state?.counters['quay-1']?.deviceLostSince === undefined, 30_000, 'quay-1 back');
    } finally {
      watcher.close();
    }
  });
});
