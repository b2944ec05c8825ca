import { counterLostAfterMs, counterState, type QueueState } from '@motcua/core';
import type { HubSocket } from '../net/socketTypes.js';
import type { FeatureContext, HubFeature } from './types.js';

/** How often the watch looks: a device coming back clears "Mất kết nối" within this. */
const CHECK_EVERY_MS = 1000;

/**
 * The devices of each counter: approved counter devices standing there, and the device of each session signed in at
 * it (a counter device the admin left without a counter serves the one its clerk chose).
 */
function counterDevices(state: QueueState, sessionDevices: Map<string, string[]>): Map<string, string[]> {
  const byCounter = new Map<string, string[]>();
  const add = (counterId: string, deviceId: string) =>
    byCounter.set(counterId, [...(byCounter.get(counterId) ?? []), deviceId]);
  for (const device of Object.values(state.config.devices)) {
    if (device.kind === 'counter' && !device.revoked && device.counterId) add(device.counterId, device.id);
  }
  for (const [counterId, deviceIds] of sessionDevices) {
    for (const deviceId of deviceIds) {
      const device = state.config.devices[deviceId];
      if (device && !device.revoked) add(counterId, deviceId);
    }
  }
  return byCounter;
}

/**
 * Counter presence (issue 15, item 4). A device is present while a Socket.IO connection of it is up: Socket.IO pings
 * every 10 s and drops a connection that does not answer within 8 s, so a pulled cable or a closed lid ends it as
 * surely as a closed browser. The hub keeps when it last saw each device on the monotonic clock (in memory: after a
 * restart every device counts as last seen at the hub's start). A counter that is open, paused or staffed and none
 * of whose devices was seen for the office's `counterLostAfterSeconds` gets `counter.deviceLost` through the engine,
 * like any other change; when one of its devices is connected again, `counter.deviceBack`.
 */
export function createCounterPresenceFeature(ctx: FeatureContext): HubFeature {
  const { engine, auth, io, clock, log } = ctx;
  const startedAt = clock.monotonic();
  const lastSeen = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;

  function connectedDevices(): Set<string> {
    const connected = new Set<string>();
    for (const socket of io.sockets.sockets.values()) {
      if (socket.data.deviceId) connected.add(socket.data.deviceId);
    }
    return connected;
  }

  function mark(counterId: string, command: Parameters<typeof engine.execute>[1]): void {
    const reply = engine.execute({ kind: 'system' }, command, null);
    if (!reply.ok) log.warn({ counterId, code: reply.code }, 'could not record the counter presence');
  }

  function check(): void {
    const now = clock.monotonic();
    const connected = connectedDevices();
    for (const deviceId of connected) lastSeen.set(deviceId, now);
    const state = engine.state;
    const lostAfterMs = counterLostAfterMs(state.config.office);
    const devices = counterDevices(state, auth.sessionDevicesByCounter());
    for (const counterId of Object.keys(state.config.counters)) {
      const live = counterState(state, counterId);
      const own = devices.get(counterId) ?? [];
      if (own.some((deviceId) => connected.has(deviceId))) {
        if (live.deviceLostSince !== undefined) {
          log.info({ counterId }, 'counter device back');
          mark(counterId, { type: 'counter.markDeviceBack', counterId });
        }
        continue;
      }
      // A closed counter nobody is signed in at expects no device: its absence is not news.
      if (live.deviceLostSince !== undefined || (live.status === 'closed' && live.clerkId === null)) continue;
      const seen = Math.max(startedAt, ...own.map((deviceId) => lastSeen.get(deviceId) ?? startedAt));
      const goneMs = now - seen;
      if (goneMs < lostAfterMs) continue;
      log.warn({ counterId, goneSeconds: Math.round(goneMs / 1000) }, 'counter device lost');
      mark(counterId, {
        type: 'counter.markDeviceLost',
        counterId,
        lastSeenAt: Math.max(0, Math.round(clock.now() - goneMs)),
      });
    }
  }

  /** A connection that ends between two looks was still seen: its last moment counts, not the look before. */
  function noteDisconnects(socket: HubSocket): void {
    socket.on('disconnect', () => {
      if (socket.data.deviceId) lastSeen.set(socket.data.deviceId, clock.monotonic());
    });
  }

  return {
    name: 'counterPresence',
    start() {
      io.on('connection', noteDisconnects);
      timer = setInterval(() => {
        try {
          check();
        } catch (error) {
          log.warn({ err: error }, 'counter presence check failed');
        }
      }, CHECK_EVERY_MS);
      timer.unref();
    },
    stop() {
      io.off('connection', noteDisconnects);
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
