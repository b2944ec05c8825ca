import { domainError, helloRequestSchema, PROTOCOL_VERSION, syncRequestSchema } from '@motcua/core';
import { hashToken } from '@motcua/secrets';
import { errorReply } from '../engine.js';
import { isKioskDevice } from './eventBroadcast.js';
import type { SocketContext } from './socketContext.js';
import { badRequest, guarded, joinOffice, leaveOffice, type HubSocket } from './socketTypes.js';

/** `hello` (who the socket is, and the queue from its last seq) and `sync` (a gap to fill). */
export function registerHello(socket: HubSocket, ctx: SocketContext): void {
  const { auth, engine, identity, log } = ctx;

  socket.on(
    'hello',
    guarded(log, 'hello', (request, ack) => {
      const parsed = helloRequestSchema.safeParse(request);
      if (!parsed.success) {
        const protocol = (request as { protocol?: unknown } | null)?.protocol;
        if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
          return ack(errorReply(domainError('BAD_REQUEST', { issue: `protocol ${PROTOCOL_VERSION} expected` })));
        }
        return ack(badRequest(parsed.error));
      }
      const hello = parsed.data;
      socket.data.deviceId = null;
      socket.data.sessionTokenHash = null;
      leaveOffice(socket);
      if (hello.deviceToken) {
        const device = auth.deviceForToken(hello.deviceToken);
        if (!device) return ack(errorReply(domainError('UNAUTHENTICATED', { pairing: 'unknown' })));
        if (device.status === 'pending') {
          socket.data.deviceId = device.deviceId;
          return ack(
            errorReply(domainError('UNAUTHENTICATED', { pairing: 'pending', pairingCode: device.pairingCode })),
          );
        }
        if (!identity.deviceActor(device.deviceId)) {
          const known = engine.state.config.devices[device.deviceId] !== undefined;
          return ack(errorReply(domainError('UNAUTHENTICATED', { pairing: known ? 'revoked' : 'pending' })));
        }
        socket.data.deviceId = device.deviceId;
      }
      if (hello.sessionToken) socket.data.sessionTokenHash = hashToken(hello.sessionToken);
      const resolved = identity.resolve(socket);
      // A session that no longer holds is dropped quietly here: the reply's identity tells the client.
      if (!resolved.session) socket.data.sessionTokenHash = null;
      const reply = { ok: true as const, identity: identity.identityOf(socket, resolved), hubTime: engine.now() };
      if (resolved.actor.kind === 'anonymous') return ack({ ...reply, sync: null });
      // Join before reading the sync in the same tick: no event can fall between the two.
      joinOffice(socket, isKioskDevice(engine.state, socket.data.deviceId));
      ack({ ...reply, sync: ctx.syncFrom(hello.lastSeq, hello.hubId) });
    }),
  );

  socket.on(
    'sync',
    guarded(log, 'sync', (request, ack) => {
      const parsed = syncRequestSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      ack({ ok: true, sync: ctx.syncFrom(parsed.data.lastSeq, parsed.data.hubId) });
    }),
  );
}
