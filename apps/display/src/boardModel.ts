/**
 * What the wall display reads from the shared state: which counter a per-counter screen stands at, how
 * many tiles per row, and which events are announced. Pure: no DOM, no clock.
 */
import type { Counter, EventEnvelope, QueueState } from '@motcua/core';
import { sortedCounters, ticketById } from '@motcua/core';

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

export interface CallToAnnounce {
  eventSeq: number;
  ticketId: string;
  label: string;
  counterId: string;
  counterNumber: number;
  /** The hub's time of the call (the event's `at`). */
  calledAt: number;
  recall: boolean;
}

export type NotAnnouncedReason = 'not-a-call' | 'not-live' | 'offline' | 'voice-off' | 'other-counter' | 'unknown';

export interface AnnounceContext {
  /** False for events folded while catching up after a reconnect. */
  live: boolean;
  online: boolean;
  /** A per-counter screen announces only its own counter; null for the wall board. */
  counterId: string | null;
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
  if (event.type !== 'ticket.called' && event.type !== 'ticket.recalled') return { skip: 'not-a-call' };
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
    },
  };
}
