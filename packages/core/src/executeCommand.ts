import type { Actor } from './actors.js';
import type { Command } from './commands.js';
import { actorRef, authorize } from './actors.js';
import { apply } from './apply.js';
import { decide } from './decide.js';
import type { DomainError } from './errors.js';
import type { EventEnvelope } from './events.js';
import { parseCommand } from './parseCommand.js';
import type { CommandResult } from './protocol.js';
import { commandResult } from './protocol.js';
import type { QueueState } from './state.js';

export type Execution =
  | { ok: true; state: QueueState; envelopes: EventEnvelope[]; result: CommandResult }
  | { ok: false; error: DomainError };

/**
 * The whole path of a command except storage: validate, authorise, decide, number the events
 * from `state.seq + 1`, and fold them. The hub stores `envelopes` before it keeps `state`.
 */
export function executeCommand(state: QueueState, input: unknown, actor: Actor, now: number): Execution {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  return executeParsed(state, parsed.command, actor, now);
}

/** `executeCommand` for a command already parsed by `parseCommand` (the hub parses once, before its rate limits). */
export function executeParsed(state: QueueState, command: Command, actor: Actor, now: number): Execution {
  const refused = authorize(state, actor, command);
  if (refused) return { ok: false, error: refused };
  const decision = decide(state, command, { now, actor });
  if (!decision.ok) return decision;
  const ref = actorRef(actor);
  let next = state;
  const envelopes: EventEnvelope[] = decision.events.map((event, i) => ({
    seq: state.seq + 1 + i,
    at: now,
    actor: ref,
    event,
  }));
  for (const envelope of envelopes) next = apply(next, envelope);
  return { ok: true, state: next, envelopes, result: commandResult(next, command, decision.events) };
}

/** Core's answer to a command without keeping anything: `changes` is false when it would be accepted as a no-op. */
export type CommandCheck = { ok: true; changes: boolean } | { ok: false; error: DomainError };

/**
 * Whether this actor's command would be accepted now: the same authorisation and rules as
 * `executeCommand`, so a screen asks core before offering a button instead of repeating a rule.
 */
export function checkCommand(state: QueueState, command: Command, actor: Actor, now: number): CommandCheck {
  const refused = authorize(state, actor, command);
  if (refused) return { ok: false, error: refused };
  const decision = decide(state, command, { now, actor });
  return decision.ok ? { ok: true, changes: decision.events.length > 0 } : decision;
}
