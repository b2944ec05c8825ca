import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebAudioPlayer } from './webAudioPlayer.js';

/** A stand-in for the browser's AudioContext: records what is scheduled; the test decides when sound ends. */
class FakeSource extends EventTarget {
  buffer: { duration: number; url: string } | null = null;
  startedAt: number | null = null;
  stopped = false;
  constructor(private readonly context: FakeAudioContext) {
    super();
  }
  connect(): void {}
  start(at = 0): void {
    this.startedAt = at;
    this.context.scheduled.push(this);
  }
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeAudioContext extends EventTarget {
  static instances: FakeAudioContext[] = [];
  static startSuspended = false;
  static resumeWorks = true;
  state: 'running' | 'suspended' | 'closed' = FakeAudioContext.startSuspended ? 'suspended' : 'running';
  currentTime = 10;
  sampleRate = 48_000;
  destination = {};
  scheduled: FakeSource[] = [];
  constructor() {
    super();
    FakeAudioContext.instances.push(this);
  }
  resume(): Promise<void> {
    if (!FakeAudioContext.resumeWorks) return new Promise(() => undefined);
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
  createBufferSource(): FakeSource {
    return new FakeSource(this);
  }
  createBuffer() {
    return { duration: 0, url: 'silence' };
  }
  decodeAudioData(data: ArrayBuffer): Promise<{ duration: number; url: string }> {
    const url = new TextDecoder().decode(data);
    return Promise.resolve({ duration: 0.5, url });
  }
  /** The sound reached its end: the last scheduled source says so. */
  finish(): void {
    this.scheduled.at(-1)?.dispatchEvent(new Event('ended'));
  }
}

const DEFAULT_MANIFEST = {
  clips: {
    chime: { file: 'chime.opus' },
    vi_phrase_invite: { file: 'vi_phrase_invite.opus' },
    vi_num_mot: { file: 'vi_num_mot.opus' },
  },
};

function serve(officeManifest: unknown | null) {
  const fetched: string[] = [];
  const fetchStub = vi.fn(async (input: string | URL) => {
    const url = String(input);
    fetched.push(url);
    if (url === '/voice/default/manifest.json') return Response.json(DEFAULT_MANIFEST);
    if (url === '/voice/office/manifest.json') {
      return officeManifest ? Response.json(officeManifest) : new Response('not found', { status: 404 });
    }
    if (url.endsWith('.opus') || url.endsWith('.mp3')) return new Response(url);
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchStub);
  return fetched;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

beforeEach(() => {
  FakeAudioContext.instances = [];
  FakeAudioContext.startSuspended = false;
  FakeAudioContext.resumeWorks = true;
  vi.stubGlobal('AudioContext', FakeAudioContext);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('WebAudioPlayer', () => {
  it('plays the office recording where there is one, the default clip otherwise, back to back', async () => {
    serve({ clips: { chime: { file: 'our-chime.mp3', text: '(chime)' } } });
    const player = new WebAudioPlayer();
    const done = player.play(['chime', 'vi_phrase_invite', 'vi_num_mot']);
    await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(3));
    const context = FakeAudioContext.instances[0]!;
    expect(context.scheduled.map((s) => s.buffer?.url)).toEqual([
      '/voice/office/our-chime.mp3',
      '/voice/default/vi_phrase_invite.opus',
      '/voice/default/vi_num_mot.opus',
    ]);
    // Each clip starts exactly where the previous one ends.
    expect(context.scheduled.map((s) => s.startedAt)).toEqual([10.05, 10.55, 11.05]);
    let finished = false;
    void done.then(() => (finished = true));
    await settle();
    expect(finished).toBe(false);
    context.finish();
    await done;
  });

  it('decodes each clip once, and offers office phrases to the templates', async () => {
    const fetched = serve({
      clips: { vi_phrase_xin_moi_so: { file: 'xin-moi-so.opus', text: 'Xin mời số' }, chime: { file: 'c.opus' } },
    });
    const player = new WebAudioPlayer();
    for (let round = 0; round < 2; round++) {
      const done = player.play(['chime', 'vi_num_mot']);
      await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(2 * (round + 1)));
      FakeAudioContext.instances[0]!.finish();
      await done;
    }
    expect(fetched.filter((url) => url.endsWith('.opus'))).toEqual([
      '/voice/office/c.opus',
      '/voice/default/vi_num_mot.opus',
    ]);
    expect(player.phrases()).toEqual([{ id: 'vi_phrase_xin_moi_so', lang: 'vi', text: 'Xin mời số' }]);
  });

  it('plays what it has and reports a clip that exists nowhere', async () => {
    serve(null);
    const problems: string[] = [];
    const player = new WebAudioPlayer({ onProblem: (m) => problems.push(m) });
    const done = player.play(['chime', 'vi_num_hai']);
    await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(1));
    FakeAudioContext.instances[0]!.finish();
    await done;
    expect(problems).toEqual(['Thiếu đoạn âm thanh "vi_num_hai" / Voice clip "vi_num_hai" is missing']);
  });

  it('gives up on a stalled audio output, and uses a new AudioContext for the next call', async () => {
    serve(null);
    vi.useFakeTimers();
    const player = new WebAudioPlayer();
    const stalled = player.play(['chime', 'vi_phrase_invite']);
    const outcome = stalled.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(1000 + 2100);
    expect(await outcome).toMatch(/stalled/);
    expect(FakeAudioContext.instances[0]!.scheduled.every((s) => s.stopped)).toBe(true);

    const next = player.play(['chime']);
    await vi.waitFor(() => expect(FakeAudioContext.instances[1]?.scheduled).toHaveLength(1));
    expect(FakeAudioContext.instances[0]!.state).toBe('closed');
    FakeAudioContext.instances[1]!.finish();
    await next;
  });

  it('replaces a closed AudioContext', async () => {
    serve(null);
    const player = new WebAudioPlayer();
    const first = player.play(['chime']);
    await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(1));
    FakeAudioContext.instances[0]!.finish();
    await first;
    FakeAudioContext.instances[0]!.state = 'closed';
    const second = player.play(['chime']);
    await vi.waitFor(() => expect(FakeAudioContext.instances[1]?.scheduled).toHaveLength(1));
    FakeAudioContext.instances[1]!.finish();
    await second;
  });

  it('asks for a click when the browser keeps sound off, and plays after unlock()', async () => {
    serve(null);
    FakeAudioContext.startSuspended = true;
    FakeAudioContext.resumeWorks = false;
    const changes: boolean[] = [];
    const player = new WebAudioPlayer({ onNeedsGestureChange: (needed) => changes.push(needed) });
    await player.start();
    expect(player.needsGesture).toBe(true);
    await expect(player.play(['chime'])).rejects.toThrow(/Bật|blocked/);

    FakeAudioContext.resumeWorks = true; // the click
    expect(await player.unlock()).toBe(true);
    expect(player.needsGesture).toBe(false);
    expect(changes).toEqual([true, false]);
    const done = player.play(['chime']);
    // The unlock started one silent buffer; the chime comes after it.
    await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(2));
    FakeAudioContext.instances[0]!.finish();
    await done;
  });

  it('stop() cuts the announcement and settles play()', async () => {
    serve(null);
    const player = new WebAudioPlayer();
    const done = player.play(['chime', 'vi_num_mot']);
    await vi.waitFor(() => expect(FakeAudioContext.instances[0]?.scheduled).toHaveLength(2));
    player.stop();
    await done;
    expect(FakeAudioContext.instances[0]!.scheduled.every((s) => s.stopped)).toBe(true);
  });
});
