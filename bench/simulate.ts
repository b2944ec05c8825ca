/**
 * `npm run simulate`: a simulated office day through the real core engine (decide → events → apply, as the hub runs
 * it). Citizens arrive by hour from a profile, take tickets at the kiosk (10% with priority), clerks call the next
 * ticket by the office's queue policy whenever they are free, and each service takes a random time around its mean.
 * Prints waits by class, the longest wait, the error of the wait promised at the kiosk, and how many counters (each
 * serving every procedure) keep the p90 wait under a target: the check for issue 15's items 1 and 2, and the start
 * of a staffing planner.
 *
 *   npm run simulate -- [--seed 7] [--target 20] [--scale 1.0] [--profile my-office.json]
 *
 * A profile file is JSON: { "arrivalsByHour": { "7": 20, … }, "priorityShare": 0.1,
 * "services": { "khai-sinh": { "share": 0.2, "meanMinutes": 6 }, … } } (service ids of the demo office).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  counterState,
  demoOfficeCommands,
  executeCommand,
  medianRank,
  p90Rank,
  ticketById,
  type Actor,
  type CommandInput,
  type DomainError,
  type EventEnvelope,
  type QueueState,
} from '../packages/core/src/index.js';
import { emptyState } from '../packages/core/src/state.js';
import { seededRandom } from '../packages/core/src/testkit.js';

interface ServiceProfile {
  /** Share of the day's citizens who come for it. */
  share: number;
  meanMinutes: number;
}

interface OfficeProfile {
  /** Citizens arriving in each hour of the day (office time), e.g. "8": 45 from 08:00 to 09:00. */
  arrivalsByHour: Record<string, number>;
  priorityShare: number;
  services: Record<string, ServiceProfile>;
}

/** A ward office's Monday: a morning peak, a quieter afternoon (the demo office's hours: 07:30–11:30, 13:30–17:00). */
const DEFAULT_PROFILE: OfficeProfile = {
  arrivalsByHour: { '7': 12, '8': 38, '9': 42, '10': 30, '11': 8, '13': 20, '14': 30, '15': 24, '16': 10 },
  priorityShare: 0.1,
  services: {
    'khai-sinh': { share: 0.16, meanMinutes: 6 },
    'ket-hon': { share: 0.06, meanMinutes: 9 },
    'chung-thuc-ban-sao': { share: 0.22, meanMinutes: 3 },
    'chung-thuc-chu-ky': { share: 0.08, meanMinutes: 4 },
    'cap-gcn-qsdd': { share: 0.08, meanMinutes: 14 },
    'chuyen-nhuong-dat': { share: 0.06, meanMinutes: 16 },
    'giay-phep-xay-dung': { share: 0.05, meanMinutes: 12 },
    'ho-kinh-doanh': { share: 0.05, meanMinutes: 10 },
    'tro-cap-xa-hoi': { share: 0.06, meanMinutes: 8 },
    'nguoi-co-cong': { share: 0.04, meanMinutes: 10 },
    'tra-ket-qua': { share: 0.14, meanMinutes: 2 },
  },
};

const MINUTE = 60_000;
/** Monday 30 November 2026, 00:00 in Hà Nội (UTC+7). */
const MONDAY_MIDNIGHT = Date.UTC(2026, 10, 29, 17, 0);
/** From the call to the start of service: the citizen walks to the counter. */
const WALK_MS = 0.5 * MINUTE;
const system: Actor = { kind: 'system' };
const kiosk: Actor = { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null };

/** Service times are skewed (most are quick, a few take long): a lognormal with the given mean, σ = 0.5. */
function serviceMs(random: () => number, meanMinutes: number): number {
  const sigma = 0.5;
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return meanMinutes * Math.exp(sigma * normal - (sigma * sigma) / 2) * MINUTE;
}

interface Arrival {
  at: number;
  serviceId: string;
  priority: boolean;
}

/** The day's arrivals: a Poisson process within each hour at the profile's rate. */
function arrivals(profile: OfficeProfile, random: () => number, scale: number): Arrival[] {
  const services = Object.entries(profile.services);
  const totalShare = services.reduce((sum, [, s]) => sum + s.share, 0);
  const pickService = () => {
    let r = random() * totalShare;
    for (const [id, s] of services) if ((r -= s.share) < 0) return id;
    return services.at(-1)![0];
  };
  const list: Arrival[] = [];
  for (const [hour, count] of Object.entries(profile.arrivalsByHour)) {
    const start = MONDAY_MIDNIGHT + Number(hour) * 60 * MINUTE;
    const perMs = (count * scale) / (60 * MINUTE);
    for (let at = start - Math.log(1 - random()) / perMs; at < start + 60 * MINUTE;) {
      list.push({ at: Math.round(at), serviceId: pickService(), priority: random() < profile.priorityShare });
      at -= Math.log(1 - random()) / perMs;
    }
  }
  return list.sort((a, b) => a.at - b.at);
}

