import { describe, expect, it } from 'vitest';
import { MINUTE, TestDesk } from './testkit.js';
import { printRefusal, REPRINT_WINDOW_MS, ticketPrintout } from './ticketPrintout.js';

describe('ticketPrintout', () => {
  it('prints the office, service in both languages, label, people ahead, wait and a status QR', () => {
    const desk = TestDesk.open();
    desk.issue('khai-sinh');
    const id = desk.issue('khai-sinh');
    const printout = ticketPrintout(desk.state, id, 'http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv');
    expect(printout).toMatchObject({
      officeName: 'Bộ phận Một cửa UBND thị xã Hoàng Mai',
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
