import { HubClient, memoryTokenStore } from '@motcua/client';
import {
  actorRole,
  authorizeSocketEvent,
  commandRoles,
  commandTypes,
  defaultAppointmentPolicy,
  errorCodes,
  ratingMethodOf,
  PROTOCOL_VERSION,
  socketEventRoles,
  stateHash,
  type CommandInput,
  type CommandReply,
  type CommandType,
  type QueueState,
  type SocketEventKey,
} from '@motcua/core';
import fc from 'fast-check';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPasswordFrom,
  connectAdmin,
  connectClerk,
  connectDevice,
  DEMO_SUPERVISOR_PASSWORD,
} from './support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/**
 * The role matrix as designed, written out by hand (not derived from core's `commandRoles`).
 * ok = passes the role check (the domain may still refuse, e.g. NOTHING_WAITING);
 * U = UNAUTHENTICATED, F = FORBIDDEN, C = NOT_YOUR_COUNTER. "clerk" is the clerk of quay-1, whose
 * counter every command names; "clerk2" is the clerk of quay-2; "rating" is the pad of quay-1.
 */
const MATRIX = `
command                       none display kiosk rating clerk clerk2 supervisor admin
ticket.issue                  U    F       ok    F      F     F      ok         ok
ticket.callNext               U    F       F     F      ok    C      F          F
ticket.callChosen             U    F       F     F      ok    C      F          F
ticket.recall                 U    F       F     F      ok    C      F          F
ticket.start                  U    F       F     F      ok    C      F          F
ticket.finish                 U    F       F     F      ok    C      F          F
ticket.noShow                 U    F       F     F      ok    C      F          F
ticket.park                   U    F       F     F      ok    C      F          F
ticket.attachDossier          U    F       F     F      ok    C      F          F
ticket.resume                 U    F       F     F      ok    C      F          F
ticket.returnToQueue          U    F       F     F      ok    C      ok         ok
ticket.transfer               U    F       F     F      ok    C      ok         ok
ticket.cancel                 U    F       F     F      ok    C      ok         ok
ticket.reprint                U    F       ok    F      F     F      F          F
counter.open                  U    F       F     F      ok    C      ok         ok
counter.pause                 U    F       F     F      ok    C      ok         ok
counter.assignClerk           U    F       F     F      F     F      F          F
counter.markDeviceLost        U    F       F     F      F     F      F          F
counter.markDeviceBack        U    F       F     F      F     F      F          F
rating.submit                 U    F       F     ok     F     F      F          F
rating.amend                  U    F       F     ok     F     F      F          F
alert.raise                   U    F       ok    ok     ok    ok     ok         ok
alert.clear                   U    F       F     F      ok    ok     ok         ok
config.setOffice              U    F       F     F      F     F      F          ok
config.upsertField            U    F       F     F      F     F      F          ok
config.removeField            U    F       F     F      F     F      F          ok
config.upsertService          U    F       F     F      F     F      F          ok
config.removeService          U    F       F     F      F     F      F          ok
config.upsertCounter          U    F       F     F      F     F      F          ok
config.removeCounter          U    F       F     F      F     F      F          ok
config.upsertUser             U    F       F     F      F     F      F          ok
config.upsertDevice           U    F       F     F      F     F      F          ok
config.upsertPrinterProfile   U    F       F     F      F     F      F          ok
config.removePrinterProfile   U    F       F     F      F     F      F          ok
config.setPriorityPolicy      U    F       F     F      F     F      F          ok
config.setDisplay             U    F       F     F      F     F      F          ok
config.setKiosk               U    F       F     F      F     F      F          ok
config.setProcedureInfo       U    F       F     F      F     F      F          ok
config.setRatingMethod        U    F       F     F      F     F      F          ok
config.setAppointments        U    F       F     F      F     F      F          ok
appointment.book              U    F       F     F      F     F      F          F
appointment.cancel            U    F       F     F      F     F      ok         ok
appointment.checkIn           U    F       ok    F      F     F      ok         ok
appointment.release           U    F       F     F      F     F      F          F
counter.close                 U    F       F     F      ok    C      ok         ok
day.close                     U    F       F     F      F     F      F          ok
`;

const ROLES = ['none', 'display', 'kiosk', 'rating', 'clerk', 'clerk2', 'supervisor', 'admin'] as const;
type RoleName = (typeof ROLES)[number];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_YOUR_COUNTER';
const CODES: Record<string, Outcome> = { ok: 'ok', U: 'UNAUTHENTICATED', F: 'FORBIDDEN', C: 'NOT_YOUR_COUNTER' };

const rows = MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [command, ...cells] = line.trim().split(/\s+/);
    return { command: command as CommandType, expected: cells.map((c) => CODES[c]!) };
  });

