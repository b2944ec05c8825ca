import { describe, expect, it } from 'vitest';
import { TestDesk } from './testkit.js';

/** Issue 17 item 4: the demo office as a ward's centre after the 2025 reorganisation. */
describe('the demo office', () => {
  const { config } = TestDesk.open().state;
  const fieldName = (serviceId: string) => config.fields[config.services[serviceId]!.fieldId]!.name.vi;
  const everyName = [
    config.office.name,
    ...Object.values(config.fields).map((f) => f.name.vi),
    ...Object.values(config.services).map((s) => s.name.vi),
    ...Object.values(config.counters).map((c) => c.name.vi),
  ];

  it('is a ward’s Trung tâm Phục vụ hành chính công', () => {
    expect(config.office.name).toMatch(/^Trung tâm Phục vụ hành chính công (phường|xã) /);
    expect(config.office.nameEn).toMatch(/Public Administrative Service Centre/);
  });

  it('names fields after the ministries that own them since 2025: people with merit under Nội vụ', () => {
    expect(fieldName('nguoi-co-cong')).toMatch(/^Nội vụ/);
    expect(fieldName('tro-cap-xa-hoi')).toMatch(/^Y tế/);
    for (const name of everyName) {
      expect(name).not.toMatch(/Lao động\s*[–-]\s*Thương binh|LĐTBXH|Thương binh và Xã hội/);
      // Citizens and clerks read "Thủ tục", never "Dịch vụ".
      expect(name).not.toMatch(/Dịch vụ/);
    }
  });

  it('gives procedure codes in the national catalogue’s format where known, and none made up', () => {
    const codes = Object.values(config.procedures ?? {}).map((p) => p.catalogueCode);
    expect(codes.filter((code) => code !== '').length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^$|^\d\.\d{6}$/);
    // Every enabled procedure has its papers, fee or time for the kiosk.
    for (const [id, service] of Object.entries(config.services)) {
      if (service.enabled) expect(config.procedures?.[id]?.documents.length, id).toBeGreaterThan(0);
    }
  });
});
