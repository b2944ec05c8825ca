/**
 * Plays voice clips back to back on one Web Audio context.
 *
 * - Clips come from the office's own recordings (`/voice/office/manifest.json`) and, clip by clip,
 *   fall back to the default espeak-ng set (`/voice/default/manifest.json`); the hub serves both.
 * - Each clip is decoded once (`decodeAudioData`) and kept; an announcement is scheduled sample-exact,
 *   each clip starting where the previous one ends.
 * - The voice must last for days: a closed or stuck context is replaced by a new one, every `play()`
 *   settles (a safety timer covers a context whose clock stopped), and `stop()` cuts playback.
 * - Autoplay: when the browser keeps the context suspended until a user gesture, `needsGesture` turns
 *   true (the screen then shows "Bật âm thanh") and `unlock()`, called from the click, resumes it.
 */
import { bothLanguages } from '../i18n/strings.js';
import { isPhraseClipId, type PhraseClip } from './voiceTemplate.js';

export interface VoiceManifest {
  clips: Record<string, { file: string; durationMs?: number; text?: string }>;
}

export interface VoicePlayer {
  play(clipIds: string[]): Promise<void>;
  stop(): void;
  /** Extra phrase clips of the office's recordings, for the announcement templates. */
  phrases(): PhraseClip[];
}

export interface WebAudioPlayerOptions {
  officeBase?: string;
  defaultBase?: string;
  /** Told when the browser needs a click before it plays sound (and when it no longer does). */
  onNeedsGestureChange?: (needsGesture: boolean) => void;
  onProblem?: (message: string) => void;
}

/** Extra time a play() may take beyond the clips' length before it is settled anyway. */
const SAFETY_MARGIN_MS = 2000;
const RESUME_WAIT_MS = 800;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fetchManifest(url: string): Promise<VoiceManifest | null> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<VoiceManifest>;
    return body && typeof body.clips === 'object' && body.clips !== null ? { clips: body.clips } : null;
  } catch {
    return null;
  }
}

function stopSources(sources: readonly AudioBufferSourceNode[]): void {
  for (const source of sources) {
    try {
      source.stop();
    } catch {
      // Not started yet or already stopped: nothing to cut.
    }
  }
}

export class WebAudioPlayer implements VoicePlayer {
  private readonly officeBase: string;
  private readonly defaultBase: string;
  private readonly options: WebAudioPlayerOptions;
  private context: AudioContext | null = null;
  private contextSuspect = false;
  private office: VoiceManifest | null = null;
  private fallback: VoiceManifest | null = null;
  private manifests: Promise<void> | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();
  private sources: AudioBufferSourceNode[] = [];
  private finishCurrent: ((error?: Error) => void) | null = null;
  private gestureNeeded = false;

  constructor(options: WebAudioPlayerOptions = {}) {
    this.options = options;
    this.officeBase = options.officeBase ?? '/voice/office/';
    this.defaultBase = options.defaultBase ?? '/voice/default/';
  }

  get needsGesture(): boolean {
    return this.gestureNeeded;
  }

  /** Loads the manifests and checks whether the browser lets the page play sound without a click. */
  async start(): Promise<void> {
    await this.loadManifests();
    const context = this.ensureContext();
    if (context.state === 'suspended') await this.tryResume(context);
  }

  /** Decodes every clip in the background, so the first call is not delayed by downloads. */
  async preloadAll(): Promise<void> {
    await this.loadManifests();
    const ids = new Set([...Object.keys(this.fallback?.clips ?? {}), ...Object.keys(this.office?.clips ?? {})]);
    for (const id of ids) await this.buffer(id);
  }

  phrases(): PhraseClip[] {
    return Object.entries(this.office?.clips ?? {})
      .filter(([id, clip]) => isPhraseClipId(id) && typeof clip.text === 'string' && clip.text.trim())
      .map(([id, clip]) => ({ id, lang: id.startsWith('vi_') ? 'vi' : 'en', text: clip.text as string }));
  }

  /** Called from a click on "Bật âm thanh": resumes the context; true when sound now plays. */
  async unlock(): Promise<boolean> {
    const context = this.ensureContext();
    try {
      await context.resume();
    } catch {
      return false;
    }
    // A tiny silent buffer started inside the gesture keeps some browsers unlocked for good.
    const silent = context.createBuffer(1, 1, context.sampleRate);
    const source = context.createBufferSource();
    source.buffer = silent;
    source.connect(context.destination);
    source.start();
    this.setGestureNeeded(context.state !== 'running');
    return context.state === 'running';
  }

