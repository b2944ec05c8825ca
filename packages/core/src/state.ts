import type { Appointment, OfficeConfig } from './schemas.js';
import { DEFAULT_PRIORITY_BURST } from './schemas.js';
import type { TicketMap } from './ticketIndex.js';
import { emptyTickets } from './ticketIndex.js';

export type CounterStatus = 'closed' | 'open' | 'paused';

/** What a counter is doing now. Its configuration is in `config.counters`. */
export interface CounterState {
  status: CounterStatus;
  pauseReason: string | null;
  clerkId: string | null;
  /** The ticket called or being served here, if any. */
  currentTicketId: string | null;
  /** Priority tickets called here in a row since the last normal one: after `priorityBurst` a normal one goes. */
  priorityStreak: number;
  /** Since when the counter is in its current status (or since its current ticket ended). */
  since: number;
  /**
   * Set while the hub has lost the counter's device (`counter.deviceLost`): when it was last seen.
   * Absent while connected, and in states written before presence existed.
   */
  deviceLostSince?: number;
}

export interface CallRecord {
  ticketId: string;
  label: string;
  counterId: string;
  counterNumber: number;
  serviceId: string;
  at: number;
  recall: boolean;
  /** A parked ticket taken up again: shown and read out like a call. Absent on older records. */
  resume?: boolean;
}

export interface StaffAlert {
  alertId: string;
  alertKind: string;
  message: string;
  source: string;
  at: number;
}

/** The whole shared state: every participant folds the same events into it with `apply`. */
export interface QueueState {
  /** The seq of the last event applied. */
  seq: number;
  config: OfficeConfig;
  serviceDay: string;
  /** True after the day was closed early; issuing waits for the next service day. */
  dayClosed: boolean;
  /** Tickets of the current service day, by id: read them through ticketReads.ts, change them only in `apply`. */
  tickets: TicketMap;
  counters: Record<string, CounterState>;
  /** Last number issued today per numbering key. */
  lastNumbers: Record<string, number>;
  /** Tickets issued today per service, for the daily cap. */
  issuedToday: Record<string, number>;
  /** Recent service times (seconds) per service, newest last, for the estimated wait. */
  serviceTimes: Record<string, number[]>;
  /**
   * Recent service times (seconds) per counter and service, newest last: a slow and a fast counter
   * clear a line at different speeds. Absent in snapshots written before it existed.
   */
  counterServiceTimes?: Record<string, Record<string, number[]>>;
  /** Newest first. */
  recentCalls: CallRecord[];
  alerts: Record<string, StaffAlert>;
  /** Booked time slots of today and later days, by id; absent until the first booking. */
  appointments?: Record<string, Appointment>;
}

export const RECENT_CALLS_KEPT = 30;
export const SERVICE_TIME_SAMPLES = 20;

export function emptyCounterState(at = 0): CounterState {
  return {
    status: 'closed',
    pauseReason: null,
    clerkId: null,
    currentTicketId: null,
    priorityStreak: 0,
    since: at,
  };
}

export function defaultOfficeConfig(): OfficeConfig {
  const weekday = [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ];
  return {
    office: {
      name: 'Bộ phận Một cửa',
      nameEn: 'One-stop desk',
      timeZone: 'Asia/Ho_Chi_Minh',
      dayCloseHour: 20,
      openingHours: {
        '1': weekday,
        '2': weekday,
        '3': weekday,
        '4': weekday,
        '5': weekday,
        '6': [{ from: '07:30', to: '11:30' }],
      },
      holidays: [],
      requireStart: false,
      ratingWindowSeconds: 120,
    },
    fields: {},
    services: {},
    counters: {},
    users: {},
    devices: {},
    printerProfiles: {},
    priority: {
      priorityBurst: DEFAULT_PRIORITY_BURST,
      maxWaitMinutes: 0,
      strictServiceOrder: false,
      kioskAsks: true,
      groups: [
        { id: 'elderly', name: { vi: 'Người cao tuổi', en: 'Elderly person' } },
        { id: 'disabled', name: { vi: 'Người khuyết tật', en: 'Person with a disability' } },
        { id: 'pregnant', name: { vi: 'Phụ nữ mang thai', en: 'Pregnant woman' } },
        { id: 'merit', name: { vi: 'Người có công với cách mạng', en: 'Person with merit to the revolution' } },
        { id: 'smallChild', name: { vi: 'Người đi cùng trẻ em dưới 6 tuổi', en: 'Person with a child under 6' } },
      ],
    },
    display: {
      tickerText: 'Kính chào quý khách. Vui lòng lấy số thứ tự và chờ đến lượt.',
      recentCallsShown: 8,
      showWaitingCounts: true,
      voiceEnabled: true,
      voiceLanguage: 'vi',
      numberReading: 'words',
      numberDialect: 'north',
      voiceTemplateVi: 'Mời công dân có số thứ tự {number} đến quầy số {counter}',
      voiceTemplateEn: 'Ticket number {number}, please go to counter {counter}',
    },
    kiosk: {
      footerText: 'Vui lòng chờ đến lượt',
      showTicketWhenPrinterFails: true,
      idleSeconds: 45,
      statusBaseUrl: '',
    },
  };
}

/** The state before the first event. The hub's first events open a service day and configure the office. */
export function emptyState(config: OfficeConfig = defaultOfficeConfig()): QueueState {
  return {
    seq: 0,
    config,
    serviceDay: '',
    dayClosed: false,
    tickets: emptyTickets(),
    counters: {},
    lastNumbers: {},
    issuedToday: {},
    serviceTimes: {},
    recentCalls: [],
    alerts: {},
  };
}
