import type { LocalizedName } from '@motcua/core';
import { fillText, useCatalogue, type TextValues } from '@motcua/ui';

/**
 * The admin app's words, Vietnamese first and English second, in one place for a reviewer to read. Screens take them
 * with `useAdminText()` (the language the admin picked) or, in validation rules built outside React, `.vi`.
 * Moved here so far: the configuration page's tabs, the kiosk and status-link settings, and the devices list's fixed
 * words (sentences that carry a device's name are still written in DevicesSection).
 */
export const adminStrings = {
  'config.title': { vi: 'Cấu hình', en: 'Configuration' },
  'config.tab.office': { vi: 'Cơ quan', en: 'Office' },
  'config.tab.services': { vi: 'Lĩnh vực & thủ tục', en: 'Fields & procedures' },
  'config.tab.counters': { vi: 'Quầy', en: 'Counters' },
  'config.tab.users': { vi: 'Tài khoản', en: 'Accounts' },
  'config.tab.devices': { vi: 'Thiết bị', en: 'Devices' },
  'config.tab.kiosk': { vi: 'Máy lấy số & vé', en: 'Kiosk & tickets' },
  'config.tab.printers': { vi: 'Máy in', en: 'Printers' },
  'config.tab.priority': { vi: 'Ưu tiên', en: 'Priority' },
  'config.tab.display': { vi: 'Màn hình & giọng đọc', en: 'Display & voice' },
  'config.tab.rating': { vi: 'Đánh giá hài lòng', en: 'Satisfaction rating' },

  'form.save': { vi: 'Lưu', en: 'Save' },
  'form.cancel': { vi: 'Hủy', en: 'Cancel' },
  'form.edit': { vi: 'Sửa', en: 'Edit' },

  'office.name': { vi: 'Tên cơ quan', en: 'Office name' },
  'office.nameEn': { vi: 'Tên tiếng Anh', en: 'English name' },
  'office.timeZone': { vi: 'Múi giờ', en: 'Time zone' },
  'office.timeZone.invalid': {
    vi: 'không phải múi giờ hợp lệ, ví dụ Asia/Ho_Chi_Minh',
    en: 'is not a valid time zone, e.g. Asia/Ho_Chi_Minh',
  },
  'office.dayCloseHour': { vi: 'Giờ kết thúc ngày làm việc (0–23)', en: 'Hour the working day closes (0–23)' },
  'office.openingHours': { vi: 'Giờ làm việc', en: 'Opening hours' },
  'office.ratingWindowSeconds': {
    vi: 'Thời gian cho phép đánh giá (giây, 10–3600)',
    en: 'Time allowed for a rating (seconds, 10–3600)',
  },
  'office.counterLostAfterSeconds': {
    vi: 'Báo “Mất kết nối” khi máy quầy vắng quá (giây, 5–3600)',
    en: 'Show “Disconnected” when a counter’s device is gone longer than (seconds, 5–3600)',
  },
  'office.requireStart': {
    vi: 'Cán bộ bấm “Bắt đầu phục vụ” trước khi “Hoàn thành” (đo thời gian đến quầy)',
    en: 'Clerks press “Start serving” before “Finish” (measures the walk to the counter)',
  },
  'office.saved': { vi: 'Đã lưu thông tin cơ quan.', en: 'Office details saved.' },

  'priority.burst': {
    vi: 'Số ưu tiên gọi liên tiếp trước khi xen một số thường (0 = luôn gọi số ưu tiên trước)',
    en: 'Priority calls in a row before one normal ticket (0 = priority always first)',
  },
  'priority.maxWait': {
    vi: 'Chờ quá bao nhiêu phút thì được gọi ngay (0 = tắt)',
    en: 'Maximum wait in minutes before a ticket is called next (0 = off)',
  },
  'priority.strictOrder': {
    vi: 'Quầy gọi hết thủ tục theo thứ tự đã cấu hình rồi mới sang thủ tục sau (mặc định: số chờ lâu nhất trước)',
    en: 'Counters empty their procedures in the configured order (default: the longest wait first)',
  },
  'priority.kioskAsks': {
    vi: 'Máy lấy số hỏi công dân có thuộc đối tượng ưu tiên không',
    en: 'The kiosk asks citizens whether they belong to a priority group',
  },
  'priority.groups': { vi: 'Đối tượng ưu tiên', en: 'Priority groups' },
  'priority.group.nameVi': { vi: 'Tên đối tượng', en: 'Group name' },
  'priority.group.nameEn': { vi: 'Tên tiếng Anh', en: 'English name' },
  'priority.group.remove': { vi: 'Bỏ', en: 'Remove' },
  'priority.saved': { vi: 'Đã lưu chính sách ưu tiên.', en: 'Priority policy saved.' },

  'display.ticker': { vi: 'Dòng chữ chạy trên màn hình', en: 'Scrolling text on the display' },
  'display.recentCalls': { vi: 'Số lượt gọi gần đây hiển thị (0–30)', en: 'Recent calls shown (0–30)' },
  'display.showWaitingCounts': { vi: 'Hiện số người đang chờ', en: 'Show how many people wait' },
  'display.voiceEnabled': { vi: 'Đọc số bằng giọng nói', en: 'Announce numbers by voice' },
  'display.voiceLanguage': { vi: 'Ngôn ngữ đọc', en: 'Announcement language' },
  'display.voiceLanguage.vi': { vi: 'Tiếng Việt', en: 'Vietnamese' },
  'display.voiceLanguage.viEn': { vi: 'Tiếng Việt rồi tiếng Anh', en: 'Vietnamese, then English' },
  'display.voiceLanguage.en': { vi: 'Tiếng Anh', en: 'English' },
  'display.numberReading': { vi: 'Cách đọc số', en: 'How numbers are read' },
  'display.numberReading.words': {
    vi: 'Đọc thành số (một nghìn không trăm hai mươi ba)',
    en: 'As a number (one thousand and twenty-three)',
  },
  'display.numberReading.digits': {
    vi: 'Đọc từng chữ số (một không hai ba)',
    en: 'Digit by digit (one zero two three)',
  },
  'display.numberDialect': { vi: 'Giọng đọc số theo vùng miền', en: 'Regional reading of numbers' },
  'display.numberDialect.north': {
    vi: 'Miền Bắc (một trăm linh một, hai mươi tư, nghìn)',
    en: 'Northern (một trăm linh một, hai mươi tư, nghìn)',
  },
  'display.numberDialect.south': {
    vi: 'Miền Nam (một trăm lẻ một, hai mươi bốn, ngàn)',
    en: 'Southern (một trăm lẻ một, hai mươi bốn, ngàn)',
  },
  'display.voiceTemplateVi': {
    vi: 'Câu mời tiếng Việt ({number}, {counter})',
    en: 'Vietnamese call ({number}, {counter})',
  },
  'display.voiceTemplateEn': {
    vi: 'Câu mời tiếng Anh ({number}, {counter})',
    en: 'English call ({number}, {counter})',
  },
  'display.saved': {
    vi: 'Đã lưu cài đặt màn hình. Các màn hình cập nhật ngay.',
    en: 'Display settings saved. The displays update at once.',
  },

  'printer.title': { vi: 'Cấu hình máy in', en: 'Printer settings' },
  'printer.add': { vi: '+ Thêm máy in', en: '+ Add a printer' },
  'printer.id': { vi: 'Mã định danh', en: 'Identifier' },
  'printer.id.taken': { vi: 'đã có máy in dùng mã này', en: 'a printer already uses this identifier' },
  'printer.name': { vi: 'Tên', en: 'Name' },
  'printer.column.address': { vi: 'Địa chỉ', en: 'Address' },
  'printer.address': { vi: 'Địa chỉ máy in', en: 'Printer address' },
  'printer.address.hint': {
    vi: 'tcp://IP:9100, device:///dev/usb/lp0, serial://COM3, file:///<thư mục dữ liệu>/…, windows-share://TÊN-MÁY/TÊN-MÁY-IN',
    en: 'tcp://IP:9100, device:///dev/usb/lp0, serial://COM3, file:///<data folder>/…, windows-share://COMPUTER/PRINTER',
  },
  'printer.paperWidth': { vi: 'Khổ giấy', en: 'Paper width' },
  'printer.mode': { vi: 'Chế độ in', en: 'Print mode' },
  'printer.mode.raster': { vi: 'Ảnh – khuyên dùng', en: 'Image – recommended' },
  'printer.mode.text': { vi: 'Văn bản (máy có bảng mã TCVN-3)', en: 'Text (printers with the TCVN-3 code page)' },
  'printer.mode.raster.short': { vi: 'Ảnh (tiếng Việt đầy đủ)', en: 'Image (full Vietnamese)' },
  'printer.mode.text.short': { vi: 'Văn bản {codePage}', en: 'Text {codePage}' },
  'printer.cut': { vi: 'Cắt giấy', en: 'Paper cut' },
  'printer.cut.partial': { vi: 'Cắt một phần', en: 'Partial cut' },
  'printer.cut.full': { vi: 'Cắt hẳn', en: 'Full cut' },
  'printer.cut.none': { vi: 'Không cắt', en: 'No cut' },
  'printer.density': { vi: 'Độ đậm (1–8)', en: 'Density (1–8)' },
  'printer.beep': { vi: 'Kêu bíp khi in', en: 'Beep when printing' },
  'printer.save': { vi: 'Lưu máy in', en: 'Save the printer' },
  'printer.saved': { vi: 'Đã lưu máy in “{name}”.', en: 'Printer “{name}” saved.' },
  'printer.test': { vi: 'In vé thử', en: 'Print a test ticket' },
  'printer.testing': { vi: 'Đang in thử trên “{name}”…', en: 'Printing a test on “{name}”…' },
  'printer.tested': { vi: 'Đã in vé thử trên “{name}”.', en: 'Test ticket printed on “{name}”.' },
  'printer.testFailed': { vi: 'Không in được.', en: 'Could not print.' },

  'shareHosts.label': { vi: 'Máy tính được phép chia sẻ máy in', en: 'Computers allowed to share printers' },
  'shareHosts.explain': {
    vi: 'Máy in chia sẻ trên máy tính khác (windows-share://TÊN-MÁY/TÊN-MÁY-IN) chỉ dùng được khi tên máy có trong danh sách này. Nhập tên máy hoặc địa chỉ IPv4, cách nhau bằng dấu phẩy.',
    en: 'A printer shared by another computer (windows-share://COMPUTER/PRINTER) can be used only when that computer is listed here. Type host names or IPv4 addresses, separated by commas.',
  },
  'shareHosts.tooMany': { vi: 'tối đa {max} máy', en: 'at most {max} computers' },
  'shareHosts.notAHost': {
    vi: '“{name}” không phải tên máy (chữ không dấu, số, - .) hay địa chỉ IPv4',
    en: '“{name}” is not a host name or an IPv4 address',
  },
  'shareHosts.save': { vi: 'Lưu danh sách máy', en: 'Save the list' },
  'shareHosts.saved': {
    vi: 'Đã lưu: máy in chia sẻ trên {hosts} được phép dùng.',
    en: 'Saved: printers shared by {hosts} may be used.',
  },
  'shareHosts.savedNone': {
    vi: 'Đã lưu: chỉ dùng máy in chia sẻ trên chính máy chủ.',
    en: 'Saved: only printers shared by the hub itself are used.',
  },

  'password.title': { vi: 'Đặt mật khẩu mới', en: 'Set a new password' },
  'password.explain': {
    vi: '{name}: mật khẩu hiện tại chỉ dùng được một lần. Vui lòng đặt mật khẩu mới (ít nhất {min} ký tự) trước khi tiếp tục.',
    en: '{name}: the current password works only once. Please set a new one (at least {min} characters) to continue.',
  },
  'password.current': { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  'password.current.missing': { vi: 'hãy nhập mật khẩu hiện tại', en: 'type the current password' },
  'password.next': { vi: 'Mật khẩu mới', en: 'New password' },
  'password.next.short': { vi: 'cần ít nhất {min} ký tự', en: 'needs at least {min} characters' },
  'password.confirm': { vi: 'Nhập lại mật khẩu mới', en: 'New password again' },
  'password.confirm.mismatch': {
    vi: 'không khớp với mật khẩu mới. Vui lòng nhập lại.',
    en: 'does not match the new password. Please type it again.',
  },
  'password.save': { vi: 'Lưu mật khẩu mới', en: 'Save the new password' },
  'password.signOut': { vi: 'Đăng xuất', en: 'Sign out' },

  'role.admin': { vi: 'Quản trị', en: 'Administrator' },
  'role.supervisor': { vi: 'Lãnh đạo giám sát', en: 'Supervisor' },
  'role.clerk': { vi: 'Cán bộ một cửa', en: 'Clerk' },
  'users.title': { vi: 'Tài khoản', en: 'Accounts' },
  'users.displayName': { vi: 'Họ tên', en: 'Full name' },
  'users.displayName.missing': { vi: 'hãy nhập họ tên', en: 'type the full name' },
  'users.username': { vi: 'Tên đăng nhập', en: 'Username' },
  'users.username.hint': { vi: 'Tên đăng nhập (a–z, 0–9)', en: 'Username (a–z, 0–9)' },
  'users.username.pattern': {
    vi: 'chỉ gồm chữ thường không dấu, số và _ . -',
    en: 'only lower-case letters without accents, digits and _ . -',
  },
  'users.username.taken': { vi: 'đã có tài khoản “{name}” dùng tên này', en: 'the account “{name}” uses this name' },
  'users.role': { vi: 'Vai trò', en: 'Role' },
  'users.status': { vi: 'Trạng thái', en: 'Status' },
  'users.lock': { vi: 'Đang hoạt động – Khóa', en: 'Active – Lock' },
  'users.unlock': { vi: 'Đã khóa – Mở khóa', en: 'Locked – Unlock' },
  'users.locked': { vi: 'Đã khóa {name}.', en: '{name} locked.' },
  'users.unlocked': { vi: 'Đã mở khóa {name}.', en: '{name} unlocked.' },
  'users.add.title': { vi: 'Thêm tài khoản', en: 'Add an account' },
  'users.add': { vi: 'Thêm', en: 'Add' },
  'users.added': { vi: 'Đã thêm tài khoản {name}. Hãy đặt mã PIN.', en: 'Account {name} added. Set its PIN now.' },
  'users.pin.reset': { vi: 'Đặt lại mã PIN', en: 'Reset the PIN' },
  'users.pin.label': { vi: 'Mã PIN mới cho {name}', en: 'New PIN for {name}' },
  'users.pin.placeholder': { vi: 'PIN mới (4–12)', en: 'New PIN (4–12)' },
  'users.pin.short': { vi: 'cần ít nhất 4 ký tự', en: 'needs at least 4 characters' },
  'users.pin.submit': { vi: 'Đặt lại', en: 'Reset' },
  'users.pin.done': { vi: 'Đã đặt lại mã PIN cho {name}.', en: 'PIN reset for {name}.' },

  'webhooks.explain': {
    vi: 'Máy chủ gửi yêu cầu POST có chữ ký HMAC tới cổng SMS/Zalo của cơ quan khi công dân sắp đến lượt và khi số được gọi.',
    en: 'The hub POSTs a signed (HMAC) request to the office’s SMS/Zalo gateway when a citizen’s turn is near and when the number is called.',
  },
  'webhooks.docs': {
    vi: 'Cách cổng kiểm tra chữ ký và chống gửi lại: xem docs/webhooks.md.',
    en: 'How the gateway checks the signature and refuses replays: see docs/webhooks.md.',
  },
  'webhooks.url': { vi: 'Địa chỉ nhận (URL)', en: 'Receiver URL' },
  'webhooks.url.hint': { vi: 'Để trống = tắt thông báo', en: 'Empty = notifications off' },
  'webhooks.secret': { vi: 'Khóa bí mật', en: 'Secret' },
  'webhooks.secret.missing': {
    vi: 'hãy nhập ít nhất 16 ký tự (hoặc bấm “Tạo khóa ngẫu nhiên”) và nhập cùng khóa ở cổng SMS/Zalo',
    en: 'enter at least 16 characters (or press “Generate a secret”) and enter the same secret at the gateway',
  },
  'webhooks.secret.keep': {
    vi: 'Đã đặt khóa – để trống để giữ nguyên',
    en: 'A secret is set – leave blank to keep it',
  },
  'webhooks.secret.placeholder': { vi: 'Ít nhất 16 ký tự', en: 'At least 16 characters' },
  'webhooks.secret.hint': {
    vi: 'Chỉ ghi, không hiển thị lại. Nhập cùng khóa ở cổng để kiểm tra chữ ký X-Motcua-Signature.',
    en: 'Write-only, never shown again. Enter the same secret at the gateway to check X-Motcua-Signature.',
  },
  'webhooks.notifyAhead': { vi: 'Báo trước khi còn N người', en: 'Notify when N people ahead' },
  'webhooks.notifyAhead.hint': { vi: '0–50 người phía trước', en: '0–50 people ahead' },
  'webhooks.enabled': { vi: 'Đang bật gửi thông báo', en: 'Notifications on' },
  'webhooks.allowLan': {
    vi: 'Cho phép địa chỉ trong mạng nội bộ (cổng SMS/Zalo đặt trong mạng cơ quan: 10.x, 172.16–31.x, 192.168.x)',
    en: 'Allow LAN addresses (the SMS/Zalo gateway is on the office network: 10.x, 172.16–31.x, 192.168.x)',
  },
  'webhooks.save': { vi: 'Lưu webhook', en: 'Save webhook' },
  'webhooks.generate': { vi: 'Tạo khóa ngẫu nhiên', en: 'Generate a secret' },
  'webhooks.saved': {
    vi: 'Đã lưu. Thông báo mới sẽ được gửi theo cấu hình này ngay.',
    en: 'Saved. New notifications are sent with these settings right away.',
  },

  'appointments.title': { vi: 'Lịch hẹn trực tuyến', en: 'Online booking' },
  'appointments.openBooking': { vi: 'Mở trang đặt lịch /book/', en: 'Open the booking page /book/' },
  'appointments.enabled': {
    vi: 'Cho phép công dân đặt lịch hẹn trực tuyến',
    en: 'Citizens may book an appointment online',
  },
  'appointments.defaults': {
    vi: 'Chưa cấu hình: đang hiện giá trị mặc định',
    en: 'Not configured yet: showing the defaults',
  },
  'appointments.slotMinutes': { vi: 'Độ dài mỗi khung giờ (phút)', en: 'Slot length (minutes)' },
  'appointments.slotMinutes.hint': { vi: '5–240 phút', en: '5–240 minutes' },
  'appointments.earlyMinutes': { vi: 'Được đến sớm (phút)', en: 'Early check-in (minutes)' },
  'appointments.earlyMinutes.hint': { vi: 'trước giờ hẹn', en: 'before the slot' },
  'appointments.lateMinutes': { vi: 'Được đến muộn (phút)', en: 'Late check-in (minutes)' },
  'appointments.lateMinutes.hint': {
    vi: 'sau giờ hẹn vẫn được ưu tiên',
    en: 'after the slot, still ahead of walk-ins',
  },
  'appointments.daysAhead': { vi: 'Đặt trước tối đa (ngày)', en: 'Book up to (days ahead)' },
  'appointments.daysAhead.hint': { vi: '0 = chỉ trong ngày', en: '0 = today only' },
  'appointments.leadMinutes': { vi: 'Đặt trước ít nhất (phút)', en: 'Book at least (minutes before)' },
  'appointments.leadMinutes.hint': { vi: 'trước giờ bắt đầu khung giờ', en: 'before the slot starts' },
  'appointments.maxPerPhonePerService': {
    vi: 'Mỗi số điện thoại, mỗi thủ tục (lịch/ngày)',
    en: 'Per phone number, per procedure (bookings a day)',
  },
  'appointments.maxPerPhonePerService.hint': { vi: 'mặc định 1', en: 'default 1' },
  'appointments.maxPerPhonePerDay': {
    vi: 'Mỗi số điện thoại, mọi thủ tục (lịch/ngày)',
    en: 'Per phone number, all procedures (bookings a day)',
  },
  'appointments.maxPerPhonePerDay.hint': { vi: 'mặc định 3', en: 'default 3' },
  'appointments.column.service': { vi: 'Thủ tục', en: 'Procedure' },
  'appointments.column.field': { vi: 'Lĩnh vực', en: 'Field' },
  'appointments.perSlot': { vi: 'Số lịch mỗi khung giờ', en: 'Bookings per slot' },
  'appointments.perSlot.lower': { vi: 'số lịch mỗi khung giờ', en: 'bookings per slot' },
  'appointments.perDay': { vi: 'Số lịch mỗi ngày', en: 'Bookings per day' },
  'appointments.perDay.lower': { vi: 'số lịch mỗi ngày', en: 'bookings per day' },
  'appointments.column.offered': { vi: 'Trên trang đặt lịch', en: 'On the booking page' },
  'appointments.bookable': { vi: 'Nhận đặt lịch', en: 'Bookable' },
  'appointments.notBookable': { vi: 'Không nhận', en: 'Not bookable' },
  'appointments.zeroMeans': {
    vi: 'Số lịch mỗi khung giờ = 0: thủ tục không nhận đặt lịch. Số lịch mỗi ngày = 0: chỉ giới hạn theo khung giờ.',
    en: 'Bookings per slot = 0: the procedure takes no bookings. Bookings per day = 0: only the slots limit it.',
  },
  'appointments.save': { vi: 'Lưu cấu hình đặt lịch', en: 'Save booking settings' },
  'appointments.bookableCount': { vi: '{count} thủ tục nhận đặt lịch', en: 'Procedures taking bookings: {count}' },
  'appointments.saved': {
    vi: 'Đã lưu. Trang đặt lịch và máy lấy số dùng ngay cấu hình mới.',
    en: 'Saved. The booking page and the kiosks use it right away.',
  },

  'kiosk.title': { vi: 'Máy lấy số và vé', en: 'Kiosk and tickets' },
  'kiosk.statusBaseUrl': {
    vi: 'Địa chỉ tra cứu trên vé (để trống = địa chỉ của máy chủ)',
    en: 'Status address on tickets (empty = the hub’s own address)',
  },
  'kiosk.statusBaseUrl.invalid': {
    vi: 'phải là địa chỉ bắt đầu bằng http:// hoặc https://, ví dụ https://motcua.phuong.gov.vn',
    en: 'must be an address starting with http:// or https://, e.g. https://motcua.phuong.gov.vn',
  },
  'kiosk.footerText': { vi: 'Dòng chữ cuối vé', en: 'Ticket footer' },
  'kiosk.idleSeconds': { vi: 'Tự quay về màn hình đầu sau (giây)', en: 'Back to the first screen after (seconds)' },
  'kiosk.reprintLimit': { vi: 'Số lần in lại tối đa mỗi vé (0–10)', en: 'Reprints allowed per ticket (0–10)' },
  'kiosk.showTicketWhenPrinterFails': {
    vi: 'Hiện số và mã QR trên màn hình khi máy in lỗi',
    en: 'Show the number and QR code on screen when the printer fails',
  },
  'kiosk.idCard.title': { vi: 'Thẻ căn cước (CCCD) và mã QR VNeID', en: 'Chip ID card (CCCD) and VNeID QR' },
  'kiosk.idCard.explain': {
    vi: 'Khi công dân đặt thẻ lên đầu đọc hoặc quét mã QR, máy lấy số đề nghị ưu tiên theo tuổi (công dân xác nhận). Màn hình chờ không bao giờ hiện tên.',
    en: 'When a citizen puts the card on the reader or scans its QR, the kiosk proposes age priority (the citizen confirms). The waiting-room display never shows names.',
  },
  'kiosk.idCard.priorityAge': { vi: 'Đề nghị ưu tiên từ tuổi', en: 'Propose priority from the age of' },
  'kiosk.idCard.group': { vi: 'Nhóm ưu tiên đề nghị', en: 'Priority group proposed' },
  'kiosk.idCard.noGroup': { vi: '(không đề nghị)', en: '(none)' },
  'kiosk.idCard.greetByName': {
    vi: 'Chào công dân bằng tên trên thẻ (chỉ trên màn hình máy lấy số)',
    en: 'Greet the citizen by the name on the card (on the kiosk’s screen only)',
  },
  'kiosk.idCard.storeHolder': {
    vi: 'Lưu họ tên và mã băm số định danh cùng số thứ tự (mặc định: không lưu)',
    en: 'Keep the name and a hash of the ID number with the ticket (default: keep nothing)',
  },
  'kiosk.idCard.retentionDays': { vi: 'Xóa dữ liệu đã lưu sau (ngày)', en: 'Delete what was kept after (days)' },
  'kiosk.save': { vi: 'Lưu', en: 'Save' },
  'kiosk.saved': { vi: 'Đã lưu cài đặt máy lấy số.', en: 'Kiosk settings saved.' },

  'statusLink.title': { vi: 'Đường dẫn tra cứu trên vé (mã QR)', en: 'Status link on tickets (QR code)' },
  'statusLink.opens': { vi: 'Công dân quét mã QR trên vé để mở:', en: 'Citizens scan the ticket’s QR code to open:' },
  'statusLink.configured': { vi: '(địa chỉ do quản trị đặt)', en: '(set by an admin)' },
  'statusLink.detected': { vi: '(địa chỉ máy chủ tự nhận ra)', en: '(worked out by the hub)' },
  'statusLink.public': {
    vi: 'Địa chỉ công khai: điện thoại mở được cả khi dùng 4G, nếu máy chủ trung gian chuyển /t/ về máy chủ này.',
    en: 'A public address: phones open it on mobile data too, if the reverse proxy forwards /t/ to this hub.',
  },

  'devices.kind.kiosk': { vi: 'Máy lấy số', en: 'Kiosk' },
  'devices.kind.counter': { vi: 'Quầy', en: 'Counter' },
  'devices.kind.display': { vi: 'Màn hình', en: 'Display' },
  'devices.kind.rating': { vi: 'Máy đánh giá', en: 'Rating pad' },
  'devices.paired': { vi: 'Thiết bị đã ghép nối', en: 'Paired devices' },
  'devices.column.name': { vi: 'Tên', en: 'Name' },
  'devices.column.kind': { vi: 'Loại', en: 'Kind' },
  'devices.column.counter': { vi: 'Quầy', en: 'Counter' },
  'devices.column.printer': { vi: 'Máy in', en: 'Printer' },
  'devices.column.connection': { vi: 'Kết nối', en: 'Connection' },
  'devices.column.lastSeen': { vi: 'Lần cuối thấy', en: 'Last seen' },
  'devices.revoked': { vi: 'Đã thu hồi', en: 'Revoked' },
  'devices.online': { vi: 'Đang kết nối', en: 'Connected' },
  'devices.offline': { vi: 'Mất kết nối', en: 'Disconnected' },
  'devices.now': { vi: 'Bây giờ', en: 'Now' },
  'devices.replace': { vi: 'Thay thế…', en: 'Replace…' },
  'devices.replace.hint': {
    vi: 'Ghép một máy mới vào chỗ của thiết bị này: máy mới nhận tên, quầy và máy in; máy cũ bị thu hồi.',
    en: 'Pair a new machine in this device’s place: it takes the name, counter and printer; the old one is revoked.',
  },
  'devices.revoke': { vi: 'Thu hồi', en: 'Revoke' },
  'devices.allowAgain': { vi: 'Cho phép lại', en: 'Allow again' },
  'devices.approve.title': { vi: 'Duyệt thiết bị mới', en: 'Approve a new device' },
  'devices.approve.new': { vi: 'Không – thêm thiết bị mới', en: 'No – add a new device' },
  'devices.approve.noCounter': { vi: 'Không gắn quầy', en: 'No counter' },
  'devices.approve.noPrinter': { vi: 'Không có máy in', en: 'No printer' },
  'devices.approve': { vi: 'Duyệt', en: 'Approve' },
  'devices.approveAndReplace': { vi: 'Duyệt và thay thế', en: 'Approve and replace' },
} as const satisfies Record<string, LocalizedName>;

export type AdminStringKey = keyof typeof adminStrings;

/** The Vietnamese text of a key, filled: for rules and messages built outside React (zod messages are Vietnamese). */
export function adminVi(key: AdminStringKey, values?: TextValues): string {
  return fillText(adminStrings[key].vi, values);
}

/** The admin's words in the language picked in the header. */
export function useAdminText(): (key: AdminStringKey, values?: TextValues) => string {
  return useCatalogue(adminStrings);
}
