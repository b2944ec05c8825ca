import type { CommandOf } from './commands.js';
import { accept, refuse, type DecideContext, type Decision } from './decision.js';
import type { DomainEvent } from './events.js';
import { counterState } from './selectors.js';
import type { QueueState } from './state.js';

export type CounterCommand = CommandOf<
  | 'counter.open'
  | 'counter.pause'
  | 'counter.close'
  | 'counter.assignClerk'
  | 'counter.markDeviceLost'
  | 'counter.markDeviceBack'
>;

/** A counter opens, pauses, closes, has one clerk at a time, and loses and finds its device (the hub's presence watch). */
export function decideCounter(state: QueueState, command: CounterCommand, ctx: DecideContext): Decision {
  switch (command.type) {
    case 'counter.open': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).status === 'open') return accept();
      return accept({ type: 'counter.opened', counterId: command.counterId, at: ctx.now });
    }
    case 'counter.pause': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).status === 'closed') return refuse('COUNTER_NOT_OPEN');
      return accept({ type: 'counter.paused', counterId: command.counterId, reason: command.reason, at: ctx.now });
    }
    case 'counter.close': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).status === 'closed') return accept();
      return accept({ type: 'counter.closed', counterId: command.counterId, at: ctx.now });
    }
    case 'counter.assignClerk':
      return assignClerk(state, command, ctx);
    case 'counter.markDeviceLost': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      // Once per absence: the watch may ask again before it sees the event.
      if (counterState(state, command.counterId).deviceLostSince !== undefined) return accept();
      return accept({
        type: 'counter.deviceLost',
        counterId: command.counterId,
        lastSeenAt: Math.min(command.lastSeenAt, ctx.now),
        at: ctx.now,
      });
    }
    case 'counter.markDeviceBack': {
      if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
      if (counterState(state, command.counterId).deviceLostSince === undefined) return accept();
      return accept({ type: 'counter.deviceBack', counterId: command.counterId, at: ctx.now });
    }
  }
}

function assignClerk(state: QueueState, command: CommandOf<'counter.assignClerk'>, ctx: DecideContext): Decision {
  if (!state.config.counters[command.counterId]) return refuse('NOT_FOUND');
  const events: DomainEvent[] = [];
  const current = counterState(state, command.counterId);
  if (command.userId !== null) {
    const user = state.config.users[command.userId];
    if (!user) return refuse('NOT_FOUND');
    if (user.disabled) return refuse('ACCOUNT_DISABLED');
    // A clerk works at one counter at a time: signing in here signs out elsewhere.
    for (const [counterId, other] of Object.entries(state.counters)) {
      if (counterId !== command.counterId && other.clerkId === command.userId) {
        events.push({ type: 'counter.clerkAssigned', counterId, userId: null, at: ctx.now });
        if (other.status !== 'closed') events.push({ type: 'counter.closed', counterId, at: ctx.now });
      }
    }
    if (current.clerkId !== command.userId) {
      events.push({ type: 'counter.clerkAssigned', counterId: command.counterId, userId: command.userId, at: ctx.now });
    }
    if (current.status === 'closed') events.push({ type: 'counter.opened', counterId: command.counterId, at: ctx.now });
  } else {
    if (current.clerkId !== null) {
      events.push({ type: 'counter.clerkAssigned', counterId: command.counterId, userId: null, at: ctx.now });
    }
    if (current.status !== 'closed') events.push({ type: 'counter.closed', counterId: command.counterId, at: ctx.now });
  }
  return accept(...events);
}
