import { describe, expect, it } from 'vitest';
import { kiosk, MINUTE, TestDesk } from './testkit.js';
import {
  DEFAULT_REPRINT_LIMIT,
  printRefusal,
  procedureReminder,
  REPRINT_WINDOW_MS,
  reprintLimit,
  ticketPrintout,
} from './ticketPrintout.js';

describe('ticketPrintout', () => {
  it('prints the office, service in both languages, label, people ahead, wait and a status QR', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const id = desk.issue('khai-sinh');
    const printout = ticketPrintout(desk.state, id, 'http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv');
    expect(printout).toMatchObject({
      officeName: 'Trung tâm Phục vụ hành chính công phường Hoàng Mai',
      serviceNameVi: 'Đăng ký khai sinh',
      serviceNameEn: 'Birth registration',
      label: desk.state.tickets.get(id)!.label,
      timeZone: 'Asia/Ho_Chi_Minh',
      peopleAhead: 1,
      qrContent: 'http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv',
      footer: 'Vui lòng chờ đến lượt',
    });
    expect(printout!.etaMinutes).toBeGreaterThan(0);
    expect(printout!.priorityLabel).toBeUndefined();
  });

  it('names the priority group', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh', 'elderly');
    const printout = ticketPrintout(desk.state, id, 'http://10.0.0.2:8080/t/x');
    expect(printout!.priorityLabel).toBe('Ưu tiên – Người cao tuổi');
  });

  it('prints the papers to bring when the office chose to, and nothing for a procedure that does not', () => {
    const desk = TestDesk.open();
    const birthId = desk.issue('khai-sinh');
    const landId = desk.issue('cap-gcn-qsdd');
    const birth = ticketPrintout(desk.state, birthId, 'http://x');
    expect(birth!.reminder).toMatch(/^Cần mang theo: Tờ khai đăng ký khai sinh \(theo mẫu\); Giấy chứng sinh/);
    const land = ticketPrintout(desk.state, landId, 'http://x');
    expect(land!.reminder).toBeUndefined();
  });

  it('keeps the reminder short and leaves it out without documents', () => {
    const documents = Array.from({ length: 12 }, (_, i) => `Giấy tờ số ${i + 1} cần có bản chính và bản sao`);
    const info = {
      catalogueCode: '',
      documents,
      fee: '',
      processingTime: '',
      printOnTicket: true,
      returnsResults: false,
    };
    expect(procedureReminder(info)!.length).toBeLessThanOrEqual(240);
    expect(procedureReminder(info)!.endsWith('…')).toBe(true);
    expect(procedureReminder({ ...info, documents: [] })).toBeNull();
    expect(procedureReminder({ ...info, printOnTicket: false })).toBeNull();
    expect(procedureReminder(undefined)).toBeNull();
  });

  it('is null for a ticket the state does not know', () => {
    expect(ticketPrintout(TestDesk.open().state, 'nope', 'http://x')).toBeNull();
  });
});

describe('printRefusal', () => {
  const issuedAt = 1_000_000;
  it('allows the first print and a reprint of the last ticket within the window', () => {
    expect(printRefusal({ ticketId: 'a', reprint: false, issuedAt }, null, issuedAt + 5000)).toBeNull();
    expect(
      printRefusal({ ticketId: 'a', reprint: true, issuedAt }, { ticketId: 'a', issuedAt }, issuedAt + MINUTE),
    ).toBeNull();
  });
  it('refuses a reprint of another ticket, and any print after the window', () => {
    expect(printRefusal({ ticketId: 'b', reprint: true, issuedAt }, { ticketId: 'a', issuedAt }, issuedAt + 1000)).toBe(
      'NOT_LAST_TICKET',
    );
    expect(
      printRefusal(
        { ticketId: 'a', reprint: true, issuedAt },
        { ticketId: 'a', issuedAt },
        issuedAt + REPRINT_WINDOW_MS + 1,
      ),
    ).toBe('PRINT_WINDOW_PASSED');
  });
});

describe('reprints', () => {
  it('marks each copy "BẢN IN LẠI (lần N)" and refuses past the office limit (default 2)', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    expect(ticketPrintout(desk.state, id, 'http://x')!.copyMark).toBeUndefined();
    desk.run({ type: 'ticket.reprint', ticketId: id }, kiosk);
    expect(ticketPrintout(desk.state, id, 'http://x')!.copyMark).toBe('BẢN IN LẠI (lần 1)');
    desk.run({ type: 'ticket.reprint', ticketId: id }, kiosk);
    expect(ticketPrintout(desk.state, id, 'http://x')!.copyMark).toBe('BẢN IN LẠI (lần 2)');
    const third = desk.tryRun({ type: 'ticket.reprint', ticketId: id }, kiosk);
    expect(third).toMatchObject({ ok: false, code: 'REPRINT_LIMIT_REACHED' });
    expect(DEFAULT_REPRINT_LIMIT).toBe(2);
    expect(desk.state.tickets.get(id)!.reprints).toBe(2);
  });

  it('follows the office setting, and a limit of 0 allows no reprint', () => {
    const desk = TestDesk.open();
    const id = desk.issue('khai-sinh');
    desk.run({ type: 'config.setKiosk', kiosk: { ...desk.state.config.kiosk, reprintLimit: 0 } });
    expect(reprintLimit(desk.state)).toBe(0);
    expect(desk.tryRun({ type: 'ticket.reprint', ticketId: id }, kiosk)).toMatchObject({
      ok: false,
      code: 'REPRINT_LIMIT_REACHED',
    });
  });
});
