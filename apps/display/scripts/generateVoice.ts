/**
 * Generates the default voice clip set for the wall display with espeak-ng + sox + opusenc.
 *
 *   apt-get install -y espeak-ng sox opus-tools
 *   npx tsx apps/display/scripts/generateVoice.ts [--out apps/display/voice/default]
 *
 * One clip per unit listed in packages/core/src/voiceClips.ts (VOICE_CLIPS): phrases, number words,
 * letters, pauses and the chime. Speech: espeak-ng voice `vi` (English clips: `en-us`), speed 140,
 * 22.05 kHz mono, leading/trailing silence trimmed, a 5 ms fade at each edge (so joined clips do not
 * tick), 50 ms tail. Every sounding clip (speech and chime) is then normalised to one loudness,
 * TARGET_LUFS per EBU R128 (measured by src/voice/loudness.ts), so "năm" is as loud as "tư" and the
 * chime no louder than the speech; the script fails if a clip would peak above PEAK_CEILING_DB.
 * Encoded as Ogg Opus 24 kbit/s (`.opus`). Writes manifest.json next to the clips.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHIME, PAUSE_LONG, PAUSE_SHORT, VOICE_CLIPS, type ClipSpec } from '@motcua/core';
import { integratedLoudness, samplePeakDb } from '../src/voice/loudness.js';
import { PEAK_CEILING_DB, TARGET_LUFS } from '../src/voice/voiceLoudnessTarget.js';

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(SCRIPT_DIR, '../../..');
const VI_VOICE = 'vi';
const EN_VOICE = 'en-us';
const SPEED = 140;
const RATE = 22050;
const OPUS_BITRATE_KBPS = 24;
const MAX_TOTAL_BYTES = 3 * 1024 * 1024;
const EDGE_FADE_SECONDS = 0.005;

export interface VoiceManifest {
  generator: string;
  espeakVersion: string;
  voice: string;
  englishVoice?: string;
  createdBy: string;
  format?: string;
  clips: Record<string, { file: string; durationMs: number; text: string }>;
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function espeakVersion(): string {
  const out = run('espeak-ng', ['--version']);
  const match = /text-to-speech:\s*([^\s]+)/.exec(out);
  return match?.[1] ?? out.trim();
}

function durationMs(wavPath: string): number {
  return Math.round(Number(run('soxi', ['-D', wavPath]).trim()) * 1000);
}

/** Speech clip: synthesise, trim silence at both ends, fade the edges, add a short tail. */
function speak(spec: ClipSpec, wav: string, tmp: string): void {
  const raw = join(tmp, `${spec.id}.raw.wav`);
  const trimmed = join(tmp, `${spec.id}.trimmed.wav`);
  const voice = spec.lang === 'en' ? EN_VOICE : VI_VOICE;
  run('espeak-ng', ['-v', voice, '-s', String(SPEED), '-w', raw, spec.text]);
  const trimSilence = ['silence', '1', '0.02', '0.1%'];
  run('sox', [
    raw,
    '-r',
    String(RATE),
    '-c',
    '1',
    '-b',
    '16',
    trimmed,
    ...trimSilence,
    'reverse',
    ...trimSilence,
    'reverse',
  ]);
  // A second pass: sox's fade-out needs the length, which is unknown inside the trimming chain.
  const fade = String(EDGE_FADE_SECONDS);
  run('sox', [trimmed, wav, 'fade', 't', fade, '-0', fade, 'pad', '0', '0.05']);
}

/** Two-tone "ding-dong" (E5 then C5, with an octave partial and a bell-like decay), about 1.1 s. */
function chime(wav: string, tmp: string): void {
  const tone = (name: string, freq: number): string => {
    const file = join(tmp, `${name}.wav`);
    run('sox', [
      '-n',
      '-r',
      String(RATE),
      '-c',
      '1',
      '-b',
      '16',
      file,
      'synth',
      '0.75',
      'sine',
      String(freq),
      'sine',
      'mix',
      String(freq * 2),
      'gain',
      '-6',
      'fade',
      'l',
      '0.005',
      '0.75',
      '0.7',
    ]);
    return file;
  };
  const ding = tone('ding', 659.25);
  const dong = tone('dong', 523.25);
  const dongLate = join(tmp, 'dong_late.wav');
  run('sox', [dong, dongLate, 'pad', '0.38', '0']);
  run('sox', ['-m', ding, dongLate, '-b', '16', wav, 'pad', '0', '0.05']);
}

