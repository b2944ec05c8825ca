import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcementClips, type AnnouncementSettings } from './announcementClips.js';
import { VOICE_CLIPS } from '@motcua/core';

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
