import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIP_TOO_LARGE_ISSUE } from '@motcua/core';
import {
  MAX_CLIP_BYTES,
  audioExtensionOf,
  readOfficeManifest,
  removeOfficeClip,
  saveOfficeClip,
} from './officeVoice.js';

const DEFAULT_CHIME = new URL('../../../display/voice/default/chime.opus', import.meta.url);
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function voiceDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'office-voice-'));
  folders.push(folder);
  return join(folder, 'voice');
}
const ogg = () => readFileSync(DEFAULT_CHIME).toString('base64');
/** A real PCM WAV file: a quiet 440 Hz tone. */
function wavFile(seconds: number, sampleRate = 22050, channels = 1): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  for (let i = 0; i < frames; i++) {
    const value = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate));
    for (let c = 0; c < channels; c++) data.writeInt16LE(value, (i * channels + c) * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
const wav = (seconds = 1, sampleRate = 22050, channels = 1) =>
  wavFile(seconds, sampleRate, channels).toString('base64');

describe('office voice clips', () => {
  it('recognises Ogg, WAV and MP3 by their first bytes and nothing else', () => {
    expect(audioExtensionOf(readFileSync(DEFAULT_CHIME))).toBe('.opus');
    expect(audioExtensionOf(Buffer.from(wav(), 'base64'))).toBe('.wav');
    expect(audioExtensionOf(Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'))).toBe(
      '.mp3',
    );
    expect(audioExtensionOf(Buffer.from('<html><body>hello</body></html>'))).toBeNull();
    expect(audioExtensionOf(Buffer.from('OggS'))).toBeNull();
  });

  it('saves a clip with its decoded length in the manifest, replaces it, and removes it', async () => {
    const dir = voiceDir();
    // The browser's claimed length (1500 ms) is not trusted: the chime decodes to about 1.2 s.
    const saved = await saveOfficeClip(dir, {
      id: 'vi_phrase_invite',
      text: 'Xin mời công dân',
      data: ogg(),
      durationMs: 1500,
    });
    expect(saved).toMatchObject({ ok: true, file: 'vi_phrase_invite.opus' });
    const stored = readOfficeManifest(dir).clips.vi_phrase_invite;
    expect(stored).toMatchObject({ file: 'vi_phrase_invite.opus', text: 'Xin mời công dân' });
    expect(stored?.durationMs).toBeGreaterThan(1100);
    expect(stored?.durationMs).toBeLessThan(1300);
    expect(await saveOfficeClip(dir, { id: 'vi_phrase_invite', text: 'Mời công dân', data: wav(2) })).toMatchObject({
      ok: true,
      durationMs: 2000,
    });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'vi_phrase_invite.wav']);
    expect(removeOfficeClip(dir, 'vi_phrase_invite')).toBe(true);
    expect(removeOfficeClip(dir, 'vi_phrase_invite')).toBe(false);
    expect(readdirSync(dir)).toEqual(['manifest.json']);
    expect(readOfficeManifest(dir).clips).toEqual({});
  });

  it('refuses what is not audio, too large, undecodable or unplayable, and changes nothing', async () => {
    const dir = voiceDir();
    const save = (data: string) => saveOfficeClip(dir, { id: 'chime', text: 'x', data });
    expect(await save(Buffer.from('just some text here').toString('base64'))).toMatchObject({
      ok: false,
      issue: expect.stringContaining('Ogg'),
    });
    const big = Buffer.alloc(MAX_CLIP_BYTES + 1);
    big.write('OggS', 0, 'latin1');
    expect(await save(big.toString('base64'))).toEqual({ ok: false, issue: CLIP_TOO_LARGE_ISSUE });
    // Right first bytes, nothing playable behind them: decoded, not trusted.
    const fakeOgg = Buffer.alloc(4000, 7);
    fakeOgg.write('OggS', 0, 'latin1');
    expect(await save(fakeOgg.toString('base64'))).toMatchObject({
      ok: false,
      issue: expect.stringContaining('Không đọc được'),
    });
    expect(await save(wav(1, 22050, 6))).toMatchObject({ ok: false, issue: expect.stringContaining('6 kênh') });
    expect(await save(wav(1, 4000))).toMatchObject({ ok: false, issue: expect.stringContaining('4000 Hz') });
    expect(await save(wav(61, 8000))).toMatchObject({ ok: false, issue: expect.stringContaining('quá dài') });
    expect(readOfficeManifest(dir).clips).toEqual({});
  });

  it('saves a clip over 5 s with a warning that every call will take longer', async () => {
    const dir = voiceDir();
    expect(await saveOfficeClip(dir, { id: 'chime', text: 'x', data: wav(6, 8000) })).toMatchObject({
      ok: true,
      durationMs: 6000,
      warning: expect.stringContaining('dưới 5 giây'),
    });
  });

  it('keeps the whole office set within 3 MB', async () => {
    const dir = voiceDir();
    // 48 kHz stereo 16-bit: just under 1 MB is about 5.4 s.
    const data = wav((MAX_CLIP_BYTES - 1000) / (48000 * 4), 48000, 2);
    for (const id of ['a', 'b', 'c']) expect((await saveOfficeClip(dir, { id, text: id, data })).ok).toBe(true);
    expect(await saveOfficeClip(dir, { id: 'd', text: 'd', data })).toMatchObject({
      ok: false,
      issue: expect.stringContaining('3 MB'),
    });
    // Replacing a clip counts its new size only.
    expect((await saveOfficeClip(dir, { id: 'c', text: 'c', data })).ok).toBe(true);
  });
});
