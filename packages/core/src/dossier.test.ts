import { describe, expect, it } from 'vitest';
import { MAX_DOSSIERS_PER_TICKET } from './schemas.js';
import { clerkAt, kiosk, TestDesk } from './testkit.js';
import { ticketById } from './ticketReads.js';

describe('ticket ↔ dossier', () => {
  it('the clerk attaches dossier codes to the ticket being served, in capitals, each once', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const id = desk.callNext(1);
    const attach = (dossierCode: string) =>
      desk.run({ type: 'ticket.attachDossier', counterId: 'quay-1', ticketId: id, dossierCode }, clerkAt(1));
    expect(attach(' h40.99-250703-0001 ').events).toEqual(['ticket.dossierAttached']);
    expect(attach('H40.99-250703-0001').events).toEqual([]);
    attach('H40.99-250703-0002');
    expect(ticketById(desk.state, id)?.dossierCodes).toEqual(['H40.99-250703-0001', 'H40.99-250703-0002']);
    const dossierEvents = desk.log.filter((e) => e.event.type === 'ticket.dossierAttached').map((e) => e.event);
    expect(dossierEvents[0]).toMatchObject({ ticketId: id, counterId: 'quay-1', dossierCode: 'H40.99-250703-0001' });
  });

  it('refuses a ticket that is not being served here, a malformed code, and too many codes', () => {
    const desk = TestDesk.open();
    const waiting = desk.issue('chung-thuc-ban-sao');
    const attach = (ticketId: string, dossierCode: string, counter = 1) =>
      desk.tryRun(
        { type: 'ticket.attachDossier', counterId: `quay-${counter}`, ticketId, dossierCode },
        clerkAt(counter),
      );
    expect(attach(waiting, 'H40-1', 2)).toEqual({ ok: false, code: 'NOT_YOUR_COUNTER' });
    desk.issue('khai-sinh');
    const served = desk.callNext(1);
    expect(attach(served, 'H40-1', 2)).toEqual({ ok: false, code: 'NOT_YOUR_COUNTER' });
    for (const bad of ['', 'ab', 'H40 99', 'mã-hồ-sơ', '<script>', 'x'.repeat(65)]) {
      expect(attach(served, bad), bad).toEqual({ ok: false, code: 'BAD_REQUEST' });
    }
    for (let i = 0; i < MAX_DOSSIERS_PER_TICKET; i++) expect(attach(served, `H40-${i}`).ok).toBe(true);
    expect(attach(served, 'H40-X')).toEqual({ ok: false, code: 'BAD_REQUEST' });
    desk.finish(1, served);
    expect(attach(served, 'H40-Y')).toEqual({ ok: false, code: 'INVALID_TICKET_STATE' });
  });

  it('a ticket taken to collect a result carries the dossier code from the kiosk', () => {
    const desk = TestDesk.open();
    const result = desk.run(
      { type: 'ticket.issue', serviceId: 'tra-ket-qua', dossierCode: 'h40.99-250703-0001' },
      kiosk,
    );
    expect(result.events).toEqual(['ticket.issued', 'ticket.dossierAttached']);
    expect(result.ticket?.dossierCodes).toEqual(['H40.99-250703-0001']);
    expect(desk.state.config.procedures?.['tra-ket-qua']?.returnsResults).toBe(true);
  });
});
