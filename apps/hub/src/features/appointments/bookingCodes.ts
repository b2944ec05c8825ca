import { bookingCodeFromBytes, bookingCodeFromText, type Appointment, type QueueState } from '@motcua/core';
import { createHmac, randomBytes } from 'node:crypto';

/**
 * Booking codes never enter the shared state: an appointment's id is an HMAC of its code with this hub's
 * secret, so displays and counters that fold the events cannot cancel or use someone's booking.
 */
export class BookingCodes {
  constructor(private readonly secret: string) {}

  static newSecret(): string {
    return randomBytes(32).toString('hex');
  }

  /** A fresh random code (40 bits; the caller retries on the rare clash). */
  newCode(): string {
    return bookingCodeFromBytes(randomBytes(8));
  }

  appointmentIdFor(code: string): string {
    return `ap-${createHmac('sha256', this.secret).update(code).digest('base64url').slice(0, 24)}`;
  }

  /** The appointment behind what someone typed (a code or the booking link of the QR), if any. */
  find(state: QueueState, text: string): { code: string; appointment: Appointment } | null {
    const code = bookingCodeFromText(text);
    if (!code) return null;
    const appointment = state.appointments?.[this.appointmentIdFor(code)];
    return appointment ? { code, appointment } : null;
  }
}
