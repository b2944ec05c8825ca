/** The kiosk's words about the ID card, Vietnamese first (to move into the kiosk's catalogue once it exists). */
export const idCardText = {
  readFailed: {
    vi: 'Chưa đọc được thẻ căn cước. Vui lòng đặt lại thẻ lên đầu đọc, hoặc hỏi cán bộ.',
    en: 'The ID card could not be read. Please place it on the reader again, or ask a staff member.',
  },
  qrUnreadable: {
    vi: 'Mã QR trên thẻ căn cước chưa đọc được. Vui lòng quét lại, hoặc lấy số như bình thường.',
    en: 'The QR code on the ID card could not be read. Please scan again, or take a ticket as usual.',
  },
  cardRead: { vi: 'Đã đọc thẻ căn cước.', en: 'ID card read.' },
  ageProposal: (age: number, group: { vi: string; en: string }) => ({
    vi: `Ông/Bà từ ${age} tuổi trở lên được ưu tiên (${group.vi}). Vui lòng xác nhận khi lấy số.`,
    en: `Citizens aged ${age} or over are served first (${group.en}). Please confirm when you take your ticket.`,
  }),
  confirmAgePriority: { vi: 'Xác nhận lấy số ưu tiên', en: 'Confirm a priority ticket' },
  notMe: { vi: 'Không phải tôi', en: 'Not me' },
} as const;
