import type { LocalizedName } from '@motcua/core';
import { useCatalogue, type TextValues } from '@motcua/ui';

/**
 * The province dashboard's words (apps/central/src/dashboard), Vietnamese first and English second, in one place
 * for a reviewer to read. Screens take them with `useCentralText()` or `t(centralStrings[key])`.
 */
export const centralStrings = {
  'app.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'app.title': { vi: 'Bộ phận Một cửa toàn tỉnh', en: 'One-stop desks across the province' },
  'app.overview': { vi: 'Tổng quan', en: 'Overview' },
  'app.reports': { vi: 'Báo cáo', en: 'Reports' },
  'app.signOut': { vi: 'Đăng xuất', en: 'Sign out' },
  'signIn.cannotReachCentral': { vi: 'Không kết nối được máy chủ tỉnh.', en: 'Cannot reach central.' },
  'signIn.title': { vi: 'Đăng nhập cán bộ tỉnh', en: 'Province staff sign-in' },
  'signIn.username': { vi: 'Tên đăng nhập', en: 'Username' },
  'signIn.password': { vi: 'Mật khẩu', en: 'Password' },
  'signIn.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'overview.waitingProvince': { vi: 'Đang chờ toàn tỉnh', en: 'Waiting, province' },
  'overview.countersOpen': { vi: 'Quầy đang mở', en: 'Counters open' },
  'overview.officesNotReporting': { vi: 'Văn phòng mất liên lạc', en: 'Offices not reporting' },
  'app.office': { vi: 'Văn phòng', en: 'Office' },
  'app.waiting': { vi: 'Đang chờ', en: 'Waiting' },
  'app.longestWait': { vi: 'Chờ lâu nhất', en: 'Longest wait' },
  'overview.countersOpenColumn': { vi: 'Quầy mở', en: 'Counters open' },
  'app.ticketsToday': { vi: 'Phiếu hôm nay', en: 'Tickets today' },
  'app.satisfactionToday': { vi: 'Hài lòng hôm nay', en: 'Satisfaction today' },
  'app.data': { vi: 'Dữ liệu', en: 'Data' },
  'app.served': { vi: 'đã phục vụ', en: 'served' },
  'app.notReporting': { vi: 'Mất liên lạc', en: 'Not reporting' },
  'app.alerts': { vi: 'Cảnh báo', en: 'Alerts' },
  'app.issued': { vi: 'Số phiếu', en: 'Issued' },
  'summary.served': { vi: 'Đã phục vụ', en: 'Served' },
  'app.noShow': { vi: 'Vắng mặt', en: 'No-show' },
  'app.cancelledExpired': { vi: 'Hủy / hết hạn', en: 'Cancelled / expired' },
  'app.meanWait': { vi: 'Chờ trung bình', en: 'Mean wait' },
  'app.p90Wait': { vi: 'Chờ p90', en: 'p90 wait' },
  'app.meanService': { vi: 'Phục vụ trung bình', en: 'Mean service' },
  'app.satisfactionIndex': { vi: 'Chỉ số hài lòng', en: 'Satisfaction index' },
  'app.from': { vi: 'Từ ngày', en: 'From' },
  'app.to': { vi: 'Đến ngày', en: 'To' },
  'app.exportExcel': { vi: 'Xuất Excel', en: 'Export Excel' },
  'app.nonePickedAll': { vi: '(không chọn = tất cả)', en: '(none picked = all)' },
  'app.total': { vi: 'Tổng cộng', en: 'Total' },
  'app.byProcedure': { vi: 'Theo thủ tục', en: 'By procedure' },
  'app.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'app.counters': { vi: 'Quầy', en: 'Counters' },
  'app.open': { vi: 'Đang mở', en: 'Open' },
  'app.paused': { vi: 'Tạm nghỉ', en: 'Paused' },
  'app.closed': { vi: 'Đóng', en: 'Closed' },
  'ago.never': { vi: 'chưa từng gửi', en: 'never reported' },
  'ago.seconds': { vi: '{seconds} giây trước', en: '{seconds} s ago' },
  'ago.minutes': { vi: '{minutes} phút trước', en: '{minutes} min ago' },
  'ago.hours': { vi: '{hours} giờ trước', en: '{hours} h ago' },
  'api.serverAnswered': {
    vi: 'Máy chủ trả lời {status}. Vui lòng thử lại.',
    en: 'Server answered {status}. Please try again.',
  },
} as const satisfies Record<string, LocalizedName>;

export type CentralStringKey = keyof typeof centralStrings;

/** The dashboard's words in the language picked in the header. */
export function useCentralText(): (key: CentralStringKey, values?: TextValues) => string {
  return useCatalogue(centralStrings);
}
