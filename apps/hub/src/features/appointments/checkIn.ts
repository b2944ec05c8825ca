import { bookingCodeFromText, checkInRequestSchema, type Actor, type CheckInReply, type ErrorCode } from '@motcua/core';
import { KeyedRateLimiter } from '../../net/keyedRateLimiter.js';
import { refusalBody } from '../../net/routes.js';
import type { FeatureContext } from '../types.js';
import type { BookingCodes } from './bookingCodes.js';

/** Per kiosk: enough for people, too few to guess codes. */
export const CHECK_INS_PER_MINUTE = 30;
export const CHECK_IN_BURST = 20;

function refusal(code: ErrorCode, details?: Record<string, unknown>): CheckInReply {
  return refusalBody(code, details);
}

/** `appointment.checkIn {code}` from a kiosk or staff: the booking becomes a ticket in the queue. */
export function createCheckIn(
  ctx: FeatureContext,
  codes: BookingCodes,
  statusUrl: (ticketId: string) => string,
): (request: unknown, actor: Actor) => CheckInReply {
  const limiter = new KeyedRateLimiter(CHECK_IN_BURST, CHECK_INS_PER_MINUTE, ctx.clock.monotonic);
  return (request, actor) => {
    const parsed = checkInRequestSchema.safeParse(request);
    if (!parsed.success) return refusal('BAD_REQUEST');
    const key = actor.kind === 'device' ? actor.deviceId : actor.kind === 'user' ? actor.userId : 'system';
    if (!limiter.take(key)) return refusal('RATE_LIMITED');
    const code = bookingCodeFromText(parsed.data.code);
    if (!code) return refusal('APPOINTMENT_NOT_FOUND');
    // Core decides who may check in and whether the booking exists, in that order.
    const reply = ctx.engine.execute(
      actor,
      { type: 'appointment.checkIn', appointmentId: codes.appointmentIdFor(code) },
      parsed.data.requestId ?? null,
    );
    if (!reply.ok) return refusal(reply.code, reply.details);
    const { ticket, ahead, etaMinutes, appointment } = reply.result;
    if (!ticket || !appointment) return refusal('INTERNAL');
    return {
      ok: true,
      ticket,
      ahead: ahead ?? 0,
      etaMinutes: etaMinutes ?? 0,
      arrival: appointment.arrival ?? 'late',
      slot: appointment.slot,
      statusUrl: statusUrl(ticket.id),
    };
  };
}
