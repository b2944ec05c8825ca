import { ticketById } from './ticketReads.js';
import type { Command, CommandType } from './commands.js';
import type { DomainError } from './errors.js';
import { domainError } from './errors.js';
import { commandRoles, type ActorRole } from './access.js';
import type { DeviceKind, Role } from './schemas.js';
import type { QueueState } from './state.js';

/** Who sends a command. The hub establishes it from the device token and the clerk's session. */
export type Actor =
  | { kind: 'system' }
  | { kind: 'anonymous' }
  | { kind: 'device'; deviceId: string; deviceKind: DeviceKind; counterId: string | null }
  | { kind: 'user'; userId: string; role: Role; counterId: string | null; deviceId: string | null };

export function actorRef(actor: Actor): string {
  switch (actor.kind) {
    case 'system':
      return 'system';
    case 'anonymous':
      return 'anonymous';
    case 'device':
      return `device:${actor.deviceId}`;
    case 'user':
      return `user:${actor.userId}`;
  }
}

/** The device id in an actor reference made by `actorRef` (`device:<id>`), or null for any other actor. */
export function deviceIdOfRef(ref: string): string | null {
  return ref.startsWith('device:') ? ref.slice('device:'.length) : null;
}

export function actorRole(actor: Actor): ActorRole {
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'anonymous') return 'none';
  if (actor.kind === 'device') return actor.deviceKind;
  return actor.role;
}

const counterActions: CommandType[] = [
  'ticket.callNext',
  'ticket.callChosen',
  'ticket.recall',
  'ticket.start',
  'ticket.finish',
  'ticket.noShow',
  'ticket.park',
  'ticket.resume',
  'ticket.attachDossier',
];

/**
 * Whether this actor may send this command now. A clerk acts only on the counter signed in to
 * and on tickets of that counter; a rating pad rates only for its own counter.
 */
export function authorize(state: QueueState, actor: Actor, command: Command): DomainError | null {
  const role = actorRole(actor);
  if (role === 'none') return domainError('UNAUTHENTICATED');
  if (!commandRoles[command.type].includes(role)) return domainError('FORBIDDEN');

  if (actor.kind === 'user' && actor.role === 'clerk') {
    if ('counterId' in command && command.counterId !== actor.counterId) return domainError('NOT_YOUR_COUNTER');
    // Signed in means assigned: a session left open elsewhere cannot act after the clerk moved.
    if (actor.counterId !== null && state.counters[actor.counterId]?.clerkId !== actor.userId) {
      return domainError('NOT_YOUR_COUNTER');
    }
    if (!counterActions.includes(command.type) && 'ticketId' in command) {
      const ticket = ticketById(state, command.ticketId);
      if (ticket && ticket.counterId !== actor.counterId) return domainError('NOT_YOUR_COUNTER');
    }
    if (command.type === 'alert.clear' || command.type === 'ticket.transfer' || command.type === 'ticket.cancel') {
      if (actor.counterId === null) return domainError('NOT_YOUR_COUNTER');
    }
  }
  const rates = command.type === 'rating.submit' || command.type === 'rating.amend';
  if (actor.kind === 'device' && rates && actor.counterId !== command.counterId) {
    return domainError('NOT_YOUR_COUNTER');
  }
  return null;
}
