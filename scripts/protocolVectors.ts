import {
  alwaysOpen,
  apply,
  emptyState,
  expiresAtDayClose,
  eventTypes,
  executeCommand,
  stateCodec,
  type Actor,
  type CommandInput,
  type DomainEvent,
  type EventEnvelope,
  type QueueState,
  type Service,
  type StateSnapshot,
  ticketsWhere,
} from '@motcua/core';
import { admin, clerkAt, kiosk, MINUTE, MONDAY_9AM, ratingPadAt, system } from '@motcua/core/testkit';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/**
 * Writes docs/protocol-vectors/: for each case, a state, one event envelope and the state core's `apply` makes of
 * them, so a third party can check its own fold (docs/protocol.md, "Folding events"). The states come from running
 * real commands through core on a small office, so every vector is something a hub can send.
 * Run: `npm run protocol-vectors`. packages/core/src/protocolVectors.test.ts checks the files against `apply`.
 */
export interface ProtocolVector {
  description: string;
  state: StateSnapshot;
  envelope: EventEnvelope;
  expected: StateSnapshot;
}

/** Many events folded in order from one state (files named `sequence--<case>.json`). */
export interface ProtocolSequence {
  description: string;
  state: StateSnapshot;
  envelopes: EventEnvelope[];
  expected: StateSnapshot;
}

const VECTORS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/protocol-vectors');

const service = (id: string, code: string, prefix: string, order: number, extra: Partial<Service> = {}): Service => ({
  id,
  code,
  prefix,
  labelFormat: 'prefixed',
  rangeFrom: 1,
  rangeTo: 999,
  name: { vi: `Thủ tục ${code}`, en: `Procedure ${code}` },
  fieldId: 'ho-tich',
  dailyCap: 0,
  openingHours: null,
  defaultServiceMinutes: 10,
  numberingGroup: '',
  enabled: true,
  order,
  ...extra,
});

