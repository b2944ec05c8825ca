import { localizedText, useCatalogue, type Catalogue, type TextValues } from '@motcua/ui';

/**
 * The citizen's words (online booking, the ticket's live status page /t/… and the check-in station), Vietnamese first
 * and English second, in one place for a reviewer to read. Components take them with `useCitizenText()`; code outside
 * React with `citizenStrings` / `citizenText()`. Words that come from core or the hub (error messages, the office's
 * and procedures' names) stay there. `{name}` is filled in when shown.
 */
export const citizenStrings = {
  'page.officeFallback': { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },

  'booking.booked': { vi: 'Đã đặt lịch', en: 'Booked' },
  'booking.checkedIn': { vi: 'Đã lấy số', en: 'Checked in' },
  'booking.cancelled': { vi: 'Đã hủy', en: 'Cancelled' },
  'booking.missed': { vi: 'Đã quá giờ hẹn', en: 'Missed' },
  'booking.bookingCode': { vi: 'Mã đặt lịch', en: 'Booking code' },
  'booking.bookingQrCode': { vi: 'Mã QR đặt lịch', en: 'Booking QR code' },
  'booking.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'booking.day': { vi: 'Ngày', en: 'Day' },
  'booking.time': { vi: 'Giờ hẹn', en: 'Time' },
  'booking.yesCancelIt': { vi: 'Xác nhận hủy lịch', en: 'Yes, cancel it' },
  'booking.keepIt': { vi: 'Không hủy', en: 'Keep it' },
  'booking.cancelBooking': { vi: 'Hủy lịch hẹn', en: 'Cancel booking' },
  'booking.findPrompt': {
    vi: 'Đã có mã đặt lịch? Tra cứu hoặc hủy:',
    en: 'Have a booking code? Look it up or cancel:',
  },
  'booking.lookUp': { vi: 'Tra cứu', en: 'Look up' },
  'booking.title': { vi: 'Đặt lịch hẹn trực tuyến', en: 'Book a time online' },
  'booking.bookAnotherTime': { vi: 'Đặt lịch khác', en: 'Book another time' },
  'booking.intro': {
    vi: 'Chọn thủ tục, ngày và giờ. Khi đến, quét mã tại máy lấy số để được gọi theo giờ hẹn, không phải chờ lâu.',
    en: 'Choose a procedure, a day and a time. When you arrive, scan your code at the kiosk to be called at your time.',
  },
  'booking.closed': {
    vi: 'Hiện chưa nhận đặt lịch trực tuyến. Vui lòng đến lấy số tại bộ phận một cửa.',
    en: 'Online booking is not open. Please take a ticket at the desk.',
  },
  'booking.timeStep': { vi: 'Giờ', en: 'Time' },
  'booking.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'booking.full': { vi: 'đã đủ', en: 'full' },
  'booking.noTimeLeftOn': {
    vi: 'Ngày này đã hết chỗ. Vui lòng chọn ngày khác.',
    en: 'No time left on this day. Please choose another day.',
  },
  'booking.contactOptional': { vi: 'Liên hệ (không bắt buộc)', en: 'Contact (optional)' },
  'booking.onlyUsedToMessage': {
    vi: 'Chỉ dùng để nhắn tin khi sắp đến lượt, nếu cơ quan có gửi tin nhắn. Được xóa sau ngày hẹn.',
    en: 'Only used to message you when your turn is near, if the office has a messaging service. Deleted after the day.',
  },
  'booking.name': { vi: 'Họ tên', en: 'Name' },
  'booking.phone': { vi: 'Số điện thoại', en: 'Phone' },
  'booking.booking': { vi: 'Đang đặt…', en: 'Booking…' },
  'booking.checkInHint': {
    vi: 'Khi đến {office}, quét mã QR này (hoặc nhập mã) tại máy lấy số từ {from} đến {until} để được gọi theo giờ hẹn. Đến muộn hơn, Ông/Bà vẫn được lấy số nhưng xếp như người đến trực tiếp.',
    en: 'At {office}, scan this QR code (or type the code) at the ticket kiosk between {from} and {until} to be called at your booked time. Later, you still get a ticket, queued like a walk-in.',
  },
  'booking.slotsLeft': { vi: 'còn {left}', en: '{left} left' },
  'booking.submit': { vi: 'Đặt lịch {slot}, {day}', en: 'Book {slot}, {day}' },

  'status.youAreNext': { vi: 'Ông/Bà là người tiếp theo', en: 'You are next' },
  'status.pleaseWatchTheScreen': {
    vi: 'Vui lòng chú ý màn hình và loa gọi số.',
    en: 'Please watch the screen and listen for your number.',
  },
  'status.noCounterServesThis': {
    vi: 'Hiện chưa có quầy nào mở cho thủ tục này; thời gian chờ có thể lâu hơn.',
    en: 'No counter serves this procedure right now; the wait may be longer.',
  },
  'status.parked': { vi: 'Hồ sơ đang tạm dừng – cán bộ sẽ gọi lại', en: 'Your file is on hold' },
  'status.theClerkWillCall': {
    vi: 'Cán bộ sẽ gọi lại Ông/Bà, vui lòng chờ.',
    en: 'The clerk will call you again; please wait.',
  },
  'status.done': { vi: 'Đã hoàn thành', en: 'Done' },
  'status.thanks': { vi: 'Cảm ơn Ông/Bà đã đến làm thủ tục.', en: 'Thank you for visiting.' },
  'status.youWereSkipped': {
    vi: 'Số của Ông/Bà đã qua lượt (vắng mặt khi được gọi)',
    en: 'You were skipped',
  },
  'status.yourNumberWasCalled': {
    vi: 'Số của Ông/Bà đã được gọi nhưng Ông/Bà không có mặt. Vui lòng gặp cán bộ tại quầy để được xếp lại.',
    en: 'Your number was called but you were not there. Please see a clerk to be queued again.',
  },
  'status.ended': { vi: 'Số thứ tự đã hết hiệu lực', en: 'This ticket is no longer valid' },
  'status.pleaseTakeANew': {
    vi: 'Vui lòng lấy số mới tại máy lấy số.',
    en: 'Please take a new ticket at the kiosk.',
  },
  'status.invalidLink': { vi: 'Liên kết không hợp lệ', en: 'Invalid link' },
  'status.thisLinkIsWrong': {
    vi: 'Liên kết này không đúng hoặc đã hết hạn. Vui lòng quét lại mã QR trên phiếu của Ông/Bà.',
    en: 'This link is wrong or has expired. Please scan the QR code on your ticket again.',
  },
  'status.live': { vi: '● Đang cập nhật trực tiếp', en: '● Live' },
  'status.offline': { vi: 'Mất kết nối, đang thử lại…', en: 'Connection lost, retrying…' },
  'status.ahead': { vi: 'Còn {ahead} người trước Ông/Bà', en: '{ahead} ahead of you' },
  'status.position': { vi: 'Vị trí của Ông/Bà: thứ {position}', en: 'Your position: {position}' },
  'status.estimatedWait': {
    vi: 'Thời gian chờ dự kiến: khoảng {minutes} phút',
    en: 'Estimated wait: about {minutes} min',
  },
  'status.goToCounter': { vi: 'Mời Ông/Bà đến quầy {counter}', en: 'Please go to counter {counter}' },

  'station.yourNumber': { vi: 'Số thứ tự của Ông/Bà', en: 'Your number' },
  'station.scanToFollowYour': {
    vi: 'Quét mã để theo dõi lượt của Ông/Bà trên điện thoại.',
    en: 'Scan to follow your turn on your phone.',
  },
  'station.done': { vi: 'Xong', en: 'Done' },
  'station.aheadAndWait': {
    vi: 'Còn {ahead} người trước Ông/Bà · chờ khoảng {minutes} phút',
    en: '{ahead} ahead of you · about {minutes} min',
  },
  'station.deviceName': { vi: 'Trạm check-in lịch hẹn', en: 'Booking check-in station' },

  'api.offline': {
    vi: 'Không kết nối được với hệ thống. Vui lòng kiểm tra mạng và thử lại.',
    en: 'Cannot reach the office system. Please check your connection and try again.',
  },

  'date.day': { vi: '{weekday}, {date}', en: '{weekday} {date}' },

  'weekday.1': { vi: 'Thứ Hai', en: 'Monday' },
  'weekday.2': { vi: 'Thứ Ba', en: 'Tuesday' },
  'weekday.3': { vi: 'Thứ Tư', en: 'Wednesday' },
  'weekday.4': { vi: 'Thứ Năm', en: 'Thursday' },
  'weekday.5': { vi: 'Thứ Sáu', en: 'Friday' },
  'weekday.6': { vi: 'Thứ Bảy', en: 'Saturday' },
  'weekday.7': { vi: 'Chủ nhật', en: 'Sunday' },
} as const satisfies Catalogue;

export type CitizenStringKey = keyof typeof citizenStrings;

/** The words in the language picked on screen. */
export function useCitizenText(): (key: CitizenStringKey, values?: TextValues) => string {
  return useCatalogue(citizenStrings);
}

/** One text in both languages, filled, for code that hands a LocalizedName on. */
export function citizenText(key: CitizenStringKey, values?: TextValues) {
  return localizedText(citizenStrings[key], values);
}
