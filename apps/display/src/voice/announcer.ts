/**
 * AnnouncementQueue: plays voice announcements one at a time, in arrival order.
 *
 * Pure logic: playback, the clock and (optionally) a sleep function are injected, so it runs the same
 * in the browser and in tests.
 * - Never two at once: the next announcement starts only after `play()` of the previous one settled.
 * - Order is preserved (FIFO).
 * - Stale calls are skipped: a call whose `calledAt` is older than `maxAgeMs` when it reaches the
 *   queue is dropped, so a display that reconnects and receives a replay does not read out old calls.
 *   A call that waited in the queue longer than `maxQueueWaitMs` is also dropped (a backlog guard).
 * - Duplicates of the same event (same `eventId`) are announced once; a recall is a new event (new
 *   `eventId`) and is announced again even for the same ticket.
 * - A failing `play()` is reported to `onError` and the queue moves on; with `sleep` and
 *   `playTimeoutMs` a `play()` that hangs (e.g. a suspended AudioContext) is abandoned after the
 *   timeout (`stop()` is called first) so the voice never stops for good.
 */
import { announcementClips, type AnnouncementSettings } from './announcementClips.js';

export interface QueuedCall {
  /** Unique id of the call/recall event; used to drop duplicate deliveries. Optional. */
  eventId?: string;
  label: string;
  counterNumber: number;
  /** Epoch ms when the clerk called (the server's time). */
  calledAt: number;
  /** True for a recall ("gọi lại"); informational, recalls are always announced. */
  recall?: boolean;
}

export type EnqueueResult = 'queued' | 'stale' | 'duplicate' | 'disposed';

export interface AnnouncementQueueOptions {
  /** Plays the clips back to back; resolves when finished (or rejects on failure). */
  play: (clipIds: string[]) => Promise<void>;
  /** Current epoch ms (same clock as `calledAt`, e.g. server-corrected). */
  now: () => number;
  /** Current voice settings; read when an announcement starts. */
  settings: () => AnnouncementSettings;
  /** Calls older than this when enqueued are skipped. Default 10 000 ms. */
  maxAgeMs?: number;
  /** Calls that waited longer than this in the queue are skipped. Default 120 000 ms. */
  maxQueueWaitMs?: number;
  /** Queue length bound; the oldest waiting call is dropped beyond it. Default 50. */
  maxQueueLength?: number;
  /** Optional timer; needed for `playTimeoutMs`. */
  sleep?: (ms: number) => Promise<void>;
  /** Abandon a play() that has not settled after this long (needs `sleep`). */
  playTimeoutMs?: number;
  /** Called to cut the current playback when it timed out or the queue is cleared. */
  stop?: () => void;
  onError?: (error: unknown, call: QueuedCall) => void;
  /** Called for each call that was not announced, with the reason. */
  onSkip?: (call: QueuedCall, reason: 'stale' | 'duplicate' | 'overflow' | 'waited-too-long' | 'cleared') => void;
}

interface Entry {
  call: QueuedCall;
  enqueuedAt: number;
}

const SEEN_EVENT_IDS_LIMIT = 500;

export class AnnouncementQueue {
  private readonly options: AnnouncementQueueOptions;
  private readonly waiting: Entry[] = [];
  private readonly seen = new Set<string>();
  private running = false;
  private current: QueuedCall | undefined;
  private idleWaiters: Array<() => void> = [];
  private disposed = false;

  constructor(options: AnnouncementQueueOptions) {
    this.options = options;
  }

  /** Adds a call (or recall). Returns whether it was queued. */
  enqueue(call: QueuedCall): EnqueueResult {
    const { now, maxAgeMs = 10_000, maxQueueLength = 50 } = this.options;
    if (this.disposed) return 'disposed';
    if (call.eventId !== undefined) {
      if (this.seen.has(call.eventId)) {
        this.options.onSkip?.(call, 'duplicate');
        return 'duplicate';
      }
      this.remember(call.eventId);
    }
    const t = now();
    if (t - call.calledAt > maxAgeMs) {
      this.options.onSkip?.(call, 'stale');
      return 'stale';
    }
    this.waiting.push({ call, enqueuedAt: t });
    while (this.waiting.length > Math.max(1, maxQueueLength)) {
      const dropped = this.waiting.shift();
      if (dropped) this.options.onSkip?.(dropped.call, 'overflow');
    }
    void this.pump();
    return 'queued';
  }

  /** Number of calls waiting (not counting the one playing). */
  get pending(): number {
    return this.waiting.length;
  }

  /** The call being announced right now, if any. */
  get playing(): QueuedCall | undefined {
    return this.current;
  }

  /** Resolves once nothing is playing or waiting. */
  idle(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops every waiting call (the current one finishes unless `stop` cuts it). */
  clear(stopCurrent = false): void {
    for (const entry of this.waiting.splice(0)) this.options.onSkip?.(entry.call, 'cleared');
    if (stopCurrent) this.options.stop?.();
  }

  /** Clears the queue and refuses further calls. */
  dispose(): void {
    this.disposed = true;
    this.clear(true);
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    if (this.seen.size > SEEN_EVENT_IDS_LIMIT) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { now, maxQueueWaitMs = 120_000 } = this.options;
      for (;;) {
        if (this.disposed) {
          this.clear();
          break;
        }
        const entry = this.waiting.shift();
        if (!entry) break;
        if (now() - entry.enqueuedAt > maxQueueWaitMs) {
          this.options.onSkip?.(entry.call, 'waited-too-long');
          continue;
        }
        this.current = entry.call;
        try {
          const clips = announcementClips(entry.call, this.options.settings());
          await this.playWithTimeout(clips);
        } catch (error) {
          this.options.onError?.(error, entry.call);
        } finally {
          this.current = undefined;
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async playWithTimeout(clips: string[]): Promise<void> {
    const { play, sleep, playTimeoutMs, stop } = this.options;
    const playing = play(clips);
    if (!sleep || playTimeoutMs === undefined) {
      await playing;
      return;
    }
    let timedOut = false;
    await Promise.race([
      playing,
      sleep(playTimeoutMs).then(() => {
        timedOut = true;
      }),
    ]);
    if (timedOut) {
      playing.catch(() => undefined);
      stop?.();
      throw new Error(`Announcement playback timed out after ${playTimeoutMs} ms`);
    }
  }
}
