import type { TicketDocument } from './types.js';

/** A realistic ticket for previews, the CLI test print and benchmarks. */
export function sampleTicket(overrides: Partial<TicketDocument> = {}): TicketDocument {
  return {
    officeName: 'UBND thị xã Hoàng Mai – Bộ phận một cửa',
    serviceNameVi: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    serviceNameEn: 'Certified copies from originals',
    label: 'A023',
    priorityLabel: 'Ưu tiên – Người cao tuổi',
    issuedAt: Date.UTC(2026, 10, 28, 1, 15),
    timeZone: 'Asia/Ho_Chi_Minh',
    peopleAhead: 12,
    etaMinutes: 25,
    qrContent: 'http://192.168.1.10:8080/t/2026-11-28/A023?k=8f3a1c',
    ...overrides,
  };
}
