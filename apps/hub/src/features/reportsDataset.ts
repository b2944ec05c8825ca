import {
  addDays,
  officeInstant,
  demoOfficeCommands,
  serviceDayOf,
  sortedServices,
  type Actor,
  type CommandInput,
  type RatingBallot,
  type RatingScore,
  type TicketStatus,
} from '@motcua/core';
import { seededRandom } from '@motcua/core/testkit';
import pino from 'pino';
import { AuthService } from '../auth/authService.js';
import { Engine } from '../engine.js';
import { EventStore } from '../store/eventStore.js';
import { openDatabase } from '../store/openDatabase.js';

/** One ticket as the simulation saw it happen: the facts a test computes expected report values from. */
export interface SeededTicket {
  id: string;
  serviceDay: string;
  serviceId: string;
  fieldId: string;
  issuedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  status: TicketStatus;
  counterId: string | null;
  clerkId: string | null;
  /** The answer and scale stored (days rated on the earlier four-level pad are legacyFour). */
  rating: RatingBallot | null;
  /** The wait the kiosk promised, or null when it said no counter serves the service. */
  etaMinutes: number | null;
}

/** A stretch of time a counter was open, with a clerk signed in, and no current ticket. */
export interface SeededIdleInterval {
  counterId: string;
  clerkId: string;
  from: number;
  to: number;
}

export interface SeededDataset {
  days: string[];
  tickets: SeededTicket[];
  idle: SeededIdleInterval[];
  adminPassword: string;
  /** The simulated clock when the generator stopped. */
  endedAt: number;
}

export interface SeedOptions {
  /** First service day, YYYY-MM-DD. */
  firstDay?: string;
  days?: number;
  ticketsPerDay?: number;
  seed?: number;
  adminPassword?: string;
}

const COUNTERS = [1, 2, 3, 4, 5];
/** Tickets per day issued at closing time, never served. */
const LATE_TICKETS = 4;
const SCORES: RatingScore[] = ['verySatisfied', 'satisfied', 'satisfied', 'neutral', 'dissatisfied', 'verySatisfied'];
/**
 * The pad's scale by service day: the first day on the earlier four-level pad (its commands carry only
 * `score`), then the official three levels, the last day five, so reports count mixed ballots.
 */
function padScaleOf(dayIndex: number, dayCount: number): 'legacyFour' | 'three' | 'five' {
  if (dayIndex === 0) return 'legacyFour';
  return dayIndex === dayCount - 1 ? 'five' : 'three';
}
const ANSWERS = {
  three: ['verySatisfied', 'satisfied', 'satisfied', 'dissatisfied', 'verySatisfied'],
  five: ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied', 'satisfied'],
} as const;

/**
 * Writes a realistic office history into `<dataDir>/motcua.sqlite` through the hub's own engine
 * (core's decide/apply, the real event store and projections): the demo office, clerks opening,
 * pausing and closing counters, tickets issued, called, started, finished, skipped, cancelled,
 * rated, and left to expire, over several service days with a simulated clock. The hub can then
 * open the folder. Returns what happened as the simulation saw it.
 */
