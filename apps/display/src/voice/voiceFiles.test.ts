import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcementClips, type AnnouncementSettings } from './announcementClips.js';
import { PAUSE_LONG, PAUSE_SHORT, VOICE_CLIPS } from '@motcua/core';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import { integratedLoudness } from './loudness.js';
import { LOUDNESS_TOLERANCE_LU, TARGET_LUFS } from './voiceLoudnessTarget.js';

const VOICE_DIR = fileURLToPath(new URL('../../voice/default/', import.meta.url));
const MAX_TOTAL_BYTES = 3 * 1024 * 1024;

interface Manifest {
  generator: string;
  espeakVersion: string;
  voice: string;
  createdBy: string;
  clips: Record<string, { file: string; durationMs: number; text: string }>;
}

const manifest = JSON.parse(readFileSync(join(VOICE_DIR, 'manifest.json'), 'utf8')) as Manifest;

describe('default voice clip set (apps/display/voice/default)', () => {
  it('has the manifest header', () => {
    expect(manifest.generator).toBe('espeak-ng');
    expect(manifest.espeakVersion).toMatch(/^\d+\.\d+/);
    expect(manifest.voice).toBe('vi');
    expect(manifest.createdBy).toBe('apps/display/scripts/generateVoice.ts');
  });

  it('every referenced file exists, is non-empty and has a positive duration; total ≤ 3 MB', () => {
    let total = 0;
    for (const [id, clip] of Object.entries(manifest.clips)) {
      const path = join(VOICE_DIR, clip.file);
      expect(existsSync(path), `${id}: ${clip.file}`).toBe(true);
      const size = statSync(path).size;
      expect(size, id).toBeGreaterThan(0);
      expect(clip.durationMs, id).toBeGreaterThan(0);
      expect(clip.text.length, id).toBeGreaterThan(0);
      total += size;
    }
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_BYTES);
  });

  it('is an Ogg stream (magic OggS) for every clip', () => {
    for (const clip of Object.values(manifest.clips)) {
      const head = readFileSync(join(VOICE_DIR, clip.file)).subarray(0, 4).toString('latin1');
      expect(head, clip.file).toBe('OggS');
    }
  });

  it('contains every catalogue clip', () => {
    const missing = VOICE_CLIPS.map((c) => c.id).filter((id) => !(id in manifest.clips));
    expect(missing).toEqual([]);
  });

  it('contains every clip announcementClips uses for numbers 0–9999, counters 1–40 and letters A–Z', () => {
    const missing = new Set<string>();
    const check = (ids: string[]) => ids.forEach((id) => (id in manifest.clips ? undefined : missing.add(id)));
    for (const numberReading of ['words', 'digits'] as const) {
      for (const dialect of ['north', 'south'] as const) {
        const settings: AnnouncementSettings = { language: 'vi+en', numberReading, dialect };
        for (let n = 0; n <= 9999; n++) check(announcementClips({ label: String(n), counterNumber: 1 }, settings));
        for (let counter = 1; counter <= 40; counter++) {
          check(announcementClips({ label: 'A023', counterNumber: counter }, settings));
        }
        check(announcementClips({ label: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', counterNumber: 1 }, settings));
      }
    }
    expect([...missing]).toEqual([]);
  });
});

describe('default voice clip loudness (EBU R128) and edges', () => {
  const sounding = Object.entries(manifest.clips).filter(([id]) => id !== PAUSE_SHORT && id !== PAUSE_LONG);

  async function decodeAll(): Promise<Map<string, Float32Array>> {
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    const decoded = new Map<string, Float32Array>();
    try {
      for (const [id, clip] of sounding) {
        const result = await decoder.decodeFile(readFileSync(join(VOICE_DIR, clip.file)));
        expect(result.sampleRate, id).toBe(48000);
        decoded.set(id, result.channelData[0] ?? new Float32Array());
        await decoder.reset();
      }
    } finally {
      decoder.free();
    }
    return decoded;
  }

  it(`every sounding clip, chime included, is at ${TARGET_LUFS} LUFS ± ${LOUDNESS_TOLERANCE_LU} LU and fades in and out`, async () => {
    const decoded = await decodeAll();
    const offTarget: string[] = [];
    const clicks: string[] = [];
    const twoMs = 96;
    const edgePeak = (part: Float32Array) => part.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    for (const [id, samples] of decoded) {
      const lufs = integratedLoudness(samples, 48000);
      if (!(Math.abs(lufs - TARGET_LUFS) <= LOUDNESS_TOLERANCE_LU)) offTarget.push(`${id}: ${lufs.toFixed(1)} LUFS`);
      // Without a fade, speech starts at full level right where the silence was trimmed (0.2 on the old set).
      if (edgePeak(samples.subarray(0, twoMs)) > 0.1) clicks.push(`${id} starts abruptly`);
      if (edgePeak(samples.subarray(samples.length - twoMs)) > 0.02) clicks.push(`${id} ends abruptly`);
    }
    expect(offTarget).toEqual([]);
    expect(clicks).toEqual([]);
  }, 60_000);
});
