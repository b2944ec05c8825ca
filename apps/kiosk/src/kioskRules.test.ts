import { serviceRefusal } from '@motcua/core';
import { MINUTE, MONDAY_9AM, TestDesk } from '@motcua/core/testkit';
import { describe, expect, it } from 'vitest';
import { comeBackAt, refusalMessage } from './kioskMessages';
import { kioskFields, searchServices, servicesOfField } from './searchServices';

describe('search on the kiosk', () => {
  const state = TestDesk.open().state;

  it('finds land procedures when typed without diacritics', () => {
    const found = searchServices(state, 'dat dai').map((s) => s.id);
    expect(found).toEqual(['cap-gcn-qsdd', 'chuyen-nhuong-dat']);
    expect(searchServices(state, 'KHAI SINH').map((s) => s.id)).toEqual(['khai-sinh']);
    expect(searchServices(state, 'birth').map((s) => s.id)).toEqual(['khai-sinh']);
    expect(searchServices(state, '   ')).toEqual([]);
  });

  it('lists fields that have procedures, and the procedures of a field', () => {
    expect(kioskFields(state).map((f) => f.name.vi)[0]).toBe('Hộ tịch');
    expect(servicesOfField(state, 'ho-tich').map((s) => s.id)).toEqual(['khai-sinh', 'ket-hon']);
  });
});

describe('why a service gives no ticket', () => {
  it('says the daily cap is reached once the service issued its cap', () => {
    const desk = TestDesk.open();
    const service = desk.state.config.services['khai-sinh']!;
    desk.run({ type: 'config.upsertService', service: { ...service, dailyCap: 1 } });
    expect(serviceRefusal(desk.state, 'khai-sinh', desk.now)).toBeNull();
    desk.issue('khai-sinh');
    expect(serviceRefusal(desk.state, 'khai-sinh', desk.now)).toEqual({
      code: 'DAILY_CAP_REACHED',
      details: { dailyCap: 1 },
    });
  });

  it('says when to come back outside opening hours, and when a service is paused', () => {
    const desk = TestDesk.open({ alwaysOpen: false });
    const lunch = MONDAY_9AM + 3 * 60 * MINUTE; // 12:00 in Hà Nội
    expect(serviceRefusal(desk.state, 'khai-sinh', lunch)).toEqual({
      code: 'OUTSIDE_OPENING_HOURS',
      details: { nextOpening: '13:30' },
    });
    const service = desk.state.config.services['ket-hon']!;
    desk.run({ type: 'config.upsertService', service: { ...service, enabled: false } });
    expect(serviceRefusal(desk.state, 'ket-hon', MONDAY_9AM)?.code).toBe('SERVICE_CLOSED');
  });
});

describe('messages for citizens', () => {
  it('tells the citizen to come back on the next working day when tickets run out', () => {
    const message = refusalMessage({ code: 'DAILY_CAP_REACHED' });
    expect(message.title.vi).toBe('Đã hết số thứ tự hôm nay');
    expect(message.body.vi).toContain('Vui lòng quay lại vào ngày làm việc tiếp theo');
    expect(message.body.en).toContain('next working day');
  });

  it('gives the time to come back, today or on a later day', () => {
    expect(refusalMessage({ code: 'OUTSIDE_OPENING_HOURS', details: { nextOpening: '13:30' } }).body.vi).toBe(
      'Vui lòng quay lại lúc 13:30 hôm nay.',
    );
    expect(comeBackAt('2026-12-01 07:30')).toEqual({ vi: '07:30 ngày 01/12/2026', en: '07:30 on 01/12/2026' });
    expect(comeBackAt(null)).toBeNull();
  });

  it('says no ticket was issued while the hub is unreachable', () => {
    const message = refusalMessage({ code: 'TIMEOUT' });
    expect(message.title.vi).toBe('Hệ thống đang kết nối lại…');
    expect(message.body.vi).toContain('Chưa cấp số');
  });
});
