/**
 * What the wall display reads from the shared state: which counter a per-counter screen stands at, how
 * many tiles per row, and which events are announced. Pure: no DOM, no clock.
 */
import type { BoardEntry, Counter, EventEnvelope, QueueState } from '@motcua/core';
import { sortedCounters, ticketById } from '@motcua/core';
import { bothLanguages, displayText } from './i18n/strings';

/** `?counter=3` (the counter number) or `?counter=quay-3` (its id) → the counter, or null when unknown. */
export function counterFromParam(state: QueueState, param: string | null): Counter | null {
  const value = param?.trim();
  if (!value) return null;
  const byId = state.config.counters[value];
  if (byId) return byId;
  if (!/^\d+$/.test(value)) return null;
  return sortedCounters(state).find((c) => c.number === Number(value)) ?? null;
}

/** Width ÷ height of the tile area on a landscape and on a portrait screen (header, side panels, ticker removed). */
const TILE_AREA_ASPECT = { landscape: 2.1, portrait: 1.1 } as const;

/** Columns that give the biggest ticket labels: a label is limited by its tile's height and by its width. */
function bestColumns(counterCount: number, areaAspect: number): number {
  let best = 1;
  let bestSize = 0;
  for (let columns = 1; columns <= counterCount; columns++) {
    const rows = Math.ceil(counterCount / columns);
    const size = Math.min(0.55 / rows, (0.24 * areaAspect) / columns);
    if (size > bestSize + 1e-9) {
      best = columns;
      bestSize = size;
    }
  }
  return best;
}

/** Columns of the counter tile grid, for a landscape and a portrait screen. */
export function tileColumns(counterCount: number): { landscape: number; portrait: number } {
  const n = Math.max(1, counterCount);
  return { landscape: bestColumns(n, TILE_AREA_ASPECT.landscape), portrait: bestColumns(n, TILE_AREA_ASPECT.portrait) };
}

/** Short counter name for a tile: "Quầy 1 – Hộ tịch" → "Hộ tịch" (the number is shown on its own). */
export function counterSubtitle(name: string, number: number): string {
  const rest = name.replace(new RegExp(`^\\s*(quầy|counter)\\s*${number}\\s*[–—:-]?\\s*`, 'i'), '');
  return rest.trim();
}

/** The line under a counter's number on the board: what the counter is doing, Vietnamese first. */
export function boardStatusText(entry: Pick<BoardEntry, 'status' | 'pauseReason'>): { vi: string; en: string } {
  switch (entry.status) {
    case 'called':
      return displayText('status.called');
    case 'serving':
      return displayText('status.serving');
    case 'idle':
      return displayText('status.idle');
    case 'paused':
      // The clerk types the reason in Vietnamese: said once, in the Vietnamese line; the English one stays short.
      return entry.pauseReason
        ? {
            vi: displayText('status.pausedBecause', { reason: entry.pauseReason }).vi,
            en: displayText('status.paused').en,
          }
        : displayText('status.paused');
    case 'closed':
      return displayText('status.closed');
  }
}

/** The badge of a call in the history and on the board: how the ticket was last called. */
export function callKindBadge(call: { recall: boolean; resume?: boolean }): string | null {
  if (call.recall) return bothLanguages('call.recall');
  if (call.resume) return bothLanguages('call.resume');
  return null;
}

export interface CallToAnnounce {
  eventSeq: number;
  ticketId: string;
  label: string;
  counterId: string;
  counterNumber: number;
  /** The hub's time of the call (the event's `at`). */
  calledAt: number;
  recall: boolean;
  /** A parked ticket taken up again: read out like a first call. */
  resume: boolean;
}

export type NotAnnouncedReason = 'not-a-call' | 'not-live' | 'offline' | 'voice-off' | 'other-counter' | 'unknown';

export interface AnnounceContext {
  /** False for events folded while catching up after a reconnect. */
  live: boolean;
  online: boolean;
  /** A per-counter screen announces only its own counter; null for the wall board. */
  counterId: string | null;
}

/** Events the board shows and reads out as a call: a call, a recall, and a parked ticket resumed. */
export function isBoardCall(
  event: EventEnvelope['event'],
): event is Extract<EventEnvelope['event'], { type: 'ticket.called' | 'ticket.recalled' | 'ticket.resumed' }> {
  return event.type === 'ticket.called' || event.type === 'ticket.recalled' || event.type === 'ticket.resumed';
}

/**
 * Whether a folded event is a call the display reads out, and what to read. Calls folded while catching
 * up, or while the connection is not online, are never read: they are old news in the waiting room.
 */
export function callToAnnounce(
  envelope: EventEnvelope,
  state: QueueState,
  context: AnnounceContext,
): { call: CallToAnnounce } | { skip: NotAnnouncedReason } {
  const event = envelope.event;
  if (!isBoardCall(event)) return { skip: 'not-a-call' };
  if (!context.live) return { skip: 'not-live' };
  if (!context.online) return { skip: 'offline' };
  if (!state.config.display.voiceEnabled) return { skip: 'voice-off' };
  if (context.counterId !== null && context.counterId !== event.counterId) return { skip: 'other-counter' };
  const ticket = ticketById(state, event.ticketId);
  const counter = state.config.counters[event.counterId];
  if (!ticket || !counter) return { skip: 'unknown' };
  return {
    call: {
      eventSeq: envelope.seq,
      ticketId: ticket.id,
      label: ticket.label,
      counterId: counter.id,
      counterNumber: counter.number,
      calledAt: envelope.at,
      recall: event.type === 'ticket.recalled',
      resume: event.type === 'ticket.resumed',
    },
  };
}
