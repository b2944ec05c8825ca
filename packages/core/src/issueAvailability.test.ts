import { describe, expect, it } from 'vitest';
import { officeIssueStatus, serviceRefusal } from './issueAvailability.js';
import { MINUTE, MONDAY_9AM, TestDesk } from './testkit.js';

const HOUR = 60 * MINUTE;

function desk() {
  return TestDesk.open({ alwaysOpen: false });
}

function setEveryService(d: TestDesk, change: (id: string) => object) {
  for (const service of Object.values(d.state.config.services)) {
    d.run({ type: 'config.upsertService', service: { ...service, ...change(service.id) } });
  }
}

describe("the office's status on the kiosk's first screen", () => {
  it('is open while any service issues', () => {
    const d = desk();
    expect(officeIssueStatus(d.state, MONDAY_9AM)).toEqual({ open: true });
    setEveryService(d, (id) => ({ enabled: id === 'khai-sinh' }));
    expect(officeIssueStatus(d.state, MONDAY_9AM)).toEqual({ open: true });
  });

  it('says outside opening hours with the next opening today or on the next working day', () => {
    const d = desk();
    expect(officeIssueStatus(d.state, MONDAY_9AM + 3 * HOUR)).toEqual({
      open: false,
      reason: 'outsideHours',
      nextOpening: '13:30',
    });
    expect(officeIssueStatus(d.state, MONDAY_9AM + 9 * HOUR)).toEqual({
      open: false,
      reason: 'outsideHours',
      nextOpening: '2026-12-01 07:30',
    });
  });

  it('says a holiday, with the first opening after it', () => {
    const d = desk();
    d.run({
      type: 'config.setOffice',
      office: { ...d.state.config.office, holidays: ['2026-11-30', '2026-12-01'] },
    });
    expect(officeIssueStatus(d.state, MONDAY_9AM)).toEqual({
      open: false,
      reason: 'holiday',
      nextOpening: '2026-12-02 07:30',
    });
  });

  it('says every service has reached its cap, open again the next working day', () => {
    const d = desk();
    setEveryService(d, () => ({ dailyCap: 1 }));
    for (const id of Object.keys(d.state.config.services)) {
      expect(officeIssueStatus(d.state, d.now).open).toBe(true);
      d.issue(id);
    }
    expect(officeIssueStatus(d.state, d.now)).toEqual({
      open: false,
      reason: 'allCapped',
      nextOpening: '2026-12-01 07:30',
    });
  });

  it('gives the earliest opening when services are closed for different reasons', () => {
    const d = desk();
    setEveryService(d, (id) => ({
      enabled: id === 'khai-sinh' || id === 'ket-hon',
      dailyCap: id === 'khai-sinh' ? 1 : 0,
      // Kết hôn takes tickets only in the afternoon.
      openingHours: id === 'ket-hon' ? { '1': [{ from: '14:00', to: '16:00' }] } : null,
    }));
    d.issue('khai-sinh');
    expect(serviceRefusal(d.state, 'ket-hon', d.now)).toEqual({
      code: 'OUTSIDE_OPENING_HOURS',
      details: { nextOpening: '14:00' },
    });
    expect(officeIssueStatus(d.state, d.now)).toEqual({ open: false, reason: 'noService', nextOpening: '14:00' });
  });

  it('says the day was closed, and nothing opens by itself when every service is switched off', () => {
    const d = desk();
    d.run({ type: 'day.close' }); // an admin closing today early
    expect(officeIssueStatus(d.state, MONDAY_9AM)).toEqual({
      open: false,
      reason: 'dayClosed',
      nextOpening: '2026-12-01 07:30',
    });
    const off = desk();
    setEveryService(off, () => ({ enabled: false }));
    expect(officeIssueStatus(off.state, MONDAY_9AM)).toEqual({ open: false, reason: 'noService', nextOpening: null });
  });
});
