import {
  commandRequestSchema,
  domainError,
  printerAddressMessages,
  printerAddressRefusal,
  type ErrorReply,
  type Actor,
  type Command,
  type CommandInput,
  type CommandReply,
} from '@motcua/core';
import { errorReply } from '../engine.js';
import type { SocketContext } from './socketContext.js';
import { badRequest, guarded, type HubSocket } from './socketTypes.js';
import { TokenBucket } from './tokenBucket.js';

/** Per-device buckets for what a device may do often but not endlessly: issue tickets, raise alerts. */
export class DeviceRateLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly ctx: SocketContext) {}

  /**
   * Whether this command from this actor fits in its device's budget now. Asked for well-formed commands only
   * (the engine parses first): a device's bad input must not use up its budget.
   */
  allows(actor: Actor, command: Command): boolean {
    const budget = this.budgetFor(actor, command);
    if (!budget) return true;
    return this.take(budget.key, budget.burst, budget.perMinute);
  }

  /** The bucket this command draws on, if any: kiosks' tickets, every device's alerts. */
  private budgetFor(actor: Actor, command: Command) {
    if (actor.kind !== 'device') return null;
    const { options } = this.ctx;
    if (actor.deviceKind === 'kiosk' && command.type === 'ticket.issue') {
      return {
        key: `issue:${actor.deviceId}`,
        burst: options.kioskIssueBurst,
        perMinute: options.kioskIssuesPerMinute,
      };
    }
    if (command.type === 'alert.raise') {
      return {
        key: `alert:${actor.deviceId}`,
        burst: options.deviceAlertBurst,
        perMinute: options.deviceAlertsPerMinute,
      };
    }
    return null;
  }

  private take(key: string, burst: number, perMinute: number): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(burst, perMinute / 60_000);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}

/**
 * An admin's printer address is checked against this hub's data folder and allowed share hosts before the
 * engine sees it (core's command schema has already checked its form). Others are refused by their role.
 */
function printerAddressRefused(ctx: SocketContext, actor: Actor, command: Command): ErrorReply | null {
  if (actor.kind !== 'user' || actor.role !== 'admin') return null;
  if (command.type !== 'config.upsertPrinterProfile') return null;
  const refusal = printerAddressRefusal(command.profile.transportUrl, ctx.options.printerAddress());
  if (!refusal) return null;
  ctx.log.warn({ transportUrl: command.profile.transportUrl, refusal }, 'printer address refused');
  return errorReply(
    domainError('BAD_REQUEST', {
      path: 'profile.transportUrl',
      refusal,
      issue: printerAddressMessages[refusal].vi,
    }),
  );
}

/**
 * `command`: the actor is resolved now, a retry answered from the stored reply, the device's rate limits
 * applied to well-formed commands, then the engine decides.
 */
export function registerCommands(
  socket: HubSocket,
  ctx: SocketContext,
  limits: DeviceRateLimits,
  commandReply: (command: CommandInput, reply: CommandReply & { ok: true }) => void,
): void {
  socket.on(
    'command',
    guarded(ctx.log, 'command', (request, ack) => {
      const parsed = commandRequestSchema.safeParse(request);
      if (!parsed.success) return ack(badRequest(parsed.error));
      const { actor, mustChangePassword } = ctx.identity.refresh(socket);
      if (mustChangePassword && actor.kind === 'anonymous') {
        return ack(errorReply(domainError('PASSWORD_CHANGE_REQUIRED')));
      }
      const { command, requestId } = parsed.data;
      const answer = (reply: CommandReply) => {
        if (reply.ok) commandReply(command as CommandInput, reply);
        ack(reply);
      };
      // A retry gets its first answer (or IDEMPOTENCY_CONFLICT) even when the sender is over its rate limit:
      // the engine looks for it before it asks `admit`.
      const admit = (checked: Command) =>
        limits.allows(actor, checked)
          ? printerAddressRefused(ctx, actor, checked)
          : errorReply(domainError('RATE_LIMITED'));
      void ctx.engine.submit(actor, command, requestId, admit).then(answer);
    }),
  );
}
