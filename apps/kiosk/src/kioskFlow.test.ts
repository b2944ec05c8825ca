import type { CommandResult, PrintReply } from '@motcua/core';
import { MINUTE, MONDAY_9AM, TestDesk } from '@motcua/core/testkit';
import { describe, expect, it } from 'vitest';
import {
  HOME,
  idleReturnSeconds,
  issueOutcome,
  kioskFlow,
  serviceChoice,
  type KioskScreen,
  type KioskStep,
} from './kioskFlow';
import { NO_ANSWER } from './ticketPrinting';

const walk = (steps: KioskStep[], from: KioskScreen = HOME) => steps.reduce(kioskFlow, from);

function issuedTicket(desk: TestDesk, serviceId = 'khai-sinh'): CommandResult {
  return desk.run({ type: 'ticket.issue', serviceId, priorityGroup: null });
}

describe('the kiosk flow', () => {
  const desk = TestDesk.open();
  const khaiSinh = desk.state.config.services['khai-sinh']!;

  it('goes from the start through a field to a procedure and back the way it came', () => {
    const details = walk([
      { type: 'start' },
      { type: 'openField', fieldId: 'ho-tich' },
      { type: 'askDetails', service: khaiSinh },
    ]);
    expect(details).toEqual({ name: 'details', serviceId: 'khai-sinh', fieldId: 'ho-tich', dossierCode: null });
    const services = kioskFlow(details, { type: 'back' });
    expect(services).toEqual({ name: 'services', fieldId: 'ho-tich' });
    expect(kioskFlow(services, { type: 'back' })).toEqual({ name: 'fields', query: '', keyboard: false });
  });

  it('returns from a procedure found by search to its field, not to the search', () => {
    const found = walk([{ type: 'start' }, { type: 'search', query: 'khai sinh', keyboard: true }]);
    expect(found).toEqual({ name: 'fields', query: 'khai sinh', keyboard: true });
    const back = walk([{ type: 'askDetails', service: khaiSinh }, { type: 'back' }], found);
    expect(back).toEqual({ name: 'services', fieldId: khaiSinh.fieldId });
  });

  it('keeps a scanned dossier code on the details step only', () => {
    const details = walk([
      { type: 'askDetails', service: khaiSinh },
      { type: 'dossierCode', dossierCode: 'HS-1' },
    ]);
    expect(details).toMatchObject({ name: 'details', dossierCode: 'HS-1' });
    expect(kioskFlow(HOME, { type: 'dossierCode', dossierCode: 'HS-1' })).toBe(HOME);
  });

  it('shows the ticket as printing, then how the print went, and ignores a print of a ticket no longer shown', () => {
    const issued = issuedTicket(TestDesk.open());
    const shown = kioskFlow({ name: 'issuing', serviceId: 'khai-sinh' }, { type: 'ticketShown', issued, at: 5 });
    expect(shown).toMatchObject({ name: 'ticket', print: { phase: 'printing' }, preview: null, shownAt: 5 });
    const reply: PrintReply = { ok: false, code: 'PRINTER_PAPER_OUT', message: 'Hết giấy', messageEn: 'Out of paper' };
    const ticketId = issued.ticket!.id;
    const printed = kioskFlow(shown, { type: 'printed', ticketId, reply, preview: 'data:image/png;base64,AA' });
    expect(printed).toMatchObject({ print: { phase: 'done', reply }, preview: 'data:image/png;base64,AA' });
    // A reprint without a preview keeps the one on screen.
    const reprinted = walk(
      [
        { type: 'printStarted', ticketId },
        { type: 'printed', ticketId, reply, preview: null },
      ],
      printed,
    );
    expect(reprinted).toMatchObject({ print: { phase: 'done' }, preview: 'data:image/png;base64,AA' });
    expect(kioskFlow(HOME, { type: 'printed', ticketId, reply, preview: null })).toBe(HOME);
    expect(kioskFlow(printed, { type: 'printed', ticketId: 'other', reply, preview: null })).toBe(printed);
  });

  it('shows the ticket’s place at the printer, stays while it prints, and takes a late "printed" after no answer', () => {
    const issued = issuedTicket(TestDesk.open());
    const ticketId = issued.ticket!.id;
    const shown = kioskFlow(HOME, { type: 'ticketShown', issued, at: 5 });
    const queued = kioskFlow(shown, { type: 'printProgress', ticketId, progress: { status: 'queued', ahead: 2 } });
    expect(queued).toMatchObject({ print: { phase: 'printing', progress: { status: 'queued', ahead: 2 } } });
    // The citizen is not sent home while the ticket waits for the printer.
    expect(idleReturnSeconds(queued, 45)).toBeNull();
    const gaveUp = kioskFlow(queued, { type: 'printed', ticketId, reply: NO_ANSWER, preview: null, at: 30 });
    expect(gaveUp).toMatchObject({ print: { phase: 'done', reply: { code: 'PRINT_NO_ANSWER' } }, shownAt: 30 });
    expect(idleReturnSeconds(gaveUp, 45)).toBe(20);
    const late = kioskFlow(gaveUp, { type: 'printProgress', ticketId, progress: { status: 'printed' } });
    expect(late).toMatchObject({ print: { phase: 'done', reply: { ok: true } } });
    // A real failure stays a failure; a step of another ticket changes nothing.
    const failed: PrintReply = { ok: false, code: 'PRINTER_TIMEOUT', message: 'x', messageEn: 'x' };
    const done = kioskFlow(queued, { type: 'printed', ticketId, reply: failed, preview: null });
    expect(kioskFlow(done, { type: 'printProgress', ticketId, progress: { status: 'printed' } })).toBe(done);
    expect(kioskFlow(queued, { type: 'printProgress', ticketId: 'other', progress: { status: 'printing' } })).toBe(
      queued,
    );
  });

  it('turns the hub reply to ticket.issue into the ticket or the refusal with its details', () => {
    const issued = issuedTicket(TestDesk.open());
    expect(issueOutcome({ ok: true, result: issued }, 7)).toEqual({ type: 'ticketShown', issued, at: 7 });
    expect(issueOutcome({ ok: false, code: 'DAILY_CAP_REACHED', message: 'x', details: { dailyCap: 3 } }, 7)).toEqual({
      type: 'refused',
      refusal: { code: 'DAILY_CAP_REACHED', details: { dailyCap: 3 } },
      at: 7,
    });
    expect(issueOutcome({ ok: true, result: { seq: 1, events: [] } }, 7)).toMatchObject({
      refusal: { code: 'INTERNAL' },
    });
  });

  it('returns home by itself sooner on the ticket and refusal screens, never while issuing', () => {
    expect(idleReturnSeconds(HOME, 45)).toBeNull();
    expect(idleReturnSeconds({ name: 'issuing', serviceId: 'x' }, 45)).toBeNull();
    expect(idleReturnSeconds({ name: 'fields', query: '', keyboard: false }, 45)).toBe(45);
    expect(idleReturnSeconds({ name: 'refused', refusal: { code: 'TIMEOUT' }, shownAt: 0 }, 45)).toBe(12);
    expect(idleReturnSeconds({ name: 'refused', refusal: { code: 'TIMEOUT' }, shownAt: 0 }, 10)).toBe(10);
    expect(idleReturnSeconds({ name: 'settings' }, 45)).toBe(120);
  });
});

