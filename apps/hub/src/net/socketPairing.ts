import {
  approveDeviceSchema,
  domainError,
  emptyRequestSchema,
  pairRequestSchema,
  type Actor,
  type DeviceKind,
} from '@motcua/core';
import { errorReply } from '../engine.js';
import { cameThroughProxy, hostNameOf, isLoopback, SHELL_ORIGIN } from './originPolicy.js';
import type { SocketContext } from './socketContext.js';
import { badRequest, guarded, type HubSocket } from './socketTypes.js';
import { TokenBucket } from './tokenBucket.js';

/** Source addresses remembered for the pairing rate limit; the oldest are forgotten beyond this. */
const PAIRING_SOURCES_KEPT = 10_000;

/** Pairing requests per source address, so one machine cannot fill the admin's list. */
export class PairingLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly ctx: SocketContext) {}

  allows(address: string): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      const { pairRequestBurst, pairRequestsPerMinute } = this.ctx.options;
      bucket = new TokenBucket(pairRequestBurst, pairRequestsPerMinute / 60_000);
      this.buckets.set(address, bucket);
      if (this.buckets.size > PAIRING_SOURCES_KEPT) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    return bucket.take();
  }
}

/**
 * The demo pairs devices on the hub's own machine by itself, but only a program or the hub's own page reached
 * directly: never through a proxy (every client would look local), never under a name the hub does not answer to
 * (DNS rebinding), never a page from another site.
 */
export function mayAutoPair(socket: HubSocket, ctx: SocketContext, hostNames: Set<string>): boolean {
  if (!ctx.options.autoPairLocalhost) return false;
  const { headers, address } = socket.handshake;
  if (!isLoopback(address) || cameThroughProxy(headers)) return false;
  const host = headers.host;
  if (!host || !hostNames.has(hostNameOf(host))) return false;
  const origin = headers.origin;
  if (origin === undefined || origin === SHELL_ORIGIN) return true;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

function approveDevice(
  ctx: SocketContext,
  deviceId: string,
  kind: DeviceKind,
  name: string,
  counterId: string | null,
  printerProfileId: string | null,
  by: Actor,
) {
  return ctx.engine.execute(
    by,
    {
      type: 'config.upsertDevice',
      device: { id: deviceId, kind, name, counterId, printerProfileId, revoked: false },
    },
    null,
  );
}

/** `pair.request` from new devices; `device.approve` and `device.list` for admins. */
export function registerPairing(
  socket: HubSocket,
  ctx: SocketContext,
  limits: PairingLimits,
  hostNames: Set<string>,
): void {
  const { auth, engine, identity, log } = ctx;

  socket.on(
    'pair.request',
    guarded(log, 'pair.request', (request, ack) => {
      const parsed = pairRequestSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const address = ctx.sourceAddress(socket);
      // Only requests that wait for an admin count: the demo's own devices pair at once and fill no list.
      const automatic = mayAutoPair(socket, ctx, hostNames);
      if (!automatic && !limits.allows(address)) {
        return ack(errorReply(domainError('RATE_LIMITED', { reason: 'pairingRequests' })));
      }
      const { kind, name, counterId } = parsed.data;
      if (counterId !== null && !engine.state.config.counters[counterId]) {
        return ack(errorReply(domainError('NOT_FOUND')));
      }
      const pairing = auth.requestPairing(kind, name);
      if (typeof pairing === 'string') {
        log.warn({ address, reason: pairing }, 'pairing refused');
        return ack(errorReply(domainError('RATE_LIMITED', { reason: pairing })));
      }
      socket.data.deviceId = pairing.deviceId;
      socket.data.sessionTokenHash = null;
      let approved = false;
      if (automatic) {
        approved = approveDevice(ctx, pairing.deviceId, kind, name, counterId, null, { kind: 'system' }).ok;
        log.info({ deviceId: pairing.deviceId, kind }, 'device paired automatically (demo, localhost)');
      } else {
        log.info({ deviceId: pairing.deviceId, kind, pairingCode: pairing.pairingCode }, 'device waits for approval');
      }
      ack({
        ok: true,
        deviceId: pairing.deviceId,
        pairingCode: pairing.pairingCode,
        deviceToken: pairing.deviceToken,
        approved,
      });
    }),
  );

  socket.on(
    'device.approve',
    guarded(log, 'device.approve', (request, ack) => {
      // Admins only: the hub's guard checked core's `socketEventRoles` before this runs.
      const actor = identity.actorOf(socket);
      const parsed = approveDeviceSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const pending = auth.findPendingByCode(parsed.data.pairingCode);
      if (!pending) return ack(errorReply(domainError('NOT_FOUND')));
      const { replacesDeviceId } = parsed.data;
      const replaced = replacesDeviceId ? engine.state.config.devices[replacesDeviceId] : undefined;
      if (replacesDeviceId && (!replaced || auth.replacedBy(replacesDeviceId) !== null)) {
        return ack(errorReply(domainError('NOT_FOUND')));
      }
      if (replaced && replaced.kind !== pending.kind) return ack(errorReply(domainError('BAD_REQUEST')));
      // A replacement takes over the old device's place unless the admin chose otherwise.
      const name = parsed.data.name ?? replaced?.name ?? pending.name;
      const counterId = parsed.data.counterId ?? replaced?.counterId ?? null;
      const printerProfileId = parsed.data.printerProfileId ?? replaced?.printerProfileId ?? null;
      const reply = approveDevice(ctx, pending.deviceId, pending.kind, name, counterId, printerProfileId, actor);
      if (!reply.ok) return ack(reply);
      if (replaced) {
        // The old token stops working and its sockets are cut off, as for any revocation.
        const revoked = engine.execute(
          actor,
          { type: 'config.upsertDevice', device: { ...replaced, revoked: true } },
          null,
        );
        if (!revoked.ok) return ack(revoked);
        auth.markReplaced(replaced.id, pending.deviceId);
        log.info({ deviceId: pending.deviceId, replaced: replaced.id }, 'device replaced');
      }
      ack({ ok: true, deviceId: pending.deviceId });
    }),
  );

  socket.on(
    'device.list',
    guarded(log, 'device.list', (request, ack) => {
      if (!emptyRequestSchema.safeParse(request).success) return ack(errorReply(domainError('BAD_REQUEST')));
      const online = new Set<string>();
      for (const connected of ctx.io.sockets.sockets.values() as IterableIterator<HubSocket>) {
        if (connected.data.deviceId) online.add(connected.data.deviceId);
      }
      ack({ ok: true, devices: auth.listDevices().map((d) => ({ ...d, online: online.has(d.deviceId) })) });
    }),
  );
}
