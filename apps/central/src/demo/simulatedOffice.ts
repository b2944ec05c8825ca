import { randomUUID } from 'node:crypto';
import {
  CHAIN_GENESIS_HASH,
  demoOfficeCommands,
  emptyState,
  executeCommand,
  ratingScales,
  ratingScoreSchema,
  type Actor,
  type CommandInput,
  type EventEnvelope,
  type QueueState,
  type ShippedEvent,
} from '@motcua/core';
import { clerkAt, kiosk, ratingPadAt, seededRandom, system } from '@motcua/core/testkit';
import { chainHash } from '../ingest/ingestBatch.js';

/**
 * An office hub without the hub: the demo office's configuration, then citizens taking tickets,
 * clerks calling and serving them and citizens rating, through core's executeCommand, producing the
 * event stream (with its hash chain) a real hub would ship.
 */
export class SimulatedOffice {
  readonly hubId = randomUUID();
  state: QueueState = emptyState();
  readonly shipped: ShippedEvent[] = [];
  private lastHash = CHAIN_GENESIS_HASH;
  private readonly random: () => number;
  private readonly serving = new Map<number, string>();

  constructor(
    readonly officeId: string,
    public now: number,
    seed = 1,
    private readonly counters = [1, 2, 3, 4, 5],
  ) {
    this.random = seededRandom(seed);
    this.run({ type: 'day.close' }, system);
    for (const command of demoOfficeCommands({ alwaysOpen: true })) this.run(command, system);
    for (const n of counters) {
      this.run({ type: 'counter.assignClerk', counterId: `quay-${n}`, userId: `canbo${n}` }, system);
      this.run({ type: 'counter.open', counterId: `quay-${n}` }, clerkAt(n));
    }
  }

  /** Runs a command; a refusal is simply skipped (a simulated person tried something not allowed now). */
  run(command: CommandInput, actor: Actor): boolean {
    const execution = executeCommand(this.state, command, actor, this.now);
    if (!execution.ok) return false;
    this.state = execution.state;
    for (const envelope of execution.envelopes) this.ship(envelope);
    return true;
  }

  private ship(envelope: EventEnvelope): void {
    const event = {
      seq: envelope.seq,
      at: envelope.at,
      actor: envelope.actor,
      payload: JSON.stringify(envelope.event),
    };
    const hash = chainHash(this.lastHash, event);
    this.shipped.push({ ...event, prevHash: this.lastHash, hash });
    this.lastHash = hash;
  }

  /** About a minute of office life: arrivals, calls, finishes and ratings. */
  step(ms = 60_000): void {
    this.now += ms;
    const services = Object.keys(this.state.config.services);
    const arrivals = Math.floor(this.random() * 3);
    for (let i = 0; i < arrivals; i++) {
      const serviceId = services[Math.floor(this.random() * services.length)];
      if (serviceId) this.run({ type: 'ticket.issue', serviceId, priorityGroup: null }, kiosk);
    }
    for (const n of this.counters) {
      const current = this.serving.get(n);
      if (current && this.random() < 0.4) {
        this.run({ type: 'ticket.finish', counterId: `quay-${n}`, ticketId: current }, clerkAt(n));
        this.serving.delete(n);
        if (this.random() < 0.7) {
          // Most pads show the official three levels; now and then one still runs the earlier four-level page.
          const tap = { type: 'rating.submit', counterId: `quay-${n}`, ticketId: current } as const;
          if (this.random() < 0.2) {
            const score = ratingScoreSchema.options[Math.floor(this.random() * 4)] ?? 'satisfied';
            this.run({ ...tap, score }, ratingPadAt(n));
          } else {
            const answers = ratingScales.three.answers;
            const answer = answers[Math.floor(this.random() * answers.length)] ?? 'satisfied';
            this.run({ ...tap, scale: 'three', answer }, ratingPadAt(n));
          }
          // Now and then the citizen goes on to the reason step, which amends the first answer.
          if (this.random() < 0.15) {
            this.run(
              {
                type: 'rating.amend',
                counterId: `quay-${n}`,
                ticketId: current,
                scale: 'three',
                answer: 'dissatisfied',
                reasons: ['waitedTooLong'],
              },
              ratingPadAt(n),
            );
          }
        }
      } else if (!current && this.random() < 0.6) {
        const before = this.state.seq;
        this.run({ type: 'ticket.callNext', counterId: `quay-${n}` }, clerkAt(n));
        const called = this.state.counters[`quay-${n}`]?.currentTicketId;
        if (this.state.seq > before && called) this.serving.set(n, called);
      }
    }
  }
}
