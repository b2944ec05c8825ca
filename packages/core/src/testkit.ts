import type { Actor } from './actors.js';
import type { CommandInput } from './commands.js';
import { demoOfficeCommands } from './demoOffice.js';
import type { EventEnvelope } from './events.js';
import { executeCommand } from './executeCommand.js';
import type { CommandResult } from './protocol.js';
import type { QueueState } from './state.js';
import { emptyState } from './state.js';

/** Monday 30 November 2026, 09:00 in Hà Nội (02:00 UTC). */
export const MONDAY_9AM = Date.UTC(2026, 10, 30, 2, 0);
export const MINUTE = 60_000;

export const system: Actor = { kind: 'system' };
export const admin: Actor = { kind: 'user', userId: 'admin', role: 'admin', counterId: null, deviceId: null };
export const kiosk: Actor = { kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null };
export const display: Actor = { kind: 'device', deviceId: 'display-1', deviceKind: 'display', counterId: null };
export const clerkAt = (counterNumber: number): Actor => ({
  kind: 'user',
  userId: `canbo${counterNumber}`,
  role: 'clerk',
  counterId: `quay-${counterNumber}`,
  deviceId: null,
});
export const ratingPadAt = (counterNumber: number): Actor => ({
  kind: 'device',
  deviceId: `rating-${counterNumber}`,
  deviceKind: 'rating',
  counterId: `quay-${counterNumber}`,
});

/** A small deterministic random source (mulberry32): a simulated day is the same each run with one seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A test desk: keeps the state and the event log, and runs commands like the hub does. */
export class TestDesk {
  state: QueueState = emptyState();
  log: EventEnvelope[] = [];
  now = MONDAY_9AM;

  run(command: CommandInput, actor: Actor = admin): CommandResult {
    const outcome = this.tryRun(command, actor);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.code}`);
    return outcome.result;
  }

  tryRun(
    command: CommandInput,
    actor: Actor = admin,
  ): { ok: true; result: CommandResult } | { ok: false; code: string } {
    const execution = executeCommand(this.state, command, actor, this.now);
    if (!execution.ok) return { ok: false, code: execution.error.code };
    this.state = execution.state;
    this.log.push(...execution.envelopes);
    return { ok: true, result: execution.result };
  }

  advance(ms: number): void {
    this.now += ms;
  }

  /** Opens the service day, configures the demo office, and signs a clerk in at each counter. */
  static open(options: { alwaysOpen?: boolean; counters?: number[] } = {}): TestDesk {
    const desk = new TestDesk();
    desk.run({ type: 'day.close' }, system);
    for (const command of demoOfficeCommands({ alwaysOpen: options.alwaysOpen ?? true })) desk.run(command, system);
    for (const n of options.counters ?? [1, 2, 3, 4, 5]) {
      desk.run({ type: 'counter.assignClerk', counterId: `quay-${n}`, userId: `canbo${n}` }, system);
    }
    return desk;
  }

  issue(serviceId: string, priorityGroup: string | null = null): string {
    const result = this.run({ type: 'ticket.issue', serviceId, priorityGroup }, kiosk);
    return result.ticket!.id;
  }

  callNext(counterNumber: number): string {
    return this.run({ type: 'ticket.callNext', counterId: `quay-${counterNumber}` }, clerkAt(counterNumber)).ticket!.id;
  }

  finish(counterNumber: number, ticketId: string): void {
    this.run({ type: 'ticket.finish', counterId: `quay-${counterNumber}`, ticketId }, clerkAt(counterNumber));
  }
}
