import { localizedText, useCatalogue, type Catalogue, type TextValues } from '@motcua/ui';

/**
 * The counter app's words (the clerk's counter screen, its compact bar and the rating pad), Vietnamese first and
 * English second, in one place for a reviewer to read. Components take them with `useCounterText()`; code outside
 * React (desk notices, why a button is disabled) with `counterText()`. Words that come from core (its error
 * messages, the procedures' names) stay in core. `{name}` is filled in when shown.
 */
export const counterStrings = {
  'device.counter': { vi: 'Máy tính quầy', en: 'Counter PC' },
  'device.ratingPad': { vi: 'Máy đánh giá', en: 'Rating pad' },
  'device.counterNumber': { vi: 'Quầy {number}', en: 'Counter {number}' },
  'device.ratingPadOf': { vi: 'Đánh giá {counter}', en: 'Rating {counter}' },

  'signIn.connecting': { vi: 'Đang kết nối tới máy chủ…', en: 'Connecting to the hub…' },
  'signIn.useMainWindow': { vi: 'Đăng nhập ở cửa sổ chính của quầy.', en: 'Sign in in the main counter window.' },
  'signIn.notAClerk': {
    vi: 'Tài khoản này không phải cán bộ quầy.',
    en: 'This account is not a counter clerk.',
  },
  'signIn.title': { vi: 'Đăng nhập quầy giao dịch', en: 'Counter sign-in' },
  'signIn.counter': { vi: 'Quầy', en: 'Counter' },
  'signIn.deviceBound': { vi: '(máy gắn với quầy này)', en: '(this device is bound to it)' },
  'signIn.username': { vi: 'Tên đăng nhập', en: 'Username' },
  'signIn.pin': { vi: 'Mã PIN', en: 'PIN' },
  'signIn.moveHere': { vi: 'Chuyển sang quầy này', en: 'Move to this counter' },
  'signIn.cancel': { vi: 'Hủy', en: 'Cancel' },
  'signIn.signingIn': { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  'signIn.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'signIn.shiftNote': {
    vi: 'Số đang phục vụ được giữ nguyên khi đổi ca: cán bộ ca sau đăng nhập là tiếp tục được.',
    en: 'The current ticket stays when shifts change: the next clerk signs in and carries on.',
  },
  'signIn.startAtLogin': {
    vi: 'Mở phần mềm quầy khi đăng nhập máy tính',
    en: 'Open the counter app when this PC starts',
  },
  'signIn.moveConfirm': {
    vi: 'Ông/Bà đang làm việc tại Quầy {counter}. Chuyển sang quầy này? Quầy {counter} sẽ đóng.',
    en: 'You are working at counter {counter}. Move to this counter? Counter {counter} will close.',
  },

  'deskHeader.clerk': { vi: 'Cán bộ', en: 'Clerk' },
  'deskHeader.open': { vi: 'Đang làm việc', en: 'Open' },
  'deskHeader.paused': { vi: 'Tạm nghỉ', en: 'Paused' },
  'deskHeader.closed': { vi: 'Đóng', en: 'Closed' },
  'deskHeader.compactBar': { vi: 'Thu gọn', en: 'Compact bar' },
  'deskHeader.signOutHint': {
    vi: 'Đăng xuất hoặc đổi ca. Số đang phục vụ vẫn được giữ ở quầy.',
    en: 'Sign out or change shift. The current ticket stays at the counter.',
  },
  'deskHeader.signOut': { vi: 'Đăng xuất / Đổi ca', en: 'Sign out / Shift change' },

  'desk.paused': { vi: 'Quầy đang tạm nghỉ', en: 'The counter is paused' },
  'desk.pausedHint': {
    vi: 'Bấm "Làm việc tiếp" (phím P) để nhận công dân.',
    en: 'Press "Resume work" (key P) to take citizens.',
  },
  'desk.currentTicket': { vi: 'Số đang phục vụ', en: 'Current ticket' },
  'desk.noticeOk': { vi: 'Đã hiểu', en: 'OK' },
  'desk.waitingList': { vi: 'Hàng chờ', en: 'Waiting list' },
  'desk.onHold': { vi: 'Đang tạm giữ', en: 'On hold' },
  'desk.noShows': {
    vi: 'Vắng mặt (phím Q đưa số mới nhất trở lại)',
    en: 'No-shows (key Q returns the latest)',
  },
  'desk.keepPlace': { vi: 'Giữ thứ tự', en: 'Keep place' },
  'desk.toFront': { vi: 'Lên đầu', en: 'To front' },
  'desk.clerkMoved': {
    vi: 'Cán bộ đã chuyển sang Quầy {counter}. Quầy này đã đóng.',
    en: 'The clerk moved to counter {counter}. This counter is closed.',
  },

  'currentTicket.none': { vi: 'Không có số đang phục vụ', en: 'No ticket at the counter' },
  'currentTicket.noneYet': { vi: 'Chưa gọi số nào', en: 'No ticket called yet' },
  'currentTicket.callNextHint': {
    vi: 'Bấm "Gọi số tiếp" (phím N) để mời công dân',
    en: 'Press "Call next" (key N) to call a citizen',
  },
  'currentTicket.recalled': { vi: 'đã gọi lại', en: 'recalled' },
  'currentTicket.serving': { vi: 'Đang phục vụ số {label}', en: 'Serving {label}' },
  'currentTicket.inviting': { vi: 'Đang mời số {label}', en: 'Calling {label}' },

  'action.callNext': { vi: 'Gọi số tiếp', en: 'Call next' },
  'action.recall': { vi: 'Gọi lại', en: 'Recall' },
  'action.startServing': { vi: 'Bắt đầu', en: 'Start serving' },
  'action.finish': { vi: 'Hoàn thành', en: 'Finish' },
  'action.noShow': { vi: 'Vắng mặt', en: 'No-show' },
  'action.transfer': { vi: 'Chuyển', en: 'Transfer' },
  'action.putOnHold': { vi: 'Tạm giữ', en: 'Put on hold' },
  'action.resume': { vi: 'Tiếp tục', en: 'Resume' },
  'action.backToQueue': { vi: 'Quay lại hàng chờ', en: 'Back to queue' },
  'action.pauseCounter': { vi: 'Tạm nghỉ', en: 'Pause counter' },
  'action.resumeWork': { vi: 'Làm việc tiếp', en: 'Resume work' },
  'action.alreadyOpen': { vi: 'Quầy đang làm việc', en: 'The counter is already open' },
  'action.offline': { vi: 'Mất kết nối với máy chủ, đang kết nối lại…', en: 'No connection to the hub; reconnecting…' },
  'action.noCurrentTicket': { vi: 'Chưa có số nào đang được gọi', en: 'No ticket is being served' },
  'action.nothingOnHold': { vi: 'Không có số nào đang tạm giữ', en: 'No ticket is on hold' },
  'action.noNoShow': { vi: 'Không có số vắng mặt nào', en: 'No no-show ticket to return' },

  'notice.paused': { vi: 'Quầy tạm nghỉ', en: 'Counter paused' },
  'notice.reopened': { vi: 'Quầy làm việc tiếp', en: 'Counter back at work' },
  'notice.called': { vi: 'Đã gọi số {label}', en: 'Called {label}' },
  'notice.recalled': { vi: 'Đã gọi lại số {label}', en: 'Called {label} again' },
  'notice.finished': { vi: 'Đã hoàn thành số {label}', en: 'Finished {label}' },
  'notice.noShow': { vi: 'Số {label} vắng mặt', en: '{label} marked no-show' },
  'notice.parked': { vi: 'Đã tạm giữ số {label}', en: '{label} on hold' },
  'notice.backInQueue': { vi: 'Số {label} đã trở lại hàng chờ', en: '{label} is back in the queue' },
  'notice.transferred': { vi: 'Đã chuyển số {label}', en: 'Transferred {label}' },
  'notice.dossierLinked': { vi: 'Đã gắn mã hồ sơ {code} với số {label}', en: 'Dossier {code} linked to {label}' },

  'arrival.title': { vi: 'Có công dân đang chờ', en: 'A citizen is waiting' },
  'arrival.waiting': { vi: '{waiting} người đang chờ tại quầy này', en: '{waiting} waiting for this counter' },

  'dossier.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'dossier.placeholder': {
    vi: 'Quét phiếu hẹn hoặc nhập mã, Enter',
    en: 'Scan the receipt or type the code, Enter',
  },
  'dossier.callFirst': { vi: 'Gọi số trước rồi quét mã hồ sơ', en: 'Call a ticket, then scan its dossier' },
  'dossier.link': { vi: 'Gắn mã', en: 'Link' },
  'dossier.invalid': {
    vi: 'Mã hồ sơ chỉ gồm chữ, số và . _ / - (3–64 ký tự). Vui lòng kiểm tra lại.',
    en: 'A dossier code has letters, digits and . _ / - (3–64 characters). Please check it.',
  },
  'dossier.scannedWithoutTicket': {
    vi: 'Đã quét mã {code} nhưng chưa có số đang phục vụ: gọi số trước rồi quét lại.',
    en: 'Scanned {code} but no ticket is being served: call one, then scan again.',
  },

  'waitingList.keysHint': {
    vi: '↑↓ chọn · Enter gọi số đã chọn',
    en: '↑↓ select · Enter calls the selected ticket',
  },
  'waitingList.empty': { vi: 'Chưa có ai chờ.', en: 'Nobody is waiting.' },
  'waitingList.priority': { vi: 'Ưu tiên', en: 'Priority' },
  'waitingList.sentHere': { vi: 'Chuyển đến quầy', en: 'Sent here' },
  'waitingList.call': { vi: 'Gọi', en: 'Call' },

  'serviceSummaries.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'serviceSummaries.waiting': { vi: 'Đang chờ', en: 'Waiting' },
  'serviceSummaries.longestWait': { vi: 'Chờ lâu nhất', en: 'Longest wait' },
  'serviceSummaries.min': { vi: 'phút', en: 'min' },

  'clerkFigures.servedToday': { vi: 'Đã phục vụ hôm nay', en: 'Served today' },
  'clerkFigures.noShows': { vi: 'Vắng mặt', en: 'No-shows' },
  'clerkFigures.meanServiceTime': { vi: 'Thời gian phục vụ TB', en: 'Mean service time' },

  'pause.shortBreak': { vi: 'Nghỉ giữa giờ', en: 'Short break' },
  'pause.meeting': { vi: 'Họp', en: 'Meeting' },
  'pause.pendingFiles': { vi: 'Xử lý hồ sơ tồn', en: 'Working on pending files' },
  'pause.helping': { vi: 'Hỗ trợ quầy khác', en: 'Helping another counter' },
  'pause.title': { vi: 'Tạm nghỉ quầy', en: 'Pause the counter' },
  'pause.reason': { vi: 'Lý do', en: 'Reason' },
  'pause.cancel': { vi: 'Hủy (Esc)', en: 'Cancel (Esc)' },
  'pause.submit': { vi: 'Tạm nghỉ', en: 'Pause' },

  'transfer.title': { vi: 'Chuyển số', en: 'Transfer ticket' },
  'transfer.to': { vi: 'Chuyển đến', en: 'Transfer to' },
  'transfer.anotherProcedure': { vi: 'Thủ tục khác', en: 'Another procedure' },
  'transfer.anotherCounter': { vi: 'Quầy khác', en: 'Another counter' },
  'transfer.place': { vi: 'Vị trí trong hàng chờ', en: 'Place in the queue' },
  'transfer.keepPlace': { vi: 'Giữ thứ tự theo giờ lấy số', en: 'Keep its place (by issue time)' },
  'transfer.toFront': { vi: 'Lên đầu hàng chờ', en: 'To the front of the queue' },
  'transfer.submit': { vi: 'Chuyển (Enter)', en: 'Transfer (Enter)' },

  'compactBar.paused': { vi: 'Quầy đang tạm nghỉ', en: 'Paused' },
  'compactBar.waiting': { vi: 'Chờ', en: 'Waiting' },
  'compactBar.next': { vi: 'Gọi tiếp', en: 'Next' },
  'compactBar.done': { vi: 'Xong', en: 'Done' },
  'compactBar.absent': { vi: 'Vắng', en: 'Absent' },
  'compactBar.openFullWindow': { vi: 'Mở cửa sổ đầy đủ', en: 'Open the full window' },

  'rating.connecting': { vi: 'Đang kết nối…', en: 'Connecting…' },
  'rating.unbound': { vi: 'Máy đánh giá chưa được gắn với quầy', en: 'This rating pad has no counter yet' },
  'rating.unboundHint': {
    vi: 'Quản trị viên gắn quầy tại Quản trị › Thiết bị, hoặc mở một trong các địa chỉ sau:',
    en: 'An administrator binds it in Admin › Devices, or open one of these addresses:',
  },
  'rating.thanks': { vi: 'Cảm ơn Ông/Bà đã đánh giá!', en: 'Thank you for your feedback!' },
  'rating.thanksNote': {
    vi: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.',
    en: 'It helps us serve you better.',
  },
  'rating.idle': {
    vi: 'Sau khi được phục vụ, mời Ông/Bà đánh giá mức độ hài lòng tại đây.',
    en: 'After you are served, please rate our service here.',
  },
  'rating.servedBy': { vi: 'Cán bộ', en: 'Served by' },
  'rating.ticket': { vi: 'Số', en: 'Ticket' },
  'rating.question': {
    vi: 'Ông/Bà có hài lòng với sự phục vụ?',
    en: 'How satisfied are you with our service?',
  },
  'rating.recorded': { vi: 'Đã ghi nhận đánh giá', en: 'Your rating is recorded' },
  'rating.whyRequired': {
    vi: 'Xin Ông/Bà cho biết lý do chưa hài lòng',
    en: 'Please tell us why you are not satisfied',
  },
  'rating.whyOptional': { vi: 'Điều gì chúng tôi cần cải thiện?', en: 'What should we improve?' },
  'rating.required': { vi: '(bắt buộc)', en: '(required)' },
  'rating.optional': { vi: '(không bắt buộc)', en: '(optional)' },
  'rating.otherReason': { vi: 'Lý do khác (Ông/Bà tự ghi)', en: 'Other reason (in your own words)' },
  'rating.back': { vi: 'Chọn lại', en: 'Back' },
  'rating.send': { vi: 'Gửi góp ý', en: 'Send' },
  'rating.sendHint': { vi: 'Chọn hoặc ghi lý do để gửi', en: 'Choose or write a reason to send' },
} as const satisfies Catalogue;

export type CounterStringKey = keyof typeof counterStrings;

/** The words in the language picked on screen. */
export function useCounterText(): (key: CounterStringKey, values?: TextValues) => string {
  return useCatalogue(counterStrings);
}

/** One text in both languages, filled, for code that hands a LocalizedName on. */
export function counterText(key: CounterStringKey, values?: TextValues) {
  return localizedText(counterStrings[key], values);
}