/** The clip's samples as 32-bit floats, read through sox (any format sox reads). */
function readSamples(wav: string): Float32Array {
  const raw = execFileSync('sox', [wav, '-t', 'f32', '-e', 'floating-point', '-'], { maxBuffer: 64 * 1024 * 1024 });
  return new Float32Array(raw.buffer, raw.byteOffset, Math.floor(raw.byteLength / 4));
}

/** Loudness of an encoded clip as the display will hear it (decoded by opusdec at 48 kHz). */
function encodedLoudness(opus: string, tmp: string): number {
  const decoded = join(tmp, 'decoded.wav');
  run('opusdec', ['--quiet', '--rate', '48000', opus, decoded]);
  return integratedLoudness(readSamples(decoded), 48000);
}

/**
 * Gains a sounding clip to TARGET_LUFS and encodes it. Opus at 24 kbit/s drops some of the treble the
 * K-weighting counts, so the encoded clip is measured again and corrected (twice at most).
 * Refuses a clip that would peak above the ceiling.
 */
function normaliseAndEncode(id: string, wav: string, out: string, tmp: string): void {
  const samples = readSamples(wav);
  let gainDb = TARGET_LUFS - integratedLoudness(samples, RATE);
  if (!Number.isFinite(gainDb)) throw new Error(`Clip ${id} is silent`);
  const peak = samplePeakDb(samples);
  for (let attempt = 0; ; attempt++) {
    if (peak + gainDb > PEAK_CEILING_DB) {
      throw new Error(`Clip ${id} would peak at ${(peak + gainDb).toFixed(1)} dBFS at ${TARGET_LUFS} LUFS`);
    }
    const gained = join(tmp, `${id}.normalised.wav`);
    run('sox', [wav, '-b', '16', gained, 'gain', gainDb.toFixed(2)]);
    encode(gained, out);
    const error = TARGET_LUFS - encodedLoudness(out, tmp);
    if (Math.abs(error) <= 0.2 || attempt === 2) return;
    gainDb += error;
  }
}

function silence(wav: string, seconds: number): void {
  run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', wav, 'trim', '0', String(seconds)]);
}

function encode(wav: string, out: string): void {
  run('opusenc', [
    '--quiet',
    '--bitrate',
    String(OPUS_BITRATE_KBPS),
    '--comment',
    'encoder=motcua generateVoice',
    wav,
    out,
  ]);
}

function main(): void {
  const outArgIndex = process.argv.indexOf('--out');
  const outDir = resolve(
    outArgIndex >= 0 ? (process.argv[outArgIndex + 1] ?? '') : join(SCRIPT_DIR, '../voice/default'),
  );
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.opus')) rmSync(join(outDir, name));
  }
  const tmp = mkdtempSync(join(tmpdir(), 'motcua-voice-'));
  const manifest: VoiceManifest = {
    generator: 'espeak-ng',
    espeakVersion: espeakVersion(),
    voice: VI_VOICE,
    englishVoice: EN_VOICE,
    createdBy: 'apps/display/scripts/generateVoice.ts',
    format: `Ogg Opus ${OPUS_BITRATE_KBPS} kbit/s mono (from ${RATE} Hz 16-bit), espeak-ng speed ${SPEED}, every clip at ${TARGET_LUFS} LUFS (EBU R128) with ${EDGE_FADE_SECONDS * 1000} ms edge fades`,
    clips: {},
  };
  try {
    for (const spec of VOICE_CLIPS) {
      const wav = join(tmp, `${spec.id}.wav`);
      if (spec.id === CHIME) chime(wav, tmp);
      else if (spec.id === PAUSE_SHORT) silence(wav, 0.25);
      else if (spec.id === PAUSE_LONG) silence(wav, 0.7);
      else speak(spec, wav, tmp);
      const file = `${spec.id}.opus`;
      if (spec.id === PAUSE_SHORT || spec.id === PAUSE_LONG) encode(wav, join(outDir, file));
      else normaliseAndEncode(spec.id, wav, join(outDir, file), tmp);
      const ms = durationMs(wav);
      if (!(ms > 0)) throw new Error(`Clip ${spec.id} is empty`);
      manifest.clips[spec.id] = { file, durationMs: ms, text: spec.text };
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = Object.values(manifest.clips).reduce((sum, c) => sum + statSync(join(outDir, c.file)).size, 0);
  console.log(
    `Wrote ${Object.keys(manifest.clips).length} clips to ${relative(REPO_ROOT, outDir)} (${(total / 1024).toFixed(1)} KiB, espeak-ng ${manifest.espeakVersion})`,
  );
  if (total > MAX_TOTAL_BYTES) throw new Error(`Voice set too large: ${total} bytes > ${MAX_TOTAL_BYTES}`);
}

main();
