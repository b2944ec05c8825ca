import type { LocalizedName } from '@motcua/core';
import { useLanguage } from '@motcua/ui';

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

/** The admin's words in the language picked in the header. */
export function useAdminText(): (key: AdminStringKey) => string {
  const { t } = useLanguage();
  return (key) => t(adminStrings[key]);
}