/** A role refusal, or "ok" for anything the role check let through. */
function outcomeOf(reply: CommandReply): Outcome {
  if (reply.ok) return 'ok';
  return reply.code === 'UNAUTHENTICATED' || reply.code === 'FORBIDDEN' || reply.code === 'NOT_YOUR_COUNTER'
    ? reply.code
    : 'ok';
}

const NEEDS_CALLED_TICKET = new Set<CommandType>([
  'ticket.callChosen',
  'ticket.recall',
  'ticket.start',
  'ticket.finish',
  'ticket.noShow',
  'ticket.park',
  'ticket.resume',
  'ticket.attachDossier',
  'ticket.returnToQueue',
  'ticket.transfer',
  'ticket.cancel',
  'rating.submit',
  'rating.amend',
]);

/** A well-formed payload for each command, so the role check (not the schema) decides. */
function payloadFor(type: CommandType, state: QueueState, fixture: { called: string; waiting: string }): CommandInput {
  const cfg = state.config;
  const onCounter = { counterId: 'quay-1', ticketId: fixture.called };
  const displayDevice = Object.values(cfg.devices).find((d) => d.kind === 'display')!;
  const payloads: Record<CommandType, CommandInput> = {
    'ticket.issue': { type: 'ticket.issue', serviceId: 'khai-sinh' },
    'ticket.callNext': { type: 'ticket.callNext', counterId: 'quay-1' },
    'ticket.callChosen': { type: 'ticket.callChosen', counterId: 'quay-1', ticketId: fixture.waiting },
    'ticket.recall': { type: 'ticket.recall', ...onCounter },
    'ticket.start': { type: 'ticket.start', ...onCounter },
    'ticket.finish': { type: 'ticket.finish', ...onCounter },
    'ticket.noShow': { type: 'ticket.noShow', ...onCounter },
    'ticket.park': { type: 'ticket.park', ...onCounter },
    'ticket.attachDossier': { type: 'ticket.attachDossier', ...onCounter, dossierCode: 'H40.99-250703-0001' },
    'ticket.resume': { type: 'ticket.resume', ...onCounter },
    'ticket.returnToQueue': { type: 'ticket.returnToQueue', ticketId: fixture.called },
    'ticket.transfer': { type: 'ticket.transfer', ticketId: fixture.called, toServiceId: 'ket-hon' },
    'ticket.cancel': { type: 'ticket.cancel', ticketId: fixture.called, reason: 'thử quyền' },
    'ticket.reprint': { type: 'ticket.reprint', ticketId: fixture.waiting },
    'counter.open': { type: 'counter.open', counterId: 'quay-1' },
    'counter.pause': { type: 'counter.pause', counterId: 'quay-1', reason: 'Nghỉ giải lao' },
    'counter.close': { type: 'counter.close', counterId: 'quay-1' },
    'counter.assignClerk': { type: 'counter.assignClerk', counterId: 'quay-1', userId: 'canbo2' },
    'counter.markDeviceLost': { type: 'counter.markDeviceLost', counterId: 'quay-1', lastSeenAt: 0 },
    'counter.markDeviceBack': { type: 'counter.markDeviceBack', counterId: 'quay-1' },
    'rating.submit': { type: 'rating.submit', ...onCounter, scale: 'three', answer: 'satisfied' },
    'rating.amend': { type: 'rating.amend', ...onCounter, scale: 'three', answer: 'satisfied', reasons: ['attitude'] },
    'alert.raise': { type: 'alert.raise', alertKind: 'printerPaperNearEnd', message: 'Kiểm tra quyền' },
    'alert.clear': { type: 'alert.clear', alertId: 'no-such-alert' },
    'day.close': { type: 'day.close' },
    'config.setOffice': { type: 'config.setOffice', office: cfg.office },
    'config.upsertField': { type: 'config.upsertField', field: cfg.fields['ho-tich']! },
    'config.removeField': { type: 'config.removeField', fieldId: 'no-such-field' },
    'config.upsertService': { type: 'config.upsertService', service: cfg.services['khai-sinh']! },
    'config.removeService': { type: 'config.removeService', serviceId: 'no-such-service' },
    'config.upsertCounter': { type: 'config.upsertCounter', counter: cfg.counters['quay-5']! },
    'config.removeCounter': { type: 'config.removeCounter', counterId: 'no-such-counter' },
    'config.upsertUser': { type: 'config.upsertUser', user: cfg.users['canbo5']! },
    'config.upsertDevice': { type: 'config.upsertDevice', device: displayDevice },
    'config.upsertPrinterProfile': {
      type: 'config.upsertPrinterProfile',
      profile: {
        id: 'matrix-printer',
        name: 'Máy in thử quyền',
        transportUrl: 'tcp://127.0.0.1:9',
        paperWidth: 80,
        mode: 'raster',
        codePage: '',
        cut: 'full',
        density: 4,
        beep: false,
      },
    },
    'config.removePrinterProfile': { type: 'config.removePrinterProfile', profileId: 'no-such-profile' },
    'config.setPriorityPolicy': { type: 'config.setPriorityPolicy', priority: cfg.priority },
    'config.setDisplay': { type: 'config.setDisplay', display: cfg.display },
    'config.setKiosk': { type: 'config.setKiosk', kiosk: cfg.kiosk },
    'config.setProcedureInfo': {
      type: 'config.setProcedureInfo',
      serviceId: 'khai-sinh',
      info: cfg.procedures!['khai-sinh']!,
    },
    'config.setRatingMethod': { type: 'config.setRatingMethod', ratingMethod: ratingMethodOf(cfg) },
    'config.setAppointments': { type: 'config.setAppointments', appointments: defaultAppointmentPolicy },
    'appointment.book': {
      type: 'appointment.book',
      appointmentId: 'matrix-appointment',
      serviceId: 'khai-sinh',
      day: state.serviceDay,
      slot: '09:00',
    },
    'appointment.cancel': { type: 'appointment.cancel', appointmentId: 'no-such-appointment' },
    'appointment.checkIn': { type: 'appointment.checkIn', appointmentId: 'no-such-appointment' },
    'appointment.release': { type: 'appointment.release' },
  };
  return payloads[type];
}

