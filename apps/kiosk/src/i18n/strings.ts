import { localizedText, useCatalogue, type Catalogue, type TextValues } from '@motcua/ui';

/**
 * The kiosk's words, Vietnamese first and English second, in one place for a reviewer to read. Components take
 * them with `useKioskText()`; code outside React (refusals, print replies) with `kioskText()`. Words that come from
 * core (its error messages, the procedures' names) stay in core. `{name}` is filled in when shown.
 */
export const kioskStrings = {
  'app.deviceName': { vi: 'Máy lấy số', en: 'Kiosk' },
  'header.officeFallback': { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  'nav.back': { vi: 'Quay lại', en: 'Back' },
  'nav.backToStart': { vi: 'Về màn hình chính', en: 'Back to start' },
  'nav.returnIn': { vi: 'Tự động quay lại sau {seconds} giây', en: 'Returning in {seconds} s' },

  'home.welcome': { vi: 'Kính chào quý khách', en: 'Welcome' },
  'home.takeTicket': { vi: 'Lấy số thứ tự', en: 'Take a ticket' },
  'home.touchToStart': { vi: 'Chạm vào đây để bắt đầu', en: 'Touch here to start' },
  'home.checkIn': { vi: 'Đã đặt lịch hẹn? Quét mã tại đây', en: 'Booked online? Scan your code here' },
  'home.collectResult': {
    vi: 'Nhận kết quả hồ sơ: quét mã phiếu hẹn',
    en: 'Collect a result: scan your receipt',
  },
  'home.priorityHint': {
    vi: 'Người cao tuổi, người khuyết tật, phụ nữ mang thai được ưu tiên. Cần giúp đỡ, vui lòng hỏi cán bộ.',
    en: 'Elderly and disabled people and pregnant women are served first. Ask a staff member for help.',
  },

  'connection.reconnecting': { vi: 'Hệ thống đang kết nối lại…', en: 'Reconnecting to the system…' },
  'connection.pleaseWait': { vi: 'Vui lòng chờ trong giây lát.', en: 'Please wait a moment.' },
  'issuing.title': { vi: 'Đang lấy số thứ tự…', en: 'Getting your ticket…' },

  'fields.title': { vi: 'Chọn lĩnh vực', en: 'Choose a field' },
  'fields.search': { vi: 'Tìm thủ tục', en: 'Search procedures' },
  'fields.searchPlaceholder': { vi: 'Tìm thủ tục, ví dụ: dat dai, khai sinh', en: 'Search, e.g. land, birth' },
  'fields.nothingFound': {
    vi: 'Không tìm thấy thủ tục phù hợp. Vui lòng thử từ khác hoặc hỏi cán bộ.',
    en: 'No matching procedure. Try another word or ask a staff member.',
  },
  'fields.procedureCount.one': { vi: '{count} thủ tục', en: '{count} procedure' },
  'fields.procedureCount.many': { vi: '{count} thủ tục', en: '{count} procedures' },
  'services.choose': { vi: 'Chọn thủ tục cần làm', en: 'Choose your procedure' },
  'service.nobodyWaiting': { vi: 'Không có người chờ', en: 'Nobody waiting' },
  'service.waiting': {
    vi: '{waiting} người đang chờ · khoảng {minutes} phút',
    en: '{waiting} waiting · about {minutes} min',
  },
  'service.noCounterOpen': {
    vi: 'Hiện chưa có quầy tiếp nhận thủ tục này, vui lòng chờ hoặc hỏi cán bộ hướng dẫn',
    en: 'No counter is taking this procedure right now; please wait or ask a staff member',
  },

  'details.askPriority': { vi: 'Ông/Bà có thuộc đối tượng ưu tiên không?', en: 'Are you entitled to priority?' },
  'details.prepare': { vi: 'Chuẩn bị hồ sơ', en: 'Before you take a ticket' },
  'details.noPriority': { vi: 'Không ưu tiên', en: 'No priority' },
  'details.regularTicket': { vi: 'Lấy số thường', en: 'Regular ticket' },
  'details.priority': { vi: 'Ưu tiên', en: 'Priority' },
  'details.proofHint': {
    vi: 'Cán bộ có thể đề nghị xuất trình giấy tờ chứng minh khi gọi số.',
    en: 'Staff may ask for proof when your number is called.',
  },
  'procedure.documents': { vi: 'Giấy tờ cần mang theo', en: 'Documents to bring' },
  'procedure.fee': { vi: 'Phí, lệ phí', en: 'Fee' },
  'procedure.processingTime': { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  'procedure.code': { vi: 'Mã thủ tục', en: 'Procedure code' },

  'dossier.lookingUp': { vi: 'Đang tra cứu…', en: 'Looking up…' },
  'dossier.invalid': {
    vi: 'Mã hồ sơ chưa đúng. Vui lòng kiểm tra phiếu hẹn hoặc hỏi cán bộ.',
    en: 'That dossier code is not valid. Check the receipt or ask a staff member.',
  },
  'dossier.filed': {
    vi: 'Hồ sơ {code}: {procedure}, nộp ngày {day}.',
    en: 'Dossier {code}: {procedure}, filed {day}.',
  },
  'dossier.unknown': {
    vi: 'Hồ sơ {code}: chưa có trên hệ thống xếp hàng. Ông/Bà vẫn lấy số được, cán bộ sẽ tra cứu.',
    en: 'Dossier {code} is not in the queue system yet. You can still take a ticket.',
  },
  'dossier.placeholder': {
    vi: 'Quét mã trên phiếu hẹn trả kết quả hoặc nhập mã hồ sơ',
    en: 'Scan the code on your receipt or type the dossier code',
  },
  'dossier.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'dossier.lookUp': { vi: 'Tra cứu', en: 'Look up' },

  'keyboard.label': { vi: 'Bàn phím', en: 'Keyboard' },
  'keyboard.clear': { vi: 'Xóa hết', en: 'Clear' },
  'keyboard.space': { vi: 'Dấu cách', en: 'Space' },
  'keyboard.delete': { vi: 'Xóa', en: 'Delete' },

  'ticket.caption': { vi: 'Số thứ tự của Ông/Bà', en: 'Your ticket number' },
  'ticket.priority': { vi: 'Ưu tiên – {group}', en: 'Priority – {group}' },
  'ticket.ahead': { vi: 'Số người chờ trước Ông/Bà', en: 'People ahead of you' },
  'ticket.estimatedWait': { vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' },
  'ticket.underAMinute': { vi: 'dưới 1 phút', en: 'under 1 min' },
  'ticket.aboutMinutes': { vi: 'khoảng {minutes} phút', en: 'about {minutes} min' },
  'ticket.printing': { vi: 'Đang in vé, vui lòng chờ…', en: 'Printing your ticket, please wait…' },
  'ticket.printerBusy': {
    vi: 'Máy in đang in vé khác. Vé của Ông/Bà sẽ in sau {ahead} vé, vui lòng chờ…',
    en: 'The printer is busy. Your ticket prints after {ahead} more, please wait…',
  },
  'ticket.takeIt': { vi: 'Vui lòng nhận vé ở khe bên dưới.', en: 'Please take your ticket from the slot below.' },
  'ticket.staffTold': {
    vi: 'Cán bộ đã được thông báo. Hãy ghi nhớ số hoặc chụp ảnh mã QR trên màn hình.',
    en: 'Staff have been told. Remember your number or take a photo of the QR code on screen.',
  },
  'ticket.reprint': { vi: 'In lại vé', en: 'Print again' },
  'ticket.reprintLimit': {
    vi: 'Vé đã được in lại đủ số lần cho phép. Cần thêm bản in, vui lòng báo cán bộ.',
    en: 'This ticket has been reprinted as often as allowed. For another copy, please ask a staff member.',
  },
  'ticket.done': { vi: 'Xong', en: 'Done' },
  'ticket.preview': { vi: 'Vé số thứ tự (bản in)', en: 'The printed ticket' },

  'print.timeout': {
    vi: 'Máy in không phản hồi kịp thời, vui lòng báo cán bộ',
    en: 'The printer did not answer in time, please tell a staff member',
  },
  'print.noAnswer': {
    vi: 'Chưa nhận được kết quả in. Ông/Bà vui lòng xem khay giấy; nếu không có vé, vui lòng báo cán bộ',
    en: 'No print result yet. Please check the tray; if there is no ticket, tell a staff member',
  },
  'print.alert': { vi: 'Máy lấy số: {message}', en: 'Kiosk: {message}' },

  'refusal.askStaff': { vi: 'Vui lòng hỏi cán bộ hướng dẫn.', en: 'Please ask a staff member for help.' },
  'refusal.capReached': { vi: 'Đã hết số thứ tự hôm nay', en: 'No more tickets today' },
  'refusal.outsideHours': { vi: 'Ngoài giờ tiếp nhận hồ sơ', en: 'Outside opening hours' },
  'refusal.holiday': { vi: 'Hôm nay là ngày nghỉ', en: 'The office is closed today' },
  'refusal.dayClosed': { vi: 'Đã kết thúc ngày làm việc', en: 'The working day is over' },
  'refusal.noService': { vi: 'Hiện chưa tiếp nhận thủ tục nào', en: 'No procedure is taking tickets now' },
  'refusal.comeBackAt': { vi: 'Vui lòng quay lại lúc {when}.', en: 'Please come back at {when}.' },
  'refusal.comeBackInHours': {
    vi: 'Vui lòng quay lại trong giờ làm việc.',
    en: 'Please come back during opening hours.',
  },
  'refusal.serviceClosed': {
    vi: 'Thủ tục này đang tạm dừng tiếp nhận',
    en: 'This procedure is not taking tickets now',
  },
  'refusal.chooseAnother': {
    vi: 'Vui lòng chọn thủ tục khác hoặc hỏi cán bộ hướng dẫn.',
    en: 'Please choose another procedure or ask a staff member.',
  },
  'refusal.notIssuedRetry': {
    vi: 'Chưa cấp số thứ tự. Vui lòng thử lại sau giây lát.',
    en: 'No ticket was issued. Please try again in a moment.',
  },
  'refusal.waitAMoment': { vi: 'Vui lòng chờ giây lát', en: 'Please wait a moment' },
  'refusal.notIssuedFewSeconds': {
    vi: 'Chưa cấp số thứ tự. Vui lòng thử lại sau vài giây.',
    en: 'No ticket was issued. Please try again in a few seconds.',
  },
  'refusal.notIssued': { vi: 'Chưa lấy được số thứ tự', en: 'No ticket was issued' },
  'refusal.coreAndAskStaff': {
    vi: '{reason} Vui lòng hỏi cán bộ hướng dẫn.',
    en: '{reason} Please ask a staff member for help.',
  },
  'refusal.reopensAt': {
    vi: 'Bộ phận một cửa tiếp nhận lại lúc {when}. Kính mời Ông/Bà quay lại.',
    en: 'Tickets are issued again at {when}. Please come back then.',
  },
  'when.today': { vi: '{time} hôm nay', en: '{time} today' },
  'when.onDay': { vi: '{time} ngày {day}', en: '{time} on {day}' },

  'settings.title': { vi: 'Cài đặt máy lấy số', en: 'Kiosk settings' },
  'settings.invalid': { vi: 'Thông tin chưa hợp lệ.', en: 'Some values are not valid.' },
  'settings.hubUrl': {
    vi: 'Địa chỉ máy chủ (để trống để tự tìm trong mạng LAN)',
    en: 'Hub address (empty = find it on the LAN)',
  },
  'settings.printerUrl': { vi: 'Địa chỉ máy in', en: 'Printer address' },
  'settings.paperWidth': { vi: 'Khổ giấy', en: 'Paper width' },
  'settings.startAtLogin': { vi: 'Tự khởi động cùng máy tính', en: 'Start at login' },
  'settings.adminPin': { vi: 'Mã PIN quản trị', en: 'Admin PIN' },
  'settings.cancel': { vi: 'Hủy', en: 'Cancel' },
  'settings.save': { vi: 'Lưu', en: 'Save' },
  'settings.firstPin.title': { vi: 'Đặt mã PIN cài đặt', en: 'Set the settings PIN' },
  'settings.firstPin.lead': {
    vi: 'Máy lấy số chưa có mã PIN cài đặt. Cán bộ lắp đặt vui lòng đặt mã PIN (4–12 chữ số) và giữ kín.',
    en: 'This kiosk has no settings PIN yet. Whoever installs it sets one (4–12 digits) and keeps it private.',
  },
  'settings.firstPin.pin': { vi: 'Mã PIN mới', en: 'New PIN' },
  'settings.firstPin.again': { vi: 'Nhập lại mã PIN', en: 'PIN again' },
  'settings.firstPin.save': { vi: 'Lưu mã PIN', en: 'Save the PIN' },

  'idCard.readFailed': {
    vi: 'Chưa đọc được thẻ căn cước. Vui lòng đặt lại thẻ lên đầu đọc, hoặc hỏi cán bộ.',
    en: 'The ID card could not be read. Please place it on the reader again, or ask a staff member.',
  },
  'idCard.qrUnreadable': {
    vi: 'Mã QR trên thẻ căn cước chưa đọc được. Vui lòng quét lại, hoặc lấy số như bình thường.',
    en: 'The QR code on the ID card could not be read. Please scan again, or take a ticket as usual.',
  },
  'idCard.cardRead': { vi: 'Đã đọc thẻ căn cước.', en: 'ID card read.' },
  'idCard.ageProposal': {
    vi: 'Ông/Bà từ {age} tuổi trở lên được ưu tiên ({group}). Vui lòng xác nhận khi lấy số.',
    en: 'Citizens aged {age} or over are served first ({group}). Please confirm when you take your ticket.',
  },
  'idCard.confirmAgePriority': { vi: 'Xác nhận lấy số ưu tiên', en: 'Confirm a priority ticket' },
  'idCard.notMe': { vi: 'Không phải tôi', en: 'Not me' },
} as const satisfies Catalogue;

export type KioskStringKey = keyof typeof kioskStrings;

/** The kiosk's words in the language picked on screen. */
export function useKioskText(): (key: KioskStringKey, values?: TextValues) => string {
  return useCatalogue(kioskStrings);
}

/** One of the kiosk's texts in both languages, filled, for code that hands a LocalizedName on. */
export function kioskText(key: KioskStringKey, values?: TextValues) {
  return localizedText(kioskStrings[key], values);
}
