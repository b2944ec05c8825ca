import type { Catalogue } from './catalogue.js';

/**
 * The words of the components every app shares (connection banner, pairing screen, language switch, date box, booking
 * check-in), Vietnamese first and English second, in one place for a reviewer to read. A value that changes is a
 * `{name}` place, filled when shown.
 */
export const uiStrings = {
  'connection.reconnecting': { vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' },
  'pairing.title': { vi: 'Thiết bị chờ được duyệt', en: 'This device waits for approval' },
  'pairing.hint': {
    vi: 'Quản trị viên nhập mã sau tại trang Quản trị › Thiết bị:',
    en: 'An administrator enters this code in Admin › Devices:',
  },

  // The switch names each language in its own words, so both are always shown as written here.
  'language.switch': { vi: 'Ngôn ngữ', en: 'Language' },
  'language.vi': { vi: 'Tiếng Việt', en: 'Vietnamese' },
  'language.en': { vi: 'Tiếng Anh', en: 'English' },

  // The browser shows a box's validity message as one text, so the date box gives both languages at once.
  'day.invalid': { vi: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 03/12/2026', en: 'Enter the date as dd/mm/yyyy' },

  'checkIn.title': { vi: 'Lấy số theo lịch hẹn trực tuyến', en: 'Check in for an online booking' },
  'checkIn.hint': {
    vi: 'Đưa mã QR đặt lịch vào máy quét, hoặc nhập mã đặt lịch gồm 8 ký tự.',
    en: 'Hold your booking QR code to the scanner, or type the 8-character booking code.',
  },
  'checkIn.code': { vi: 'Mã đặt lịch', en: 'Booking code' },
  'checkIn.erase': { vi: 'Xóa', en: 'Delete' },
  'checkIn.back': { vi: 'Quay lại', en: 'Back' },
  'checkIn.checking': { vi: 'Đang kiểm tra…', en: 'Checking…' },
  'checkIn.submit': { vi: 'Lấy số', en: 'Get my ticket' },
  'checkIn.badCode': {
    vi: 'Mã đặt lịch gồm 8 ký tự (chữ và số). Vui lòng kiểm tra lại.',
    en: 'A booking code has 8 letters and digits. Please check it.',
  },
  'checkIn.offline': {
    vi: 'Máy lấy số đang mất kết nối. Vui lòng thử lại hoặc báo cán bộ.',
    en: 'The kiosk is offline. Please try again or tell a staff member.',
  },
  'checkIn.onTime': {
    vi: 'Ông/Bà được xếp theo giờ hẹn {slot}. Số của Ông/Bà: {label}.',
    en: 'You are queued at your booked time {slot}. Your number: {label}.',
  },
  'checkIn.late': {
    vi: 'Ông/Bà đến muộn so với giờ hẹn {slot}, nên được xếp như người đến trực tiếp. Số của Ông/Bà: {label}.',
    en: 'You are late for your {slot} booking, so you are queued like a walk-in. Your number: {label}.',
  },
  'checkIn.tooEarly': {
    vi: 'Ông/Bà đến sớm so với giờ hẹn {slot}. Vui lòng quét lại mã từ {checkInFrom}, hoặc lấy số thường.',
    en: 'You are early for your {slot} booking. Please scan again from {checkInFrom}, or take a regular ticket.',
  },
  'checkIn.notToday': {
    vi: 'Lịch hẹn của Ông/Bà là ngày {day} lúc {slot}. Vui lòng quay lại đúng ngày hẹn, hoặc lấy số thường.',
    en: 'Your booking is for {day} at {slot}. Please come back that day, or take a regular ticket.',
  },
} satisfies Catalogue;

export type UiTextKey = keyof typeof uiStrings;
