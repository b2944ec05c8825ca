import type { Ticket } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { checkInNotice, checkInRefusal } from './checkInMessages';

const ticket = { label: 'A007' } as Ticket;

describe('what the kiosk tells a citizen who checks in', () => {
  it('says whether the booked time is kept', () => {
    const base = { ok: true as const, ticket, ahead: 0, etaMinutes: 0, slot: '09:30', statusUrl: '' };
    expect(checkInNotice({ ...base, arrival: 'onTime' }).vi).toContain('theo giờ hẹn 09:30');
    expect(checkInNotice({ ...base, arrival: 'late' }).vi).toContain('như người đến trực tiếp');
  });

  it('tells an early arrival when to come back, and a wrong day which day', () => {
    expect(
      checkInRefusal({
        ok: false,
        code: 'APPOINTMENT_TOO_EARLY',
        message: '',
        details: { slot: '10:00', checkInFrom: '09:30' },
      }).vi,
    ).toContain('từ 09:30');
    expect(
      checkInRefusal({
        ok: false,
        code: 'APPOINTMENT_NOT_TODAY',
        message: '',
        details: { day: '2026-12-01', slot: '08:00' },
      }).en,
    ).toContain('01/12/2026 at 08:00');
  });
});
