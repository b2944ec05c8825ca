/** Every way a command can be refused. The hub sends `{ ok: false, code, message }`. */
export const errorMessages = {
  BAD_REQUEST: {
    vi: 'Yêu cầu không hợp lệ.',
    en: 'The request is not valid.',
  },
  UNKNOWN_COMMAND: {
    vi: 'Lệnh không được hỗ trợ.',
    en: 'Unknown command.',
  },
  UNAUTHENTICATED: {
    vi: 'Thiết bị chưa được ghép nối hoặc chưa đăng nhập.',
    en: 'This device is not paired or not signed in.',
  },
  FORBIDDEN: {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  NOT_YOUR_COUNTER: {
    vi: 'Thao tác này thuộc về quầy khác.',
    en: 'This belongs to another counter.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy.',
    en: 'Not found.',
  },
  SERVICE_CLOSED: {
    vi: 'Thủ tục này đang tạm dừng nhận hồ sơ.',
    en: 'This service is not taking tickets now.',
  },
  OUTSIDE_OPENING_HOURS: {
    vi: 'Ngoài giờ tiếp nhận hồ sơ.',
    en: 'Outside opening hours.',
  },
  OFFICE_HOLIDAY: {
    vi: 'Hôm nay là ngày nghỉ, bộ phận một cửa không tiếp nhận hồ sơ.',
    en: 'The office is closed today (holiday).',
  },
  SERVICE_DAY_CLOSED: {
    vi: 'Đã kết thúc ngày làm việc. Vui lòng quay lại vào ngày làm việc tiếp theo.',
    en: 'The service day is closed. Please come back on the next working day.',
  },
  DAILY_CAP_REACHED: {
    vi: 'Đã hết số thứ tự của thủ tục này trong hôm nay. Vui lòng quay lại vào ngày làm việc tiếp theo.',
    en: 'All tickets for this service today have been given out. Please come back on the next working day.',
  },
  NUMBER_RANGE_EXHAUSTED: {
    vi: 'Đã hết dải số của thủ tục này trong hôm nay. Vui lòng báo cán bộ.',
    en: 'This service has used its whole number range today. Please tell a staff member.',
  },
  PRIORITY_NOT_ENABLED: {
    vi: 'Đối tượng ưu tiên này không được áp dụng.',
    en: 'This priority group is not enabled.',
  },
  NOTHING_WAITING: {
    vi: 'Không có ai đang chờ.',
    en: 'Nobody is waiting.',
  },
  COUNTER_BUSY: {
    vi: 'Quầy đang có số chưa xong. Hãy hoàn thành hoặc đánh dấu vắng mặt trước.',
    en: 'The counter still has a ticket. Finish it or mark it no-show first.',
  },
  COUNTER_NOT_OPEN: {
    vi: 'Quầy chưa mở hoặc đang tạm nghỉ.',
    en: 'The counter is not open.',
  },
  COUNTER_NO_CLERK: {
    vi: 'Quầy chưa có cán bộ đăng nhập.',
    en: 'No clerk is signed in at this counter.',
  },
  INVALID_TICKET_STATE: {
    vi: 'Số thứ tự không ở trạng thái cho phép thao tác này.',
    en: 'The ticket is not in a state that allows this.',
  },
  RATING_NOT_ALLOWED: {
    vi: 'Chỉ đánh giá được hồ sơ vừa hoàn thành tại quầy này.',
    en: 'Only a ticket just finished at this counter can be rated.',
  },
  RATING_NOT_ON_SCALE: {
    vi: 'Câu trả lời không có trong thang đánh giá. Vui lòng chọn lại.',
    en: 'That answer is not on the rating scale. Please choose again.',
  },
  RATING_REASON_REQUIRED: {
    vi: 'Vui lòng chọn hoặc ghi lý do chưa hài lòng để cơ quan khắc phục.',
    en: 'Please choose or write the reason you are not satisfied, so the office can fix it.',
  },
  RATING_REASON_UNKNOWN: {
    vi: 'Lý do này không còn trong danh sách. Vui lòng chọn lại hoặc ghi lý do.',
    en: 'That reason is no longer on the list. Please choose again or write the reason.',
  },
  ALREADY_RATED: {
    vi: 'Số thứ tự này đã được đánh giá.',
    en: 'This ticket has already been rated.',
  },
  CONFLICT: {
    vi: 'Dữ liệu trùng hoặc mâu thuẫn với cấu hình hiện có.',
    en: 'This conflicts with the existing configuration.',
  },
  IN_USE: {
    vi: 'Đang được sử dụng, không thể xóa.',
    en: 'It is in use and cannot be removed.',
  },
  IDEMPOTENCY_CONFLICT: {
    vi: 'Mã yêu cầu này đã được dùng cho một thao tác khác. Vui lòng thử lại (thiết bị sẽ tạo mã mới).',
    en: 'This requestId was already used for a different command. Retry with a new requestId.',
  },
  UNKNOWN_EVENT: {
    vi: 'Máy chủ không hỗ trợ loại tin nhắn này. Vui lòng cập nhật phần mềm thiết bị.',
    en: 'The hub does not know this message name. Update the device software.',
  },
  MESSAGE_TOO_LARGE: {
    vi: 'Tin nhắn quá lớn, máy chủ đã ngắt kết nối. Vui lòng báo quản trị.',
    en: 'The message is too large; the hub closed the connection. Tell the administrator.',
  },
  RATE_LIMITED: {
    vi: 'Thao tác quá nhanh, vui lòng thử lại sau giây lát.',
    en: 'Too many requests; please try again in a moment.',
  },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mã PIN không đúng.',
    en: 'Wrong username or PIN.',
  },
  TOO_MANY_ATTEMPTS: {
    vi: 'Nhập sai nhiều lần. Vui lòng chờ một lát rồi thử lại.',
    en: 'Too many failed attempts. Please wait a moment and try again.',
  },
  CLERK_DEVICE_REQUIRED: {
    vi: 'Cán bộ chỉ đăng nhập được tại máy quầy đã ghép nối. Vui lòng dùng máy tại quầy của mình.',
    en: 'Clerks sign in only at a paired counter device. Please use the device at your counter.',
  },
  CLERK_AT_OTHER_COUNTER: {
    vi: 'Cán bộ đang làm việc ở quầy khác. Xác nhận chuyển sang quầy này thì quầy kia sẽ đóng.',
    en: 'This clerk is working at another counter. Confirm the move and that counter closes.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Vui lòng đổi mật khẩu trước khi tiếp tục.',
    en: 'Please change your password before continuing.',
  },
  WEAK_PASSWORD: {
    vi: 'Mật khẩu quá ngắn: tài khoản quản trị và giám sát cần ít nhất 10 ký tự.',
    en: 'The password is too short: admin and supervisor accounts need at least 10 characters.',
  },
  ACCOUNT_DISABLED: {
    vi: 'Tài khoản đã bị vô hiệu hoá. Vui lòng liên hệ quản trị.',
    en: 'This account is disabled. Contact the administrator.',
  },
  STORE_BUSY: {
    vi: 'Cơ sở dữ liệu đang bận, vui lòng thử lại.',
    en: 'The database is busy; please retry.',
  },
  STORE_UNAVAILABLE: {
    vi: 'Không ghi được dữ liệu (ổ đĩa đầy hoặc không có quyền ghi). Vui lòng báo quản trị.',
    en: 'Cannot write data (disk full or read-only). Tell the administrator.',
  },
  TIMEOUT: {
    vi: 'Máy chủ không phản hồi, đang thử lại…',
    en: 'The hub did not answer; retrying…',
  },
  APPOINTMENTS_CLOSED: {
    vi: 'Thủ tục này chưa nhận đặt lịch trực tuyến. Vui lòng đến lấy số tại bộ phận một cửa.',
    en: 'This service does not take online bookings. Please take a ticket at the desk.',
  },
  SLOT_UNAVAILABLE: {
    vi: 'Khung giờ này không thể đặt (ngoài giờ làm việc, đã qua hoặc quá xa). Vui lòng chọn khung giờ khác.',
    en: 'This time cannot be booked (outside opening hours, past or too far ahead). Please choose another time.',
  },
  SLOT_FULL: {
    vi: 'Khung giờ này đã đủ người đặt. Vui lòng chọn khung giờ khác.',
    en: 'This time slot is fully booked. Please choose another time.',
  },
  APPOINTMENT_NOT_FOUND: {
    vi: 'Không tìm thấy lịch hẹn với mã này. Vui lòng kiểm tra lại mã đặt lịch.',
    en: 'No booking has this code. Please check the booking code.',
  },
  APPOINTMENT_NOT_TODAY: {
    vi: 'Lịch hẹn của Ông/Bà không phải hôm nay. Vui lòng quay lại đúng ngày hẹn.',
    en: 'Your booking is not for today. Please come back on the day you booked.',
  },
  APPOINTMENT_TOO_EARLY: {
    vi: 'Ông/Bà đến sớm so với giờ hẹn. Vui lòng quét mã lại khi đến giờ ghi trên màn hình, hoặc lấy số thường.',
    en: 'You are early for your booking. Please scan again from the time shown, or take a regular ticket.',
  },
  APPOINTMENT_USED: {
    vi: 'Lịch hẹn này đã được dùng để lấy số.',
    en: 'This booking has already been used for a ticket.',
  },
  APPOINTMENT_CANCELLED: {
    vi: 'Lịch hẹn này đã được hủy.',
    en: 'This booking was cancelled.',
  },
  BOOKING_LIMIT_REACHED: {
    vi: 'Số điện thoại này đã có đủ lịch hẹn cho ngày đã chọn. Ông/Bà hãy dùng lịch hẹn đã đặt, hoặc hủy lịch cũ bằng mã đặt lịch rồi đặt lại.',
    en: 'This phone number already holds as many bookings as allowed for that day. Use the booking already made, or cancel it with its code and book again.',
  },
  REPRINT_LIMIT_REACHED: {
    vi: 'Vé này đã được in lại đủ số lần cho phép. Ông/Bà vui lòng giữ vé đã in hoặc báo cán bộ nếu cần hỗ trợ.',
    en: 'This ticket has been reprinted as many times as allowed. Please keep the printed ticket or ask a staff member.',
  },
  INTERNAL: {
    vi: 'Lỗi hệ thống. Vui lòng báo quản trị.',
    en: 'Internal error. Tell the administrator.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

/** Errors a client may retry with the same requestId. */
export const retryableErrorCodes: readonly ErrorCode[] = ['STORE_BUSY', 'TIMEOUT', 'RATE_LIMITED'];

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** Facts the screen can show, e.g. when to come back. */
  details?: Record<string, string | number | boolean | null>;
}

export type Language = 'vi' | 'en';

export function domainError(code: ErrorCode, details?: DomainError['details'], language: Language = 'vi'): DomainError {
  const error: DomainError = { code, message: errorMessages[code][language] };
  if (details) error.details = details;
  return error;
}

export function messageFor(code: ErrorCode, language: Language): string {
  return errorMessages[code][language];
}