interface DayResult {
  state: QueueState;
  log: EventEnvelope[];
  /** Citizens the kiosk turned away (outside opening hours, cap). */
  refused: number;
}

/**
 * Runs the day. `generalists` null keeps the demo office's five counters and their procedures; a number replaces
 * them by that many counters that each serve every procedure.
 */
function simulateDay(profile: OfficeProfile, seed: number, scale: number, generalists: number | null): DayResult {
  const random = seededRandom(seed);
  let state = emptyState();
  const log: EventEnvelope[] = [];
  let now = MONDAY_MIDNIGHT + 7 * 60 * MINUTE;
  const last: { refusal: DomainError | null } = { refusal: null };
  const run = (command: CommandInput, actor: Actor) => {
    const execution = executeCommand(state, command, actor, now);
    last.refusal = execution.ok ? null : execution.error;
    if (!execution.ok) return null;
    state = execution.state;
    log.push(...execution.envelopes);
    return execution.result;
  };
  run({ type: 'day.close' }, system);
  for (const command of demoOfficeCommands({ alwaysOpen: false })) run(command, system);
  const serviceIds = Object.keys(state.config.services);
  if (generalists !== null) {
    for (const id of Object.keys(state.config.counters)) run({ type: 'config.removeCounter', counterId: id }, system);
    for (let n = 1; n <= generalists; n++) {
      run(
        {
          type: 'config.upsertCounter',
          counter: { id: `quay-${n}`, number: n, name: { vi: `Quầy ${n}`, en: `Counter ${n}` }, serviceIds },
        },
        system,
      );
      run(
        {
          type: 'config.upsertUser',
          user: { id: `canbo${n}`, username: `canbo${n}`, displayName: `Cán bộ ${n}`, role: 'clerk', disabled: false },
        },
        system,
      );
    }
  }
  const counterIds = Object.keys(state.config.counters);
  for (const [i, counterId] of counterIds.entries()) {
    run({ type: 'counter.assignClerk', counterId, userId: `canbo${i + 1}` }, system);
  }
  const clerkOf = (counterId: string): Actor => ({
    kind: 'user',
    userId: counterState(state, counterId).clerkId ?? '',
    role: 'clerk',
    counterId,
    deviceId: null,
  });

  const queue = arrivals(profile, random, scale);
  /** When each counter is free again (busy with a ticket until then). */
  const freeAt = new Map(counterIds.map((id) => [id, 0]));
  let refused = 0;
  let next = 0;
  const lastArrival = () => queue.at(-1)?.at ?? now;
  for (;;) {
    // The next moment something happens: an arrival, or a busy counter finishing.
    const finishing = [...freeAt.entries()].filter(([, at]) => at > now).sort((a, b) => a[1] - b[1])[0];
    const arrival = queue[next];
    const t = Math.min(arrival?.at ?? Infinity, finishing?.[1] ?? Infinity);
    if (t === Infinity) break;
    now = Math.max(now, t);
    if (arrival && arrival.at <= now) {
      next++;
      const issued = run(
        {
          type: 'ticket.issue',
          serviceId: arrival.serviceId,
          priorityGroup: arrival.priority ? 'elderly' : null,
          source: 'kiosk',
        },
        kiosk,
      );
      if (!issued) {
        // Before opening or over lunch the citizen waits at the door and takes a ticket when it opens.
        const opensAt = last.refusal?.code === 'OUTSIDE_OPENING_HOURS' ? last.refusal.details?.nextOpening : null;
        if (typeof opensAt === 'string' && /^\d{2}:\d{2}$/.test(opensAt)) {
          const [h, m] = opensAt.split(':').map(Number) as [number, number];
          queue.splice(next, 0, { ...arrival, at: MONDAY_MIDNIGHT + (h * 60 + m) * MINUTE });
          queue.sort((a, b) => a.at - b.at);
        } else refused++;
      }
    }
    for (const counterId of counterIds) {
      if ((freeAt.get(counterId) ?? 0) > now) continue;
      const current = counterState(state, counterId).currentTicketId;
      if (current) run({ type: 'ticket.finish', counterId, ticketId: current }, clerkOf(counterId));
      const called = run({ type: 'ticket.callNext', counterId }, clerkOf(counterId));
      const ticket = called?.ticket;
      if (!ticket) continue;
      const mean = profile.services[ticket.serviceId]?.meanMinutes ?? 5;
      freeAt.set(counterId, now + WALK_MS + serviceMs(random, mean));
    }
    if (next >= queue.length && now > lastArrival() && [...freeAt.values()].every((at) => at <= now)) {
      // Everyone arrived; finish the last tickets.
      for (const counterId of counterIds) {
        const current = counterState(state, counterId).currentTicketId;
        if (current) run({ type: 'ticket.finish', counterId, ticketId: current }, clerkOf(counterId));
      }
      if (counterIds.every((id) => counterState(state, id).currentTicketId === null)) break;
    }
  }
  return { state, log, refused };
}

