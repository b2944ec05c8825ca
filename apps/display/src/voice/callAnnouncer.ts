/**
 * Connects the hub's events to the voice: each live call or recall goes into the AnnouncementQueue
 * (one announcement at a time), read with the office's current voice settings.
 *
 * It also keeps a short, read-only record of what it announced and skipped (`history`, `skipped`,
 * `played`). The screen does not need it; it is exposed as `window.__announcer` so end-to-end tests
 * (and a technician at the console) can check which clip sequence a call produced without listening.
 */
import type { HubClient } from '@motcua/client';
import type { QueueState } from '@motcua/core';
import { callToAnnounce, counterFromParam, type NotAnnouncedReason } from '../boardModel.js';
import { announcementClips, type AnnouncementSettings } from './announcementClips.js';
import { AnnouncementQueue } from './announcer.js';
import { DEFAULT_PHRASES, type PhraseClip } from './voiceTemplate.js';
import type { VoicePlayer } from './webAudioPlayer.js';

export interface AnnouncementRecord {
  eventSeq: number;
  ticketId: string;
  label: string;
  counterNumber: number;
  clips: string[];
  /** The hub's time of the call. */
  at: number;
  recall: boolean;
}

export interface PlaybackRecord {
  clips: string[];
  outcome: 'playing' | 'finished' | 'failed';
}

export interface SkippedRecord {
  eventSeq: number;
  ticketId: string;
  reason: NotAnnouncedReason | 'stale' | 'duplicate' | 'overflow' | 'waited-too-long' | 'cleared';
}

export interface CallAnnouncer {
  readonly history: readonly AnnouncementRecord[];
  readonly skipped: readonly SkippedRecord[];
  /** Clip sequences handed to the player, in order, with how the playback ended. */
  readonly played: readonly PlaybackRecord[];
  /** Resolves once nothing is playing or waiting. */
  idle(): Promise<void>;
  dispose(): void;
}

/** Calls older than this (hub time) are not read out: "only calls younger than a few seconds". */
export const FRESH_CALL_MS = 10_000;
/** A play() that has not settled by then is abandoned, so the queue never stalls. */
const PLAY_TIMEOUT_MS = 45_000;
const RECORDS_KEPT = 200;

export interface CallAnnouncerOptions {
  /** The `?counter=` of a per-counter screen (announces only that counter), or null for the wall board. */
  counterParam: string | null;
  /** False turns the voice off on this screen whatever the office setting. */
  voiceWanted: boolean;
  onError?: (error: unknown) => void;
}

export function voiceSettings(state: QueueState | null, player: VoicePlayer): AnnouncementSettings {
  const display = state?.config.display;
  return {
    language: display?.voiceLanguage ?? 'vi',
    numberReading: display?.numberReading ?? 'words',
    dialect: display?.numberDialect ?? 'north',
    templateVi: display?.voiceTemplateVi,
    templateEn: display?.voiceTemplateEn,
    phrases: templatePhrases(player.phrases()),
  };
}

/** The default phrases plus the office's own; an office recording of a default phrase id wins. */
function templatePhrases(office: PhraseClip[]): PhraseClip[] {
  const ids = new Set(office.map((p) => p.id));
  return [...office, ...DEFAULT_PHRASES.filter((p) => !ids.has(p.id))];
}

function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECORDS_KEPT) list.shift();
}

export function startCallAnnouncer(
  client: HubClient,
  player: VoicePlayer,
  options: CallAnnouncerOptions,
): CallAnnouncer {
  const history: AnnouncementRecord[] = [];
  const skipped: SkippedRecord[] = [];
  const played: PlaybackRecord[] = [];
  const ticketOfEvent = new Map<string, { eventSeq: number; ticketId: string }>();
  const settings = () => voiceSettings(client.state, player);

  const queue = new AnnouncementQueue({
    play: async (clips) => {
      const record: PlaybackRecord = { clips, outcome: 'playing' };
      keep(played, record);
      try {
        await player.play(clips);
        record.outcome = 'finished';
      } catch (error) {
        record.outcome = 'failed';
        throw error;
      }
    },
    now: () => client.hubNow(),
    settings,
    maxAgeMs: FRESH_CALL_MS,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    playTimeoutMs: PLAY_TIMEOUT_MS,
    stop: () => player.stop(),
    onError: (error) => options.onError?.(error),
    onSkip: (call, reason) => {
      const known = call.eventId ? ticketOfEvent.get(call.eventId) : undefined;
      if (known) keep(skipped, { ...known, reason });
    },
  });

  const unsubscribe = client.onEvent((envelope, meta) => {
    const state = client.state;
    if (!state) return;
    const counterId = options.counterParam
      ? (counterFromParam(state, options.counterParam)?.id ?? `unknown:${options.counterParam}`)
      : null;
    const decision = callToAnnounce(envelope, state, {
      live: meta.live,
      online: client.getSnapshot().connection === 'online',
      counterId,
    });
    if ('skip' in decision) {
      const event = envelope.event;
      if (decision.skip !== 'not-a-call' && 'ticketId' in event) {
        keep(skipped, { eventSeq: envelope.seq, ticketId: event.ticketId, reason: decision.skip });
      }
      return;
    }
    const { call } = decision;
    if (!options.voiceWanted) {
      keep(skipped, { eventSeq: call.eventSeq, ticketId: call.ticketId, reason: 'voice-off' });
      return;
    }
    const eventId = `${envelope.seq}@${envelope.at}`;
    ticketOfEvent.set(eventId, { eventSeq: call.eventSeq, ticketId: call.ticketId });
    if (ticketOfEvent.size > RECORDS_KEPT) ticketOfEvent.delete(ticketOfEvent.keys().next().value as string);
    const queued = {
      eventId,
      label: call.label,
      counterNumber: call.counterNumber,
      calledAt: call.calledAt,
      recall: call.recall,
    };
    if (queue.enqueue(queued) !== 'queued') return;
    keep(history, {
      eventSeq: call.eventSeq,
      ticketId: call.ticketId,
      label: call.label,
      counterNumber: call.counterNumber,
      clips: announcementClips(queued, settings()),
      at: call.calledAt,
      recall: call.recall,
    });
  });

  return {
    history,
    skipped,
    played,
    idle: () => queue.idle(),
    dispose: () => {
      unsubscribe();
      queue.dispose();
    },
  };
}