export function seedReportDataset(dataDir: string, options: SeedOptions = {}): SeededDataset {
  const firstDay = options.firstDay ?? '2025-03-03';
  const dayCount = options.days ?? 4;
  const perDay = options.ticketsPerDay ?? 140;
  const random = seededRandom(options.seed ?? 7);
  const adminPassword = options.adminPassword ?? 'quantri-2025';
  const timeZone = 'Asia/Ho_Chi_Minh';
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const db = openDatabase(dataDir);
  db.pragma('synchronous = OFF'); // A generator, not the hub: durability is not needed while seeding.
  const store = new EventStore(db);
  store.setMetaValue('hub_id', `seeded-${options.seed ?? 7}`);
  let now = officeInstant(addDays(firstDay, -1), 12, timeZone);
  const engine = new Engine(store.loadState(), store, () => now, pino({ level: 'silent' }));
  const auth = new AuthService(db, () => now);

  const system: Actor = { kind: 'system' };
  const run = (actor: Actor, command: CommandInput) => {
    const reply = engine.execute(actor, command, null);
    if (!reply.ok) throw new Error(`seed command ${command.type} refused: ${reply.code}`);
    return reply.result;
  };
  const tryRun = (actor: Actor, command: CommandInput) => engine.execute(actor, command, null);
  const rollOver = () => {
    if (serviceDayOf(now, engine.state.config.office) !== engine.state.serviceDay) run(system, { type: 'day.close' });
  };

  rollOver();
  run(system, {
    type: 'config.upsertUser',
    user: { id: 'admin', username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', disabled: false },
  });
  auth.setPin('admin', adminPassword);
  for (const command of demoOfficeCommands({ alwaysOpen: true })) run(system, command);
  for (const user of Object.values(engine.state.config.users)) if (user.id !== 'admin') auth.setPin(user.id, '1234');
  // Clerks press "start serving" when the citizen sits down, so walk time is measured.
  run(system, { type: 'config.setOffice', office: { ...engine.state.config.office, requireStart: true } });

  const services = sortedServices(engine.state);
  const kiosk: Actor = { kind: 'device', deviceId: 'kiosk-seed', deviceKind: 'kiosk', counterId: null };
  const supervisor: Actor = { kind: 'user', userId: 'giamsat', role: 'supervisor', counterId: null, deviceId: null };
  const clerk = (n: number): Actor => ({
    kind: 'user',
    userId: `canbo${n}`,
    role: 'clerk',
    counterId: `quay-${n}`,
    deviceId: null,
  });
  const ratingPad = (n: number): Actor => ({
    kind: 'device',
    deviceId: `rating-${n}`,
    deviceKind: 'rating',
    counterId: `quay-${n}`,
  });

  const tickets = new Map<string, SeededTicket>();
  const idle: SeededIdleInterval[] = [];
  interface SimCounter {
    status: 'open' | 'paused' | 'closed';
    current: SeededTicket | null;
    idleSince: number | null;
  }
  const sim = new Map<number, SimCounter>(
    COUNTERS.map((n) => [n, { status: 'closed', current: null, idleSince: null }]),
  );
  const transition = (n: number, change: (c: SimCounter) => void) => {
    const c = sim.get(n) as SimCounter;
    if (c.idleSince !== null && now > c.idleSince) {
      idle.push({ counterId: `quay-${n}`, clerkId: `canbo${n}`, from: c.idleSince, to: now });
    }
    change(c);
    c.idleSince = c.status === 'open' && c.current === null ? now : null;
  };
  const days: string[] = [];

  for (let d = 0; d < dayCount; d++) {
    const day = addDays(firstDay, d);
    days.push(day);
    now = officeInstant(day, 7, timeZone);
    rollOver();
    for (const t of tickets.values()) if (t.status === 'waiting') t.status = 'expired';
    now = officeInstant(day, 7, timeZone) + 30 * 60_000;
    for (const n of COUNTERS) {
      now += between(1, 20) * 1000;
      run(system, { type: 'counter.assignClerk', counterId: `quay-${n}`, userId: `canbo${n}` });
      run(clerk(n), { type: 'counter.open', counterId: `quay-${n}` });
      transition(n, (c) => (c.status = 'open'));
    }
    const closingAt = officeInstant(day, 17, timeZone);
    let issued = 0;
    while (now < closingAt || issued < perDay) {
      now += between(10, 70) * 1000;
      // The last citizens arrive at closing time and are not served: their tickets expire.
      const late = now >= closingAt;
      if (late ? issued < perDay : issued < perDay - LATE_TICKETS && random() < 0.45) {
        const service = services[between(0, services.length - 1)];
        if (!service) continue;
        const result = run(kiosk, { type: 'ticket.issue', serviceId: service.id });
        const ticket = result.ticket;
        if (!ticket) throw new Error('no ticket in the reply');
        issued++;
        tickets.set(ticket.id, {
          id: ticket.id,
          serviceDay: ticket.serviceDay,
          serviceId: service.id,
          fieldId: service.fieldId,
          issuedAt: now,
          calledAt: null,
          startedAt: null,
          finishedAt: null,
          status: 'waiting',
          counterId: null,
          clerkId: null,
          rating: null,
          etaMinutes: result.noCounterOpen ? null : (result.etaMinutes ?? null),
        });
        if (late) continue;
        if (random() < 0.04) {
          const waiting = [...tickets.values()].filter((t) => t.status === 'waiting' && t.serviceDay === day);
          const victim = waiting[between(0, waiting.length - 1)];
          if (victim) {
            now += between(5, 30) * 1000;
            run(supervisor, { type: 'ticket.cancel', ticketId: victim.id, reason: 'Công dân không tiếp tục' });
            victim.status = 'cancelled';
            victim.finishedAt = now;
          }
        }
        continue;
      }
      const n = COUNTERS[between(0, COUNTERS.length - 1)] as number;
      const counterId = `quay-${n}`;
      const c = sim.get(n) as SimCounter;
      if (c.status === 'paused') {
        if (random() < 0.5) {
          run(clerk(n), { type: 'counter.open', counterId });
          transition(n, (x) => (x.status = 'open'));
        }
      } else if (c.current === null) {
        if (random() < 0.05) {
          run(clerk(n), { type: 'counter.pause', counterId, reason: 'Nghỉ giải lao' });
          transition(n, (x) => (x.status = 'paused'));
          continue;
        }
        const reply = tryRun(clerk(n), { type: 'ticket.callNext', counterId });
        if (!reply.ok) {
          if (reply.code === 'NOTHING_WAITING') continue;
          throw new Error(`callNext refused: ${reply.code}`);
        }
        const called = tickets.get(reply.result.ticket?.id ?? '');
        if (!called) throw new Error('callNext returned an unknown ticket');
        called.status = 'called';
        called.calledAt = now;
        called.counterId = counterId;
        called.clerkId = `canbo${n}`;
        transition(n, (x) => (x.current = called));
      } else if (c.current.startedAt === null) {
        const t = c.current;
        const roll = random();
        if (roll < 0.1) {
          run(clerk(n), { type: 'ticket.noShow', counterId, ticketId: t.id });
          t.status = 'noShow';
          t.finishedAt = now;
          transition(n, (x) => (x.current = null));
        } else if (roll < 0.13) {
          run(clerk(n), { type: 'ticket.cancel', ticketId: t.id, reason: 'Hồ sơ không thuộc thẩm quyền' });
          t.status = 'cancelled';
          t.finishedAt = now;
          transition(n, (x) => (x.current = null));
        } else {
          run(clerk(n), { type: 'ticket.start', counterId, ticketId: t.id });
          t.status = 'serving';
          t.startedAt = now;
        }
      } else {
        const t = c.current;
        finish(n, t);
      }
    }
    // Closing time: serve whoever is at a counter, then close every counter.
    for (const n of COUNTERS) {
      const c = sim.get(n) as SimCounter;
      if (c.current) {
        now += between(5, 20) * 1000;
        if (c.current.startedAt === null) {
          run(clerk(n), { type: 'ticket.start', counterId: `quay-${n}`, ticketId: c.current.id });
          c.current.status = 'serving';
          c.current.startedAt = now;
          now += between(30, 120) * 1000;
        }
        finish(n, c.current);
      }
      now += between(1, 10) * 1000;
      run(clerk(n), { type: 'counter.close', counterId: `quay-${n}` });
      transition(n, (x) => (x.status = 'closed'));
    }
  }
  // The next morning: the last day's waiting tickets expire.
  now = officeInstant(addDays(firstDay, dayCount), 7, timeZone);
  rollOver();
  for (const t of tickets.values()) if (t.status === 'waiting') t.status = 'expired';
  store.writeSnapshot(engine.state);
  db.close();
  return { days, tickets: [...tickets.values()], idle, adminPassword, endedAt: now };

  function finish(n: number, t: SeededTicket): void {
    const counterId = `quay-${n}`;
    run(clerk(n), { type: 'ticket.finish', counterId, ticketId: t.id });
    t.status = 'finished';
    t.finishedAt = now;
    transition(n, (x) => (x.current = null));
    if (random() < 0.7) {
      now += between(3, 40) * 1000;
      const scale = padScaleOf(days.length - 1, dayCount);
      if (scale === 'legacyFour') {
        const score = SCORES[between(0, SCORES.length - 1)] as RatingScore;
        run(ratingPad(n), { type: 'rating.submit', counterId, ticketId: t.id, score });
        t.rating = { scale, answer: score };
      } else {
        const answers = ANSWERS[scale];
        const answer = answers[between(0, answers.length - 1)] ?? 'satisfied';
        run(ratingPad(n), { type: 'rating.submit', counterId, ticketId: t.id, scale, answer });
        t.rating = { scale, answer };
      }
    }
  }
}