  async play(clipIds: string[]): Promise<void> {
    await this.loadManifests();
    const context = this.ensureContext();
    if (context.state !== 'running' && !(await this.tryResume(context))) {
      throw new Error(bothLanguages('voice.blocked', {}, ' / '));
    }
    const buffers: AudioBuffer[] = [];
    for (const id of clipIds) {
      const buffer = await this.buffer(id);
      if (buffer) buffers.push(buffer);
      else this.options.onProblem?.(bothLanguages('voice.missingClip', { clip: id }, ' / '));
    }
    if (buffers.length === 0) return;
    this.stop();
    await new Promise<void>((resolve, reject) => {
      let startAt = context.currentTime + 0.05;
      const sources = buffers.map((buffer) => {
        const source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(context.destination);
        source.start(startAt);
        startAt += buffer.duration;
        return source;
      });
      this.sources = sources;
      const totalMs = (startAt - context.currentTime) * 1000;
      const finish = (error?: Error): void => {
        clearTimeout(safety);
        if (this.finishCurrent === finish) this.finishCurrent = null;
        if (this.sources === sources) this.sources = [];
        if (error) reject(error);
        else resolve();
      };
      this.finishCurrent = finish;
      sources.at(-1)?.addEventListener('ended', () => finish(), { once: true });
      const safety = setTimeout(() => {
        // The context's clock did not reach the end: treat it as broken and replace it next time.
        this.contextSuspect = true;
        finish(new Error(bothLanguages('voice.stalled', {}, ' / ')));
        stopSources(sources);
      }, totalMs + SAFETY_MARGIN_MS);
    });
  }

  stop(): void {
    stopSources(this.sources);
    this.sources = [];
    this.finishCurrent?.();
  }

  private loadManifests(): Promise<void> {
    this.manifests ??= (async () => {
      const [office, fallback] = await Promise.all([
        fetchManifest(`${this.officeBase}manifest.json`),
        fetchManifest(`${this.defaultBase}manifest.json`),
      ]);
      this.office = office;
      this.fallback = fallback;
      if (!fallback) {
        this.manifests = null; // try again at the next call
        this.options.onProblem?.(bothLanguages('voice.loadFailed', {}, ' / '));
      }
    })();
    return this.manifests;
  }

  private ensureContext(): AudioContext {
    if (this.context && this.context.state !== 'closed' && !this.contextSuspect) return this.context;
    if (this.context && this.context.state !== 'closed') void this.context.close().catch(() => undefined);
    this.contextSuspect = false;
    const context = new AudioContext({ latencyHint: 'playback' });
    context.addEventListener('statechange', () => {
      if (context !== this.context) return;
      if (context.state === 'running') this.setGestureNeeded(false);
    });
    this.context = context;
    return context;
  }

  private async tryResume(context: AudioContext): Promise<boolean> {
    await Promise.race([context.resume().catch(() => undefined), sleep(RESUME_WAIT_MS)]);
    const running = context.state === 'running';
    this.setGestureNeeded(!running);
    return running;
  }

  private setGestureNeeded(value: boolean): void {
    if (this.gestureNeeded === value) return;
    this.gestureNeeded = value;
    this.options.onNeedsGestureChange?.(value);
  }

  /** The decoded clip, from the office's recordings when it has it, else the default set; null if neither. */
  private buffer(id: string): Promise<AudioBuffer | null> {
    let pending = this.buffers.get(id);
    if (!pending) {
      pending = this.decode(id);
      this.buffers.set(id, pending);
      // A failed download is tried again at the next announcement.
      void pending.then((buffer) => buffer ?? this.buffers.delete(id));
    }
    return pending;
  }

  private async decode(id: string): Promise<AudioBuffer | null> {
    const sources: string[] = [];
    const officeClip = this.office?.clips[id];
    if (officeClip) sources.push(this.officeBase + officeClip.file);
    const defaultClip = this.fallback?.clips[id];
    if (defaultClip) sources.push(this.defaultBase + defaultClip.file);
    for (const url of sources) {
      try {
        const response = await fetch(url);
        if (!response.ok) continue;
        const data = await response.arrayBuffer();
        return await this.ensureContext().decodeAudioData(data);
      } catch {
        // Try the next source (the default clip after a broken office recording).
      }
    }
    return null;
  }
}