describe('what touching a procedure leads to', () => {
  it('asks priority and shows the papers first when the office asks, issues at once when nothing is to ask', () => {
    const desk = TestDesk.open();
    expect(serviceChoice(desk.state, 'khai-sinh', desk.now)).toEqual({ next: 'details' });
    desk.run({ type: 'config.setPriorityPolicy', priority: { ...desk.state.config.priority, kioskAsks: false } });
    const info = desk.state.config.procedures!['khai-sinh']!;
    desk.run({
      type: 'config.setProcedureInfo',
      serviceId: 'khai-sinh',
      info: { ...info, documents: [], fee: '', processingTime: '' },
    });
    expect(serviceChoice(desk.state, 'khai-sinh', desk.now)).toEqual({ next: 'issue' });
    // An ID card that gives age priority still leads to the step where the citizen confirms it.
    expect(serviceChoice(desk.state, 'khai-sinh', desk.now, true)).toEqual({ next: 'details' });
  });

  it("refuses with core's reason outside opening hours", () => {
    const desk = TestDesk.open({ alwaysOpen: false });
    const lunch = MONDAY_9AM + 3 * 60 * MINUTE;
    expect(serviceChoice(desk.state, 'khai-sinh', lunch)).toMatchObject({
      next: 'refused',
      refusal: { code: 'OUTSIDE_OPENING_HOURS' },
    });
  });
});
