import { localizedText, type Catalogue, type TextValues } from '@motcua/ui';
import type { LocalizedName } from '@motcua/core';

/**
 * The display's words, Vietnamese first and English second, in one place for a reviewer to read. A wall display
 * shows both languages at once (Vietnamese large, English small beside it), so components take the pair with
 * `displayText()` and lay both out; there is no language switch. Words that come from core (error messages, the
 * office's and procedures' names) stay in core. `{name}` is filled in when shown. What the voice says is in the
 * voice clips and the office's template (voice/voiceTemplate.ts), not here.
 */
export const displayStrings = {
  'device.board': { vi: 'Màn hình phòng chờ', en: 'Waiting-room display' },
  'device.counter': { vi: 'Màn hình quầy {counter}', en: 'Counter {counter} display' },

  'connecting.title': { vi: 'Đang kết nối với máy chủ…', en: 'Connecting to the hub…' },
  'connecting.detail': {
    vi: 'Màn hình sẽ tự hiển thị khi kết nối được',
    en: 'The board appears as soon as it connects.',
  },
  'offline.reconnecting': { vi: 'Mất kết nối – đang kết nối lại…', en: 'Reconnecting…' },
  'offline.lastUpdate': { vi: 'Cập nhật lúc {time}', en: 'Updated at {time}' },
  'sound.turnOn': { vi: 'Bật âm thanh', en: 'Turn on sound' },
  'sound.failed': { vi: 'Chưa bật được, bấm lại', en: 'Try again' },

  'board.nowCalling': { vi: 'Số đang gọi theo quầy', en: 'Now calling by counter' },
  'board.noCounters': { vi: 'Chưa cấu hình quầy', en: 'No counters configured' },
  'board.counter': { vi: 'Quầy', en: 'Counter' },
  'board.counterNumber': { vi: 'Quầy {number}', en: 'Counter {number}' },
  'board.recent': { vi: 'Vừa gọi', en: 'Recently called' },
  'board.noCalls': { vi: 'Chưa có số nào được gọi', en: 'No calls yet' },
  'board.waiting': { vi: 'Đang chờ', en: 'Waiting' },
  'board.calledBefore': { vi: 'Đã gọi', en: 'Called before' },

  'status.called': { vi: 'Mời số', en: 'Now calling' },
  'status.serving': { vi: 'Đang phục vụ', en: 'Serving' },
  'status.idle': { vi: 'Đang mở · Chờ gọi số tiếp theo', en: 'Open' },
  'status.paused': { vi: 'Tạm dừng', en: 'Paused' },
  'status.pausedBecause': { vi: 'Tạm dừng: {reason}', en: 'Paused: {reason}' },
  'status.closed': { vi: 'Quầy đóng', en: 'Closed' },
  'call.recall': { vi: 'Gọi lại', en: 'Recall' },
  'call.resume': { vi: 'Tiếp tục', en: 'Resumed' },

  'unknownCounter.title': { vi: 'Không tìm thấy quầy "{param}"', en: 'Counter "{param}" does not exist.' },
  'unknownCounter.hint': {
    vi: 'Mở lại màn hình với một trong các địa chỉ sau',
    en: 'Use one of these:',
  },

  'voice.blocked': {
    vi: 'Âm thanh đang bị trình duyệt chặn',
    en: 'Sound is blocked by the browser until a click',
  },
  'voice.missingClip': { vi: 'Thiếu đoạn âm thanh "{clip}"', en: 'Voice clip "{clip}" is missing' },
  'voice.stalled': {
    vi: 'Âm thanh bị treo, sẽ khởi động lại',
    en: 'The audio output stalled and will be restarted',
  },
  'voice.loadFailed': { vi: 'Không tải được giọng đọc', en: 'Could not load the voice clips' },
} as const satisfies Catalogue;

export type DisplayStringKey = keyof typeof displayStrings;

/** One of the display's texts in both languages, filled: the display shows both. */
export function displayText(key: DisplayStringKey, values?: TextValues): LocalizedName {
  return localizedText(displayStrings[key], values);
}

/** "Vietnamese · English" on one line, for a badge, a title attribute or a log line. */
export function bothLanguages(key: DisplayStringKey, values?: TextValues, separator = ' · '): string {
  const text = displayText(key, values);
  return `${text.vi}${separator}${text.en}`;
}
