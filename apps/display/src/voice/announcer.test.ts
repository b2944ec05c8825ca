import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, type AnnouncementQueueOptions, type QueuedCall } from './announcer.js';
import type { AnnouncementSettings } from './announcementClips.js';

const SETTINGS: AnnouncementSettings = { language: 'vi', numberReading: 'words' };

/** A fake player: each play() waits until the test resolves it; records start/end and concurrency. */
function fakePlayer() {
  const log: string[] = [];
  const pending: Array<{ label: string; resolve: () => void; reject: (e: Error) => void }> = [];
  let active = 0;
  let maxActive = 0;
  const play = (clips: string[]): Promise<void> => {
    const label = clips.join(' ');
    active++;
    maxActive = Math.max(maxActive, active);
    log.push(`start ${label}`);
    return new Promise<void>((resolve, reject) => {
      pending.push({
        label,
        resolve: () => {
          active--;
          log.push(`end ${label}`);
          resolve();
        },
        reject: (e) => {
          active--;
          log.push(`fail ${label}`);
          reject(e);
        },
      });
    });
  };
  return {
    play,
    log,
    pending,
    get maxActive() {
      return maxActive;
    },
    get active() {
      return active;
    },
    /** Finishes the oldest unfinished play and lets the queue move on. */
    async finishNext(): Promise<void> {
      const next = pending.shift();
      if (!next) throw new Error('nothing playing');
      next.resolve();
      await flush();
    },
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function setup(extra: Partial<AnnouncementQueueOptions> = {}) {
  const player = fakePlayer();
  let clock = 1_000_000;
  const skipped: string[] = [];
  const errors: unknown[] = [];
  const queue = new AnnouncementQueue({
    play: player.play,
    now: () => clock,
    settings: () => SETTINGS,
    onSkip: (call, reason) => skipped.push(`${call.label}:${reason}`),
    onError: (e) => errors.push(e),
    ...extra,
  });
  return {
    queue,
    player,
    skipped,
    errors,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
    call: (label: string, counterNumber: number, more: Partial<QueuedCall> = {}): QueuedCall => ({
      label,
      counterNumber,
      calledAt: clock,
      ...more,
    }),
  };
}

/** The label part of a recorded log line is hard to read; count 'start' lines instead. */
const starts = (log: string[]) => log.filter((l) => l.startsWith('start'));

describe('AnnouncementQueue', () => {
  it('never plays two announcements at once and keeps the order', async () => {
    const t = setup();
    const labels = ['1', '2', '3', '4', '5'];
    for (const [i, label] of labels.entries()) expect(t.queue.enqueue(t.call(label, i + 1))).toBe('queued');
    await flush();
    expect(t.player.active).toBe(1);
    expect(t.queue.pending).toBe(4);
    for (let i = 0; i < labels.length; i++) {
      await flush();
      expect(t.player.active).toBe(1);
      await t.player.finishNext();
    }
    await t.queue.idle();
    expect(t.player.maxActive).toBe(1);
    expect(starts(t.player.log)).toHaveLength(5);
    // strictly alternating start/end
    t.player.log.forEach((line, i) => expect(line.startsWith(i % 2 === 0 ? 'start' : 'end')).toBe(true));
    // order: counter words of the n-th announcement are the n-th counter (một, hai, ba, bốn, năm)
    const counters = starts(t.player.log).map((l) => l.split(' ').at(-1));
    expect(counters).toEqual(['vi_num_mot', 'vi_num_hai', 'vi_num_ba', 'vi_num_bon', 'vi_num_nam']);
  });

  it('calls arriving while one plays wait for it to finish', async () => {
    const t = setup();
    t.queue.enqueue(t.call('A1', 1));
    await flush();
    t.queue.enqueue(t.call('A2', 2));
    t.queue.enqueue(t.call('A3', 3));
    await flush();
    expect(starts(t.player.log)).toHaveLength(1);
    expect(t.queue.playing?.label).toBe('A1');
    await t.player.finishNext();
    expect(starts(t.player.log)).toHaveLength(2);
    expect(t.queue.playing?.label).toBe('A2');
    await t.player.finishNext();
    await t.player.finishNext();
    await t.queue.idle();
    expect(t.player.maxActive).toBe(1);
    expect(t.queue.playing).toBeUndefined();
  });

  it('skips stale calls (older than maxAgeMs), e.g. replayed after a reconnect', async () => {
    const t = setup({ maxAgeMs: 10_000 });
    const old = t.call('A7', 1, { calledAt: t.now() - 10_001 });
    const fresh = t.call('A8', 2, { calledAt: t.now() - 9_000 });
    expect(t.queue.enqueue(old)).toBe('stale');
    expect(t.queue.enqueue(fresh)).toBe('queued');
    await flush();
    await t.player.finishNext();
    await t.queue.idle();
    expect(starts(t.player.log)).toHaveLength(1);
    expect(t.skipped).toEqual(['A7:stale']);
  });

  it('does not drop a fresh call just because it waited behind others (within maxQueueWaitMs)', async () => {
    const t = setup({ maxAgeMs: 10_000, maxQueueWaitMs: 60_000 });
    t.queue.enqueue(t.call('A1', 1));
    t.queue.enqueue(t.call('A2', 2));
    await flush();
    t.advance(15_000);
    await t.player.finishNext();
    expect(starts(t.player.log)).toHaveLength(2);
    t.queue.enqueue(t.call('A3', 3));
    t.advance(30_000);
    t.queue.enqueue(t.call('A4', 4));
    t.advance(30_500); // A3 has waited 60.5 s, A4 30.5 s
    await t.player.finishNext(); // A2 ends; A3 waited too long; A4 starts
    expect(starts(t.player.log)).toHaveLength(3);
    await t.player.finishNext();
    await t.queue.idle();
    expect(t.skipped).toEqual(['A3:waited-too-long']);
  });

  it('announces a recall again, but a duplicate delivery of the same event only once', async () => {
    const t = setup();
    t.queue.enqueue(t.call('A5', 3, { eventId: 'e1' }));
    await flush();
    await t.player.finishNext();
    expect(t.queue.enqueue(t.call('A5', 3, { eventId: 'e1' }))).toBe('duplicate');
    expect(t.queue.enqueue(t.call('A5', 3, { eventId: 'e2', recall: true }))).toBe('queued');
    await flush();
    await t.player.finishNext();
    await t.queue.idle();
    const played = starts(t.player.log);
    expect(played).toHaveLength(2);
    expect(played[0]).toBe(played[1]);
    expect(t.skipped).toEqual(['A5:duplicate']);
  });

  it('recall without event ids is announced again', async () => {
    const t = setup();
    t.queue.enqueue(t.call('A5', 3));
    t.queue.enqueue(t.call('A5', 3, { recall: true }));
    await flush();
    await t.player.finishNext();
    await t.player.finishNext();
    await t.queue.idle();
    expect(starts(t.player.log)).toHaveLength(2);
  });

  it('moves on after a failing play and reports the error', async () => {
    const t = setup();
    t.queue.enqueue(t.call('A1', 1));
    t.queue.enqueue(t.call('A2', 2));
    await flush();
    t.player.pending.shift()?.reject(new Error('decode failed'));
    await flush();
    expect(t.errors).toHaveLength(1);
    expect(starts(t.player.log)).toHaveLength(2);
    await t.player.finishNext();
    await t.queue.idle();
    expect(t.player.maxActive).toBe(1);
  });

  it('abandons a hanging play after playTimeoutMs (calls stop) and continues', async () => {
    let wake: (() => void) | undefined;
    let stops = 0;
    const t = setup({
      sleep: () =>
        new Promise<void>((resolve) => {
          wake = resolve;
        }),
      playTimeoutMs: 30_000,
      stop: () => {
        stops++;
        // a real stop() ends the playback, which settles play()
        t.player.pending.shift()?.resolve();
      },
    });
    t.queue.enqueue(t.call('A1', 1));
    t.queue.enqueue(t.call('A2', 2));
    await flush();
    wake?.();
    await flush();
    expect(stops).toBe(1);
    expect(t.errors).toHaveLength(1);
    expect(starts(t.player.log)).toHaveLength(2);
    expect(t.player.maxActive).toBe(1);
    await t.player.finishNext();
    await t.queue.idle();
  });

  it('bounds the queue and drops the oldest waiting call', async () => {
    const t = setup({ maxQueueLength: 2 });
    for (const label of ['1', '2', '3', '4']) t.queue.enqueue(t.call(label, 1));
    expect(t.queue.pending).toBe(2);
    expect(t.skipped).toEqual(['2:overflow']);
    await t.player.finishNext();
    await t.player.finishNext();
    await t.player.finishNext();
    await t.queue.idle();
  });

  it('clear() and dispose()', async () => {
    const t = setup();
    t.queue.enqueue(t.call('1', 1));
    t.queue.enqueue(t.call('2', 1));
    t.queue.clear();
    expect(t.skipped).toEqual(['2:cleared']);
    t.queue.dispose();
    expect(t.queue.enqueue(t.call('3', 1))).toBe('disposed');
    await t.player.finishNext();
    await t.queue.idle();
    expect(starts(t.player.log)).toHaveLength(1);
  });
});
