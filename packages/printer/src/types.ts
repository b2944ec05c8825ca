/** Paper roll width in millimetres. */
export type PaperWidth = 58 | 80;

/** Printable dots per line at 203 dpi for each paper width. */
export const DOTS_PER_LINE: Readonly<Record<PaperWidth, number>> = { 80: 576, 58: 384 };

/**
 * What goes on one queue ticket. Plain data: the kiosk builds it from the hub's ack
 * (`{ticket, ahead, etaMinutes}`) and the office settings.
 */
export interface TicketDocument {
  /** "UBND THỊ XÃ HOÀNG MAI – BỘ PHẬN MỘT CỬA" */
  officeName: string;
  /** Service / procedure name in Vietnamese, e.g. "Chứng thực bản sao từ bản chính". Wrapped if long. */
  serviceNameVi: string;
  /** Optional English line under the Vietnamese service name. */
  serviceNameEn?: string;
  /** The ticket number as shown and read out, e.g. "A023" or "1023". Printed very large. */
  label: string;
  /** e.g. "Ưu tiên – Người cao tuổi". Printed inverted when present. */
  priorityLabel?: string;
  /** When the ticket was issued (epoch ms, the hub's clock). */
  issuedAt: number;
  /** IANA zone of the office, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  /** People waiting before this ticket. */
  peopleAhead: number;
  /** Estimated wait in minutes. */
  etaMinutes: number;
  /** Encoded in the QR code, e.g. a status URL. Empty string = no QR code. */
  qrContent: string;
  /** Vietnamese footer; default "Vui lòng chờ đến lượt". */
  footer?: string;
  /** English footer; default "Please wait for your turn". */
  footerEn?: string;
}

/** A 1-bit image: rows packed MSB first, 1 = black dot. `width` is a multiple of 8. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Both languages of a user-facing message: Vietnamese first. */
export interface BilingualMessage {
  vi: string;
  en: string;
}
