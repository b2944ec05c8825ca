import { describe, expect, it } from 'vitest';
import { commandSchema } from './commands.js';
import { admin, kiosk, TestDesk } from './testkit.js';

const info = {
  catalogueCode: '1.001193',
  documents: ['Tờ khai đăng ký khai sinh (theo mẫu)'],
  fee: 'Miễn lệ phí',
  processingTime: 'Trong ngày',
  printOnTicket: true,
  returnsResults: false,
};

describe('procedure information', () => {
  it('the demo centre publishes documents, fee and time, with national codes only where known', () => {
    const { procedures } = TestDesk.open().state.config;
    expect(procedures?.['khai-sinh']?.catalogueCode).toBe('1.001193');
    expect(procedures?.['ket-hon']?.catalogueCode).toBe('1.000894');
    expect(procedures?.['chung-thuc-ban-sao']?.catalogueCode).toBe('');
    expect(procedures?.['chung-thuc-ban-sao']?.fee).toMatch(/2\.000 đồng\/trang/);
  });

  it('an admin sets it per service; a kiosk may not; an unknown service is refused', () => {
    const desk = TestDesk.open();
    desk.run({ type: 'config.setProcedureInfo', serviceId: 'ho-kinh-doanh', info }, admin);
    expect(desk.state.config.procedures?.['ho-kinh-doanh']).toEqual(info);
    expect(desk.tryRun({ type: 'config.setProcedureInfo', serviceId: 'ho-kinh-doanh', info }, kiosk)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(desk.tryRun({ type: 'config.setProcedureInfo', serviceId: 'nope', info }, admin)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a catalogue code not in the national format', () => {
    for (const catalogueCode of ['1001193', 'HT01', '1.00119', '12.001193']) {
      const parsed = commandSchema.safeParse({
        type: 'config.setProcedureInfo',
        serviceId: 'khai-sinh',
        info: { ...info, catalogueCode },
      });
      expect(parsed.success, catalogueCode).toBe(false);
    }
  });

  it('goes with its service when the service is removed', () => {
    const desk = TestDesk.open();
    for (const counter of Object.values(desk.state.config.counters)) {
      desk.run({
        type: 'config.upsertCounter',
        counter: { ...counter, serviceIds: counter.serviceIds.filter((id) => id !== 'ho-kinh-doanh') },
      });
    }
    desk.run({ type: 'config.removeService', serviceId: 'ho-kinh-doanh' });
    expect(desk.state.config.procedures?.['ho-kinh-doanh']).toBeUndefined();
  });
});