interface Stats {
  count: number;
  mean: number;
  median: number;
  p90: number;
  max: number;
}

/** Minutes; median and p90 by core's nearest-rank rule, as the reports compute them. */
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0, mean: NaN, median: NaN, p90: NaN, max: NaN };
  return {
    count: n,
    mean: sorted.reduce((s, v) => s + v, 0) / n,
    median: sorted[medianRank(n) - 1]!,
    p90: sorted[p90Rank(n) - 1]!,
    max: sorted[n - 1]!,
  };
}

interface DayFigures {
  byClass: { priority: Stats; normal: Stats; all: Stats };
  longest: { label: string; serviceId: string; minutes: number } | null;
  etaError: Stats;
  /** Tickets issued without an estimate (no counter served the service). */
  unestimated: number;
  unserved: number;
}

function figures(day: DayResult): DayFigures {
  const waits = { priority: [] as number[], normal: [] as number[], all: [] as number[] };
  const etaErrors: number[] = [];
  let unestimated = 0;
  let unserved = 0;
  let longest: DayFigures['longest'] = null;
  for (const { event } of day.log) {
    if (event.type !== 'ticket.issued') continue;
    const ticket = ticketById(day.state, event.ticket.id);
    if (!ticket || ticket.calledAt === null) {
      unserved++;
      continue;
    }
    const minutes = (ticket.calledAt - ticket.issuedAt) / MINUTE;
    waits[ticket.priorityGroup !== null ? 'priority' : 'normal'].push(minutes);
    waits.all.push(minutes);
    if (!longest || minutes > longest.minutes) longest = { label: ticket.label, serviceId: ticket.serviceId, minutes };
    const promised = event.estimate?.etaMinutes ?? null;
    if (promised === null) unestimated++;
    else etaErrors.push(Math.abs(promised - minutes));
  }
  return {
    byClass: { priority: stats(waits.priority), normal: stats(waits.normal), all: stats(waits.all) },
    longest,
    etaError: stats(etaErrors),
    unestimated,
    unserved,
  };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(6) : '     –');
const row = (name: string, s: Stats) =>
  `  ${name.padEnd(22)} ${String(s.count).padStart(5)} ${fmt(s.mean)} ${fmt(s.median)} ${fmt(s.p90)} ${fmt(s.max)}`;

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '7' },
      target: { type: 'string', default: '20' },
      scale: { type: 'string', default: '1' },
      profile: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  const target = Number(values.target);
  const scale = Number(values.scale);
  const profile: OfficeProfile = values.profile
    ? (JSON.parse(readFileSync(values.profile, 'utf8')) as OfficeProfile)
    : DEFAULT_PROFILE;
  const expected = Object.values(profile.arrivalsByHour).reduce((s, n) => s + n, 0) * scale;

  const day = simulateDay(profile, seed, scale, null);
  const f = figures(day);
  const policy = day.state.config.priority;
  console.log(`Simulated office day (seed ${seed}, ~${Math.round(expected)} citizens expected, demo office layout:`);
  console.log(
    `5 counters with their own procedures; policy: priority first, a normal ticket after ${policy.priorityBurst} priority calls)`,
  );
  console.log(`  tickets issued ${f.byClass.all.count + f.unserved}, turned away at the kiosk ${day.refused}`);
  console.log('\nWaits, issue to call (minutes)   count   mean median    p90    max');
  console.log(row('priority', f.byClass.priority));
  console.log(row('normal', f.byClass.normal));
  console.log(row('all', f.byClass.all));
  if (f.longest) {
    console.log(`\nLongest wait: ${f.longest.label} (${f.longest.serviceId}) ${f.longest.minutes.toFixed(1)} min`);
  }
  console.log('\nETA error |promised − actual| (minutes)');
  console.log(row('tickets with an ETA', f.etaError));
  if (f.unestimated > 0) console.log(`  ${f.unestimated} tickets were told no counter serves their procedure`);

  console.log(`\nCounters that each serve every procedure, p90 wait against the target of ${target} min:`);
  let needed: number | null = null;
  for (let counters = 1; counters <= 15; counters++) {
    const g = figures(simulateDay(profile, seed, scale, counters)).byClass.all;
    console.log(`  ${String(counters).padStart(2)} counters: p90 ${fmt(g.p90)} min, longest ${fmt(g.max)} min`);
    if (g.p90 <= target) {
      needed = counters;
      break;
    }
  }
  console.log(
    needed === null
      ? `\nNo staffing up to 15 counters keeps the p90 wait under ${target} min.`
      : `\nCounters needed to keep the p90 wait under ${target} min: ${needed}`,
  );
}

main();