/** Two counters, three services (one numbered without a prefix), two clerks: small enough to read. */
const smallOffice: CommandInput[] = [
  {
    type: 'config.setOffice',
    office: {
      name: 'Bộ phận Một cửa UBND xã Mẫu',
      timeZone: 'Asia/Ho_Chi_Minh',
      dayCloseHour: 20,
      openingHours: alwaysOpen,
      holidays: [],
      requireStart: false,
      ratingWindowSeconds: 120,
    },
  },
  { type: 'config.upsertField', field: { id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' }, order: 0 } },
  { type: 'config.upsertService', service: service('khai-sinh', 'KS', 'A', 0) },
  { type: 'config.upsertService', service: service('ket-hon', 'KH', 'B', 1) },
  { type: 'config.upsertService', service: service('tra-ket-qua', 'TKQ', '', 2, { labelFormat: 'numeric' }) },
  {
    type: 'config.upsertCounter',
    counter: { id: 'quay-1', number: 1, name: { vi: 'Quầy 1' }, serviceIds: ['khai-sinh', 'ket-hon'] },
  },
  {
    type: 'config.upsertCounter',
    counter: { id: 'quay-2', number: 2, name: { vi: 'Quầy 2' }, serviceIds: ['ket-hon', 'tra-ket-qua'] },
  },
  ...[1, 2].map((n): CommandInput => ({
    type: 'config.upsertUser',
    user: { id: `canbo${n}`, username: `canbo${n}`, displayName: `Cán bộ ${n}`, role: 'clerk', disabled: false },
  })),
  { type: 'counter.assignClerk', counterId: 'quay-1', userId: 'canbo1' },
  { type: 'counter.assignClerk', counterId: 'quay-2', userId: 'canbo2' },
];

/** Runs commands like the hub does and records, for the command of interest, each event with the state around it. */
class VectorDesk {
  state: QueueState = emptyState();
  now = MONDAY_9AM;

  constructor() {
    this.run({ type: 'day.close' }, system);
    for (const command of smallOffice) this.run(command, system);
  }

  /** Runs a command and returns its events as (state before, envelope, state after) steps. */
  run(command: CommandInput, actor: Actor = admin): { before: QueueState; envelope: EventEnvelope }[] {
    const execution = executeCommand(this.state, command, actor, this.now);
    if (!execution.ok) throw new Error(`${command.type} refused: ${execution.error.code}`);
    const steps: { before: QueueState; envelope: EventEnvelope }[] = [];
    let state = this.state;
    for (const envelope of execution.envelopes) {
      steps.push({ before: state, envelope });
      state = apply(state, envelope);
    }
    this.state = execution.state;
    return steps;
  }

  advance(minutes: number): this {
    this.now += minutes * MINUTE;
    return this;
  }

  issue(serviceId: string, priorityGroup: string | null = null): string {
    const [step] = this.run({ type: 'ticket.issue', serviceId, priorityGroup }, kiosk);
    if (step?.envelope.event.type !== 'ticket.issued') throw new Error('no ticket issued');
    return step.envelope.event.ticket.id;
  }

  callNextSteps(counter: number) {
    return this.run({ type: 'ticket.callNext', counterId: `quay-${counter}` }, clerkAt(counter));
  }

  callNext(counter: number): string {
    const [step] = this.callNextSteps(counter);
    if (step?.envelope.event.type !== 'ticket.called') throw new Error('nobody called');
    return step.envelope.event.ticketId;
  }

  clerk(counter: number, type: CounterTicketCommand, ticketId: string) {
    return this.run({ type, counterId: `quay-${counter}`, ticketId }, clerkAt(counter));
  }
}

type CounterTicketCommand =
  | 'ticket.recall'
  | 'ticket.start'
  | 'ticket.finish'
  | 'ticket.noShow'
  | 'ticket.park'
  | 'ticket.resume'
  | 'ticket.callChosen';

const vectors = new Map<string, ProtocolVector>();

/** Records the step whose event has this type (the first one, or the `nth`) under `<type>--<name>.json`. */
function record(
  name: string,
  description: string,
  steps: { before: QueueState; envelope: EventEnvelope }[],
  type: DomainEvent['type'] | 'all',
): void {
  const chosen = type === 'all' ? steps : steps.filter((s) => s.envelope.event.type === type).slice(0, 1);
  if (chosen.length === 0) throw new Error(`${name}: no ${type} event`);
  for (const step of chosen) {
    const base = `${step.envelope.event.type}--${name}`;
    // One command may make two events of a type (a clerk moved between counters): number the second.
    let file = `${base}.json`;
    for (let n = 2; vectors.has(file); n++) file = `${base}-${n}.json`;
    vectors.set(file, vectorOf(description, step.before, step.envelope));
  }
}

function vectorOf(description: string, before: QueueState, envelope: EventEnvelope): ProtocolVector {
  return {
    description,
    state: stateCodec.toSnapshot(before),
    envelope,
    expected: stateCodec.toSnapshot(apply(before, envelope)),
  };
}

/** An envelope that no command makes today (older hubs, newer hubs): folded onto the desk's current state. */
function recordRaw(name: string, description: string, desk: VectorDesk, event: unknown): void {
  const envelope = { seq: desk.state.seq + 1, at: desk.now, actor: 'system', event } as EventEnvelope;
  const type = (event as { type: string }).type;
  vectors.set(`${type}--${name}.json`, vectorOf(description, desk.state, envelope));
}

function ticketScenarios(): void {
  let desk = new VectorDesk();
  record(
    'first-of-day',
    'The first ticket of the day: numbering starts at the range start.',
    desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk),
    'ticket.issued',
  );
  desk.advance(1);
  record(
    'numeric-label',
    'A service with numeric labels: the label is the bare number padded to the range end.',
    desk.run({ type: 'ticket.issue', serviceId: 'tra-ket-qua' }, kiosk),
    'ticket.issued',
  );
  desk.advance(1);
  record(
    'priority',
    'A priority citizen (elderly): the ticket carries its priority group.',
    desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh', priorityGroup: 'elderly' }, kiosk),
    'ticket.issued',
  );
  desk.advance(1);
  record(
    'with-dossier',
    'A result-collection ticket issued with a dossier code: ticket.issued then ticket.dossierAttached (counterId null).',
    desk.run({ type: 'ticket.issue', serviceId: 'tra-ket-qua', dossierCode: 'H40.22-261130-0001' }, kiosk),
    'all',
  );

  desk = new VectorDesk();
  const reprinted = desk.issue('khai-sinh');
  desk.advance(1);
  record(
    'first-copy',
    'The kiosk prints its ticket again: the ticket counts its reprints (copy 1 prints "BẢN IN LẠI (lần 1)").',
    desk.run({ type: 'ticket.reprint', ticketId: reprinted }, kiosk),
    'ticket.reprinted',
  );

  desk = new VectorDesk();
  desk.issue('khai-sinh');
  desk.advance(1);
  desk.issue('ket-hon');
  desk.advance(1);
  record(
    'next-oldest',
    'callNext takes the oldest waiting ticket across the counter services; the counter holds it and recentCalls gets it first.',
    desk.callNextSteps(1),
    'ticket.called',
  );

  // Priority ordering: a priority ticket issued later is called before an older normal one (priority: true).
  desk = new VectorDesk();
  desk.issue('khai-sinh');
  desk.advance(1);
  desk.issue('khai-sinh', 'pregnant');
  desk.advance(1);
  record(
    'priority-first',
    'A priority ticket issued later is called before an older normal one: priority is true and the counter priorityStreak grows.',
    desk.callNextSteps(1),
    'ticket.called',
  );
  // After priorityBurst (set to 1 here) priority calls in a row, one normal ticket goes and the streak resets.
  desk.run({ type: 'config.setPriorityPolicy', priority: { ...desk.state.config.priority, priorityBurst: 1 } });
  const first = desk.state.counters['quay-1']?.currentTicketId;
  if (first) desk.clerk(1, 'ticket.finish', first);
  desk.issue('khai-sinh', 'elderly');
  desk.advance(1);
  record(
    'burst-then-normal',
    'After priorityBurst priority calls in a row a normal ticket is called although a priority one waits: priority is false and priorityStreak returns to 0.',
    desk.callNextSteps(1),
    'ticket.called',
  );

  desk = new VectorDesk();
  desk.issue('ket-hon');
  const chosen = desk.issue('ket-hon');
  desk.advance(2);
  record(
    'chosen',
    'The clerk picks a ticket from the list (how: chosen).',
    desk.clerk(2, 'ticket.callChosen', chosen),
    'ticket.called',
  );

  desk = new VectorDesk();
  const a = desk.issue('khai-sinh');
  desk.issue('ket-hon');
  desk.callNext(1);
  desk.advance(1);
  desk.callNext(2);
  desk.advance(1);
  record(
    'moves-to-top',
    'A recall adds one to recallCount and moves that ticket to the top of recentCalls with recall: true (its earlier entry goes).',
    desk.clerk(1, 'ticket.recall', a),
    'ticket.recalled',
  );
  desk.advance(1);
  record(
    'serving',
    'The citizen came: the ticket is served from now.',
    desk.clerk(1, 'ticket.start', a),
    'ticket.started',
  );
  desk.advance(7);
  record(
    'service-time',
    'Finishing frees the counter and appends the service time in seconds (from startedAt) to serviceTimes of the service.',
    desk.clerk(1, 'ticket.finish', a),
    'ticket.finished',
  );
  desk.advance(1);
  record(
    'first-tap',
    'The rating pad sends the first tap with the scale it showed: the ticket is marked rated (the rating itself, raw answer and scale, lives in the hub reports, not in the state). A dissatisfied tap is stored before its reason.',
    desk.run(
      { type: 'rating.submit', counterId: 'quay-1', ticketId: a, scale: 'three', answer: 'dissatisfied' },
      ratingPadAt(1),
    ),
    'rating.submitted',
  );
  record(
    'reason-step',
    'The reason step replaces the answer and gives the reason the scale requires (ids from the office list and free text): the shared state does not change (only seq).',
    desk.run(
      {
        type: 'rating.amend',
        counterId: 'quay-1',
        ticketId: a,
        scale: 'three',
        answer: 'dissatisfied',
        reasons: ['waitedTooLong'],
        reasonText: 'Phải đến hai lần mới nộp được hồ sơ',
      },
      ratingPadAt(1),
    ),
    'rating.amended',
  );

  desk = new VectorDesk();
  const absent = desk.issue('khai-sinh');
  desk.callNext(1);
  desk.advance(3);
  record(
    'counter-freed',
    'The citizen did not come: no-show, the counter is free.',
    desk.clerk(1, 'ticket.noShow', absent),
    'ticket.noShow',
  );
  desk.advance(1);
  record(
    'to-front',
    'A no-show comes back and the clerk puts the ticket at the front of its line: front is true.',
    desk.run({ type: 'ticket.returnToQueue', ticketId: absent, placement: 'front' }, clerkAt(1)),
    'ticket.returned',
  );
  recordRaw(
    'legacy-no-placement',
    'ticket.returned from an older hub has no placement: the ticket keeps its place (front false).',
    desk,
    {
      type: 'ticket.returned',
      ticketId: absent,
      at: desk.now,
      queuedAt: MONDAY_9AM,
    },
  );

  desk = new VectorDesk();
  const moved = desk.issue('khai-sinh');
  desk.issue('ket-hon');
  desk.callNext(1);
  desk.advance(2);
  record(
    'front-to-counter',
    'Transfer to another counter at the front: the first counter is freed, the ticket waits for quay-2 only (targetCounterId) at the front.',
    desk.run(
      { type: 'ticket.transfer', ticketId: moved, toServiceId: 'ket-hon', toCounterId: 'quay-2', placement: 'front' },
      clerkAt(1),
    ),
    'ticket.transferred',
  );
  desk.advance(1);
  const transferred = desk.callNext(2);
  desk.advance(1);
  record(
    'keep-place-service',
    'Transfer to another service keeping its place: serviceId changes, queuedAt stays, any counter of that service may call it.',
    desk.run(
      { type: 'ticket.transfer', ticketId: transferred, toServiceId: 'tra-ket-qua', placement: 'keepPlace' },
      clerkAt(2),
    ),
    'ticket.transferred',
  );

  desk = new VectorDesk();
  const parked = desk.issue('khai-sinh');
  desk.callNext(1);
  desk.clerk(1, 'ticket.start', parked);
  desk.advance(1);
  record(
    'by-clerk',
    'The clerk records the dossier code of the file received: appended to dossierCodes.',
    desk.run(
      { type: 'ticket.attachDossier', counterId: 'quay-1', ticketId: parked, dossierCode: 'H40.22-261130-0002' },
      clerkAt(1),
    ),
    'ticket.dossierAttached',
  );
  desk.advance(1);
  record(
    'counter-freed',
    'The citizen steps aside (fetching a paper): parked, the counter is free to call others.',
    desk.clerk(1, 'ticket.park', parked),
    'ticket.parked',
  );
  desk.advance(4);
  record(
    'back-at-counter',
    'The parked citizen is back: serving again at this counter, startedAt kept.',
    desk.clerk(1, 'ticket.resume', parked),
    'ticket.resumed',
  );
  desk.advance(1);
  record(
    'while-serving',
    'A supervisor cancels a ticket being served: cancelled, finishedAt set, the counter is free.',
    desk.run({ type: 'ticket.cancel', ticketId: parked, reason: 'Công dân bỏ về' }, admin),
    'ticket.cancelled',
  );
}

function counterScenarios(): void {
  const desk = new VectorDesk();
  record(
    'pause',
    'A counter pauses with a reason.',
    desk.run({ type: 'counter.pause', counterId: 'quay-1', reason: 'Họp giao ban' }, clerkAt(1)),
    'counter.paused',
  );
  desk.advance(10);
  record(
    'after-pause',
    'The counter opens again: the pause reason is cleared.',
    desk.run({ type: 'counter.open', counterId: 'quay-1' }, clerkAt(1)),
    'counter.opened',
  );
  desk.run({ type: 'counter.pause', counterId: 'quay-2', reason: 'Nghỉ trưa' }, clerkAt(2));
  desk.advance(1);
  record(
    'from-paused',
    'A paused counter closes: the pause reason is cleared.',
    desk.run({ type: 'counter.close', counterId: 'quay-2' }, clerkAt(2)),
    'counter.closed',
  );
  desk.advance(1);
  record(
    'moves-clerk',
    'A clerk signs in at another counter: unassigned from the first (userId null), assigned to the new one, which opens.',
    desk.run({ type: 'counter.assignClerk', counterId: 'quay-2', userId: 'canbo1' }, system),
    'all',
  );

  const presence = new VectorDesk();
  const lastSeenAt = presence.now;
  presence.advance(2);
  record(
    'gone-two-minutes',
    "The hub has not seen quay-1's device for the office's time: deviceLostSince is when it was last seen; status and clerk stay.",
    presence.run({ type: 'counter.markDeviceLost', counterId: 'quay-1', lastSeenAt }, system),
    'counter.deviceLost',
  );
  presence.advance(5);
  record(
    'reconnected',
    "quay-1's device is connected again: deviceLostSince is removed.",
    presence.run({ type: 'counter.markDeviceBack', counterId: 'quay-1' }, system),
    'counter.deviceBack',
  );
}

function alertAndDayScenarios(): void {
  let desk = new VectorDesk();
  record(
    'paper-out',
    'A kiosk reports its printer out of paper: an open staff alert keyed by alertId.',
    desk.run({ type: 'alert.raise', alertKind: 'printerPaperOut', message: 'Máy in hết giấy' }, kiosk),
    'alert.raised',
  );
  const alertId = Object.keys(desk.state.alerts)[0] ?? '';
  desk.advance(5);
  record(
    'handled',
    'Staff cleared the alert: it is removed.',
    desk.run({ type: 'alert.clear', alertId }, admin),
    'alert.cleared',
  );

  // Day close: every ticket not finished expires, whatever its status; finished and cancelled ones stay.
  desk = new VectorDesk();
  const served = desk.issue('khai-sinh');
  desk.callNext(1);
  desk.clerk(1, 'ticket.finish', served);
  const noShow = desk.issue('khai-sinh');
  desk.callNext(1);
  desk.clerk(1, 'ticket.noShow', noShow);
  const parked = desk.issue('ket-hon');
  desk.callNext(2);
  desk.clerk(2, 'ticket.park', parked);
  desk.issue('ket-hon');
  desk.callNext(2);
  desk.issue('khai-sinh', 'elderly');
  desk.issue('tra-ket-qua');
  const before = desk.state;
  const early = desk.run({ type: 'day.close' }, admin);
  record(
    'expires-open-tickets',
    'Closing the day early (admin): waiting, called, serving, parked and no-show tickets expire, finished stay; counters drop their current ticket and streak; dayClosed is true. The event lists no tickets: the fold derives them.',
    early,
    'day.closed',
  );
  const closed = early[0]?.envelope;
  if (closed?.event.type !== 'day.closed') throw new Error('no day.closed');
  const expiredTicketIds = ticketsWhere(before, expiresAtDayClose).map((t) => t.id);
  vectors.set(
    'day.closed--legacy-expired-ids.json',
    vectorOf(
      'day.closed from an older hub lists expiredTicketIds: the list is ignored, the fold derives the same tickets.',
      before,
      { ...closed, event: { ...closed.event, expiredTicketIds } },
    ),
  );
  desk.now += 16 * 60 * MINUTE;
  record(
    'next-day',
    'The hub rolls over to the next service day: tickets, numbering, daily counts and recent calls restart; counters keep their status and clerk; dayClosed is false.',
    desk.run({ type: 'day.close' }, system),
    'day.opened',
  );
  desk.advance(1);
  record(
    'numbering-restarts',
    'The first ticket of the new day is number 1 again.',
    desk.run({ type: 'ticket.issue', serviceId: 'khai-sinh' }, kiosk),
    'ticket.issued',
  );
  recordRaw(
    'from-newer-hub',
    'An event type this client does not know (from a newer hub): the state stays, only seq advances.',
    desk,
    {
      type: 'queue.somethingNew',
      at: desk.now,
    },
  );
}

function configScenarios(): void {
  const desk = new VectorDesk();
  const office = { ...desk.state.config.office, dayCloseHour: 18 };
  record(
    'close-hour',
    'The office changes its closing hour: config.office is replaced whole.',
    desk.run({ type: 'config.setOffice', office }),
    'config.officeSet',
  );
  record(
    'new-field',
    'A new field: added to config.fields under its id.',
    desk.run({
      type: 'config.upsertField',
      field: { id: 'chung-thuc', name: { vi: 'Chứng thực', en: 'Certification' }, order: 1 },
    }),
    'config.fieldUpserted',
  );
  record(
    'unused-field',
    'A field no service uses is removed.',
    desk.run({ type: 'config.removeField', fieldId: 'chung-thuc' }),
    'config.fieldRemoved',
  );
  record(
    'disable-service',
    'A service is replaced whole (here disabled).',
    desk.run({ type: 'config.upsertService', service: service('ket-hon', 'KH', 'B', 1, { enabled: false }) }),
    'config.serviceUpserted',
  );
  record(
    'procedure-info',
    'What the kiosk shows and prints for a procedure: config.procedures gets it under the service id.',
    desk.run({
      type: 'config.setProcedureInfo',
      serviceId: 'khai-sinh',
      info: {
        catalogueCode: '1.001193',
        documents: ['Tờ khai đăng ký khai sinh'],
        fee: 'Miễn phí',
        processingTime: 'Trong ngày',
        printOnTicket: true,
      },
    }),
    'config.procedureInfoSet',
  );
  desk.run({
    type: 'config.upsertCounter',
    counter: { id: 'quay-1', number: 1, name: { vi: 'Quầy 1' }, serviceIds: ['khai-sinh'] },
  });
  desk.run({
    type: 'config.upsertCounter',
    counter: { id: 'quay-2', number: 2, name: { vi: 'Quầy 2' }, serviceIds: ['tra-ket-qua'] },
  });
  record(
    'with-procedure-info',
    'Removing a service also removes its procedure info.',
    desk.run({ type: 'config.removeService', serviceId: 'ket-hon' }),
    'config.serviceRemoved',
  );
  desk.run({
    type: 'config.setProcedureInfo',
    serviceId: 'tra-ket-qua',
    info: { catalogueCode: '', documents: [], fee: '', processingTime: '', printOnTicket: false },
  });
  record(
    'new-counter',
    'A new counter in the configuration (its live state appears when it first opens).',
    desk.run({
      type: 'config.upsertCounter',
      counter: { id: 'quay-3', number: 3, name: { vi: 'Quầy 3' }, serviceIds: ['khai-sinh'] },
    }),
    'config.counterUpserted',
  );
  desk.run({ type: 'counter.open', counterId: 'quay-3' });
  desk.run({ type: 'counter.close', counterId: 'quay-3' });
  record(
    'and-its-state',
    'Removing a counter removes it from config.counters and its live state from counters.',
    desk.run({ type: 'config.removeCounter', counterId: 'quay-3' }),
    'config.counterRemoved',
  );
  record(
    'disable',
    'A user is replaced whole (here disabled). PIN hashes never appear in events.',
    desk.run({
      type: 'config.upsertUser',
      user: { id: 'canbo2', username: 'canbo2', displayName: 'Cán bộ 2', role: 'clerk', disabled: true },
    }),
    'config.userUpserted',
  );
  const profile = {
    id: 'may-in-sanh',
    name: 'Máy in sảnh',
    transportUrl: 'tcp://192.168.1.50:9100',
    paperWidth: 80 as const,
    mode: 'raster' as const,
    codePage: '',
    cut: 'partial' as const,
    density: 4,
    beep: false,
  };
  const lobbyKiosk = (printerProfileId: string | null): CommandInput => ({
    type: 'config.upsertDevice',
    device: { id: 'kiosk-1', kind: 'kiosk', name: 'Kiosk sảnh', counterId: null, printerProfileId, revoked: false },
  });
  record(
    'tcp',
    'A printer profile is added under its id.',
    desk.run({ type: 'config.upsertPrinterProfile', profile }),
    'config.printerProfileUpserted',
  );
  record(
    'kiosk-with-printer',
    'A device is replaced whole (here a kiosk given the printer profile). Tokens never appear in events.',
    desk.run(lobbyKiosk('may-in-sanh')),
    'config.deviceUpserted',
  );
  desk.run(lobbyKiosk(null));
  record(
    'unused',
    'A printer profile no device uses is removed.',
    desk.run({ type: 'config.removePrinterProfile', profileId: 'may-in-sanh' }),
    'config.printerProfileRemoved',
  );
  record(
    'burst',
    'The priority policy is replaced whole.',
    desk.run({
      type: 'config.setPriorityPolicy',
      priority: { ...desk.state.config.priority, priorityBurst: 2, maxWaitMinutes: 45 },
    }),
    'config.priorityPolicySet',
  );
  const { priorityBurst: _burst, ...withoutBurst } = desk.state.config.priority;
  recordRaw(
    'legacy-interleave',
    'config.priorityPolicySet from an older hub carries interleave (one priority after N normal): it folds as priorityBurst 3 (0 when N was 0), interleave dropped.',
    desk,
    { type: 'config.priorityPolicySet', priority: { ...withoutBurst, interleave: 2 } },
  );
  record(
    'ticker',
    'Display settings are replaced whole.',
    desk.run({
      type: 'config.setDisplay',
      display: { ...desk.state.config.display, tickerText: 'Chào mừng Ông/Bà đến Bộ phận một cửa' },
    }),
    'config.displaySet',
  );
  record(
    'status-url',
    'Kiosk settings are replaced whole.',
    desk.run({
      type: 'config.setKiosk',
      kiosk: { ...desk.state.config.kiosk, statusBaseUrl: 'http://192.168.1.10:8080' },
    }),
    'config.kioskSet',
  );
  record(
    'five-levels',
    'The satisfaction method is replaced whole: config.ratingMethod = the scale the pads show and the reasons they offer.',
    desk.run({
      type: 'config.setRatingMethod',
      ratingMethod: {
        scale: 'five',
        reasons: [
          { id: 'waitedTooLong', name: { vi: 'Chờ đợi quá lâu', en: 'Waited too long' } },
          { id: 'noParking', name: { vi: 'Không có chỗ gửi xe', en: 'Nowhere to park' } },
        ],
      },
    }),
    'config.ratingMethodSet',
  );
}

function appointmentScenarios(): void {
  const desk = new VectorDesk();
  record(
    'enable',
    'Online booking is configured: config.appointments is replaced whole.',
    desk.run({
      type: 'config.setAppointments',
      appointments: {
        enabled: true,
        slotMinutes: 30,
        earlyMinutes: 30,
        lateMinutes: 15,
        daysAhead: 14,
        leadMinutes: 30,
        services: { 'khai-sinh': { perSlot: 2, perDay: 20 } },
      },
    }),
    'config.appointmentsSet',
  );
  const book = (appointmentId: string, slot: string) =>
    desk.run({ type: 'appointment.book', appointmentId, serviceId: 'khai-sinh', day: '2026-11-30', slot }, system);
  record(
    'slot',
    'A booking: appointments gets it under its id (a hash of the booking code, never the code).',
    book('hen-0001', '10:00'),
    'appointment.booked',
  );
  book('hen-0002', '10:00');
  book('hen-0003', '10:30');
  desk.advance(5);
  record(
    'by-citizen',
    'A booking is cancelled: its status becomes cancelled.',
    desk.run({ type: 'appointment.cancel', appointmentId: 'hen-0002' }, system),
    'appointment.cancelled',
  );
  desk.advance(50);
  record(
    'on-time',
    'Check-in at the kiosk within the window: ticket.issued (queued at the slot start) then appointment.checkedIn linking the ticket.',
    desk.run({ type: 'appointment.checkIn', appointmentId: 'hen-0001' }, kiosk),
    'all',
  );
  desk.advance(60);
  record(
    'no-show',
    'The hub releases bookings whose window passed: each listed one becomes noShow.',
    desk.run({ type: 'appointment.release' }, system),
    'appointment.released',
  );
  book('hen-0004', '12:00');
  desk.run(
    { type: 'appointment.book', appointmentId: 'hen-0005', serviceId: 'khai-sinh', day: '2026-12-01', slot: '09:00' },
    system,
  );
  desk.now += 24 * 60 * MINUTE;
  record(
    'drops-past-bookings',
    "A new service day drops the bookings of days before it (tomorrow's stay).",
    desk.run({ type: 'day.close' }, system),
    'day.opened',
  );
}

/** A whole morning at two counters, folded in one go: the rules above interacting (streaks, transfers, recalls). */
function morningSequence(): ProtocolSequence {
  const desk = new VectorDesk();
  const start = desk.state;
  const envelopes: EventEnvelope[] = [];
  const keep = (steps: { envelope: EventEnvelope }[]) => envelopes.push(...steps.map((s) => s.envelope));
  const issue = (serviceId: string, priorityGroup: string | null = null) => {
    desk.advance(1);
    const steps = desk.run({ type: 'ticket.issue', serviceId, priorityGroup }, kiosk);
    keep(steps);
    const event = steps[0]?.envelope.event;
    if (event?.type !== 'ticket.issued') throw new Error('no ticket issued');
    return event.ticket.id;
  };
  const clerk = (counter: number, type: CounterTicketCommand, ticketId: string) => {
    desk.advance(2);
    keep(desk.clerk(counter, type, ticketId));
  };
  const callNext = (counter: number) => {
    desk.advance(1);
    const steps = desk.callNextSteps(counter);
    keep(steps);
    const event = steps[0]?.envelope.event;
    if (event?.type !== 'ticket.called') throw new Error('nobody called');
    return event.ticketId;
  };
  issue('khai-sinh');
  issue('ket-hon');
  issue('khai-sinh', 'elderly');
  issue('ket-hon', 'disabled');
  issue('tra-ket-qua');
  const first = callNext(1);
  clerk(1, 'ticket.start', first);
  const second = callNext(2);
  clerk(2, 'ticket.recall', second);
  clerk(2, 'ticket.noShow', second);
  clerk(1, 'ticket.finish', first);
  desk.advance(1);
  keep(
    desk.run(
      { type: 'rating.submit', counterId: 'quay-1', ticketId: first, scale: 'three', answer: 'verySatisfied' },
      ratingPadAt(1),
    ),
  );
  const third = callNext(1);
  clerk(1, 'ticket.park', third);
  desk.advance(1);
  keep(desk.run({ type: 'ticket.returnToQueue', ticketId: second, placement: 'front' }, clerkAt(2)));
  const fourth = callNext(2);
  desk.advance(1);
  keep(
    desk.run(
      {
        type: 'ticket.transfer',
        ticketId: fourth,
        toServiceId: 'khai-sinh',
        toCounterId: 'quay-1',
        placement: 'front',
      },
      clerkAt(2),
    ),
  );
  clerk(1, 'ticket.resume', third);
  clerk(1, 'ticket.finish', third);
  const fifth = callNext(1);
  clerk(1, 'ticket.finish', fifth);
  issue('khai-sinh');
  callNext(1);
  desk.advance(30);
  keep(desk.run({ type: 'counter.pause', counterId: 'quay-2', reason: 'Nghỉ trưa' }, clerkAt(2)));
  desk.advance(60);
  keep(desk.run({ type: 'day.close' }, admin));
  desk.now += 20 * 60 * MINUTE;
  keep(desk.run({ type: 'day.close' }, system));
  issue('ket-hon');
  return {
    description:
      'A morning at two counters, then the day closed early and the next one opened: priority calls and the streak, a recall, a no-show returned to the front, a transfer to the front of another counter, a parked ticket resumed, a rating, a pause.',
    state: stateCodec.toSnapshot(start),
    envelopes,
    expected: stateCodec.toSnapshot(desk.state),
  };
}

async function main(): Promise<void> {
  ticketScenarios();
  counterScenarios();
  alertAndDayScenarios();
  configScenarios();
  appointmentScenarios();
  const missing = eventTypes.filter((type) => ![...vectors.keys()].some((file) => file.startsWith(`${type}--`)));
  if (missing.length > 0) throw new Error(`no vector for ${missing.join(', ')}`);
  const prettier = { ...(await resolveConfig(join(VECTORS_DIR, 'x.json'))), parser: 'json' };
  mkdirSync(VECTORS_DIR, { recursive: true });
  for (const file of readdirSync(VECTORS_DIR)) if (file.endsWith('.json')) rmSync(join(VECTORS_DIR, file));
  for (const [file, vector] of [...vectors].sort(([a], [b]) => a.localeCompare(b))) {
    writeFileSync(join(VECTORS_DIR, file), await format(JSON.stringify(vector), prettier));
  }
  writeFileSync(
    join(VECTORS_DIR, 'sequence--a-morning.json'),
    await format(JSON.stringify(morningSequence()), prettier),
  );
  console.log(`${vectors.size} vectors and a sequence in ${VECTORS_DIR}`);
}

await main();