async function rawSocket(url: string): Promise<Socket> {
  const socket = connectSocket(url, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('security: every command × every role, through a real hub', () => {
  let hub: HubProcess;
  const clients: HubClient[] = [];
  let stranger: Socket;
  let senders: Record<RoleName, (command: CommandInput) => Promise<CommandReply>>;
  let admin: HubClient;
  let kiosk: HubClient;
  let clerk: HubClient;

  beforeAll(async () => {
    hub = await startHubProcess({ args: ['--kiosk-issues-per-minute', '100000', '--kiosk-issue-burst', '100000'] });
    stranger = await rawSocket(hub.url);
    const display = await connectDevice(hub.url, 'display');
    kiosk = await connectDevice(hub.url, 'kiosk');
    const rating = await connectDevice(hub.url, 'rating', { counterId: 'quay-1' });
    clerk = await connectClerk(hub.url, 1);
    const clerk2 = await connectClerk(hub.url, 2);
    const supervisor = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    await waitFor(() => supervisor.getSnapshot().connection === 'online', 20_000, 'supervisor socket');
    expect((await supervisor.signIn('giamsat', DEMO_SUPERVISOR_PASSWORD)).ok).toBe(true);
    await supervisor.whenOnline();
    admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(display, kiosk, rating, clerk, clerk2, supervisor, admin);
    let n = 0;
    senders = {
      none: (command) =>
        stranger
          .timeout(10_000)
          .emitWithAck('command', { requestId: `stranger-${++n}-x`, command }) as Promise<CommandReply>,
      display: (c) => display.send(c),
      kiosk: (c) => kiosk.send(c),
      rating: (c) => rating.send(c),
      clerk: (c) => clerk.send(c),
      clerk2: (c) => clerk2.send(c),
      supervisor: (c) => supervisor.send(c),
      admin: (c) => admin.send(c),
    };
  });

  afterAll(async () => {
    stranger?.disconnect();
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  /** A fresh ticket called at quay-1 and one waiting, so ticket commands have something to act on. */
  async function ticketFixture(): Promise<{ called: string; waiting: string }> {
    const current = clerk.state!.counters['quay-1']?.currentTicketId;
    if (current) {
      const finished = await clerk.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId: current });
      if (!finished.ok) await clerk.send({ type: 'ticket.noShow', counterId: 'quay-1', ticketId: current });
    }
    await clerk.send({ type: 'counter.open', counterId: 'quay-1' });
    const first = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    const second = await kiosk.send({ type: 'ticket.issue', serviceId: 'khai-sinh' });
    if (!first.ok || !second.ok) throw new Error('fixture: could not issue');
    const called = await clerk.send({
      type: 'ticket.callChosen',
      counterId: 'quay-1',
      ticketId: first.result.ticket!.id,
    });
    if (!called.ok) throw new Error(`fixture: could not call (${called.code})`);
    return { called: first.result.ticket!.id, waiting: second.result.ticket!.id };
  }

  it("covers every command type, and core's table says what the matrix says", () => {
    expect(rows.map((r) => r.command).sort()).toEqual([...commandTypes].sort());
    // The matrix's roles that pass are the ones core's table names (clerk2 fails on its counter only).
    for (const { command, expected } of rows) {
      const allowed = ROLES.filter((role, i) => role !== 'clerk2' && expected[i] === 'ok');
      const table = commandRoles[command].filter((role) => (ROLES as readonly string[]).includes(role));
      expect([...table].sort(), command).toEqual([...allowed].sort());
    }
  });

  it('allows or refuses each command for each role as designed', async () => {
    // A rating pad rates only for its own counter.
    const otherPad = await connectDevice(hub.url, 'rating', { counterId: 'quay-2' });
    clients.push(otherPad);
    const fixtureForRating = await ticketFixture();
    const refused = await otherPad.send({
      type: 'rating.submit',
      counterId: 'quay-1',
      ticketId: fixtureForRating.called,
      score: 'neutral',
    });
    expect(refused).toMatchObject({ ok: false, code: 'NOT_YOUR_COUNTER' });
    const mismatches: string[] = [];
    let fixture = { called: 'none', waiting: 'none' };
    for (const { command, expected } of rows) {
      if (NEEDS_CALLED_TICKET.has(command)) fixture = await ticketFixture();
      for (const [i, role] of ROLES.entries()) {
        const reply = await senders[role](payloadFor(command, admin.state!, fixture));
        const outcome = outcomeOf(reply);
        if (outcome !== expected[i]) {
          mismatches.push(`${command} as ${role}: expected ${expected[i]}, got ${reply.ok ? 'ok' : reply.code}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);

  it('survives random and malformed payloads for every command from an admin, changing nothing on any error', async () => {
    const nasty = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(null, -1, 1e308, '', 'x'.repeat(50_000), '__proto__', "'; DROP TABLE events; --", '\u0000'),
    );
    const fixture = { called: 'unknown-ticket', waiting: 'unknown-ticket' };
    const mutated = fc
      .tuple(
        fc.constantFrom(...commandTypes.filter((t) => t !== 'day.close')),
        fc.constantFrom('drop', 'replace', 'add', 'nest'),
        nasty,
        fc.nat(),
      )
      .map(([type, how, value, pick]) => {
        const base = { ...(payloadFor(type, admin.state!, fixture) as Record<string, unknown>) };
        const keys = Object.keys(base).filter((k) => k !== 'type');
        const key = keys[pick % Math.max(keys.length, 1)] ?? 'extra';
        if (how === 'drop') delete base[key];
        else if (how === 'replace') base[key] = value;
        else if (how === 'add') base[`extra${pick % 3}`] = value;
        else if (typeof base[key] === 'object' && base[key] !== null)
          base[key] = { ...(base[key] as object), zz: value };
        else base[key] = [value];
        return base;
      });
    const payloads = fc.sample(fc.oneof(mutated, nasty), { numRuns: 250, seed: 20260101 });
    const before = await hubHealth(hub.url);
    let lastSeq = before.seq;
    for (const payload of payloads) {
      const reply = await admin.send(payload as CommandInput);
      if (reply.ok) {
        expect(reply.result.seq).toBeGreaterThan(lastSeq);
        lastSeq = reply.result.seq;
      } else {
        expect(errorCodes).toContain(reply.code);
        expect(reply.code).not.toBe('INTERNAL');
        expect(reply.code, JSON.stringify(payload).slice(0, 300)).not.toBe('TIMEOUT');
      }
    }
    // Other socket events, fed junk by a stranger: answered, never fatal.
    const events = [
      'hello',
      'sync',
      'pair.request',
      'session.signIn',
      'session.signOut',
      'device.approve',
      'device.list',
      'user.setPin',
    ];
    for (const [i, junk] of fc.sample(nasty, { numRuns: 80, seed: 7 }).entries()) {
      const event = events[i % events.length]!;
      const reply = (await stranger.timeout(10_000).emitWithAck(event, junk)) as { ok: boolean; code?: string };
      expect(reply, `${event} ${JSON.stringify(junk)?.slice(0, 60)}`).toHaveProperty('ok');
      if (!reply.ok) expect(reply.code).not.toBe('INTERNAL');
    }
    const hello = (await stranger.timeout(10_000).emitWithAck('hello', { protocol: PROTOCOL_VERSION, lastSeq: 0 })) as {
      ok: boolean;
    };
    expect(hello.ok).toBe(true);
    const after = await hubHealth(hub.url);
    expect(after.ok).toBe(true);
    // Every state change came from an accepted command (pairings from junk pair.requests are accepted too).
    await waitFor(() => admin.state?.seq === after.seq, 10_000, 'admin caught up');
    expect(stateHash(admin.state)).toBe(after.stateHash);
    expect(after.seq).toBeGreaterThanOrEqual(lastSeq);
  }, 180_000);
});

/**
 * Every socket event × every role, written out by hand (not derived from core's `socketEventRoles`): ok = the
 * hub's guard lets it through to the handler, U = UNAUTHENTICATED, F = FORBIDDEN. `command` passes the guard
 * for everyone: each command's own line (the matrix above) decides.
 */
const SOCKET_MATRIX = `
event                   none display kiosk rating clerk supervisor admin
hello                   ok   ok      ok    ok     ok    ok         ok
sync                    U    ok      ok    ok     ok    ok         ok
command                 ok   ok      ok    ok     ok    ok         ok
pair.request            ok   ok      ok    ok     ok    ok         ok
session.signIn          ok   ok      ok    ok     ok    ok         ok
session.signOut         ok   ok      ok    ok     ok    ok         ok
session.changePassword  ok   ok      ok    ok     ok    ok         ok
device.approve          U    F       F     F      F     F          ok
device.list             U    F       F     F      F     ok         ok
user.setPin             U    F       F     F      F     F          ok
print.ticket            U    F       ok    F      F     F          F
print.preview           U    F       ok    F      F     F          F
appointment.checkIn     U    F       ok    F      F     ok         ok
ticketStatus.watch      ok   ok      ok    ok     ok    ok         ok
dossier.lookup          U    F       ok    F      ok    ok         ok
webhooks.get            U    F       F     F      F     F          ok
webhooks.set            U    F       F     F      F     F          ok
webhooks.deliveries     U    F       F     F      F     F          ok
idCard.holder           U    F       ok    F      F     F          F
`;

const SOCKET_ROLES = ['none', 'display', 'kiosk', 'rating', 'clerk', 'supervisor', 'admin'] as const;
const socketRows = SOCKET_MATRIX.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [event, ...cells] = line.trim().split(/\s+/);
    return { event: event as SocketEventKey, expected: cells.map((c) => CODES[c]!) };
  });

describe('security: every socket event × every role, through a real hub', () => {
  let hub: HubProcess;
  const clients: HubClient[] = [];
  let stranger: Socket;
  let sockets: Record<(typeof SOCKET_ROLES)[number], Socket>;

  beforeAll(async () => {
    hub = await startHubProcess();
    stranger = await rawSocket(hub.url);
    const display = await connectDevice(hub.url, 'display');
    const kiosk = await connectDevice(hub.url, 'kiosk');
    const rating = await connectDevice(hub.url, 'rating', { counterId: 'quay-1' });
    const clerk = await connectClerk(hub.url, 1);
    const supervisor = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    await waitFor(() => supervisor.getSnapshot().connection === 'online', 20_000, 'supervisor socket');
    expect((await supervisor.signIn('giamsat', DEMO_SUPERVISOR_PASSWORD)).ok).toBe(true);
    await supervisor.whenOnline();
    const admin = await connectAdmin(hub.url, adminPasswordFrom(hub.output()));
    clients.push(display, kiosk, rating, clerk, supervisor, admin);
    // Malformed payloads on purpose: the typed socket would not send them.
    const untyped = (client: HubClient): Socket => client.socket as Socket;
    sockets = {
      none: stranger,
      display: untyped(display),
      kiosk: untyped(kiosk),
      rating: untyped(rating),
      clerk: untyped(clerk),
      supervisor: untyped(supervisor),
      admin: untyped(admin),
    };
    for (const [role, client] of Object.entries({ display, kiosk, rating, clerk, supervisor, admin })) {
      expect(actorRole(client.getSnapshot().identity!.actor), role).toBe(role);
    }
  });

  afterAll(async () => {
    stranger?.disconnect();
    for (const client of clients) client.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it("lists every event of core's table, and core's table says what the matrix says", () => {
    expect(socketRows.map((r) => r.event).sort()).toEqual(Object.keys(socketEventRoles).sort());
    for (const { event, expected } of socketRows) {
      SOCKET_ROLES.forEach((role, i) => {
        expect(authorizeSocketEvent(event, role)?.code ?? 'ok', `${event} as ${role}`).toBe(expected[i]);
      });
    }
  });

  it("lets each role's socket through the guard or refuses it, for every event of core's table", async () => {
    // A payload no handler accepts: a role let through gets the handler's own refusal (BAD_REQUEST …), and
    // nothing changes on the hub, whichever event it is.
    const junk = { matrix: 'không hợp lệ' };
    const mismatches: string[] = [];
    for (const event of Object.keys(socketEventRoles) as SocketEventKey[]) {
      const expected = socketRows.find((r) => r.event === event)!.expected;
      for (const [i, role] of SOCKET_ROLES.entries()) {
        const reply = (await sockets[role].timeout(10_000).emitWithAck(event, junk)) as { ok: boolean; code?: string };
        const outcome = reply.ok
          ? 'ok'
          : reply.code === 'UNAUTHENTICATED' || reply.code === 'FORBIDDEN'
            ? reply.code
            : 'ok';
        if (reply.ok === true) mismatches.push(`${event} as ${role}: accepted a malformed payload`);
        if (outcome !== expected[i]) mismatches.push(`${event} as ${role}: expected ${expected[i]}, got ${reply.code}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Every role's socket is still who it was: nothing above signed anyone out or re-paired a device.
    for (const client of clients) expect(client.getSnapshot().identity?.actor.kind).not.toBe('anonymous');
  }, 120_000);
});
