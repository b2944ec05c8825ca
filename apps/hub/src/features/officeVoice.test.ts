import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
const wav = () => {
  const bytes = Buffer.alloc(64);
  bytes.write('RIFF', 0, 'latin1');
  bytes.write('WAVE', 8, 'latin1');
  return bytes.toString('base64');
};

describe('office voice clips', () => {
  it('recognises Ogg, WAV and MP3 and nothing else', () => {
    expect(audioExtensionOf(readFileSync(DEFAULT_CHIME))).toBe('.opus');
    expect(audioExtensionOf(Buffer.from(wav(), 'base64'))).toBe('.wav');
    expect(audioExtensionOf(Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'))).toBe(
      '.mp3',
    );
    expect(audioExtensionOf(Buffer.from('<html><body>hello</body></html>'))).toBeNull();
    expect(audioExtensionOf(Buffer.from('OggS'))).toBeNull();
  });

  it('saves a clip with its manifest entry, replaces it, and removes it', () => {
    const dir = voiceDir();
    expect(
      saveOfficeClip(dir, { id: 'vi_phrase_invite', text: 'Xin mời công dân', data: ogg(), durationMs: 1500 }),
    ).toMatchObject({
      ok: true,
      file: 'vi_phrase_invite.opus',
    });
    expect(readOfficeManifest(dir).clips.vi_phrase_invite).toEqual({
      file: 'vi_phrase_invite.opus',
      text: 'Xin mời công dân',
      durationMs: 1500,
    });
    expect(saveOfficeClip(dir, { id: 'vi_phrase_invite', text: 'Mời công dân', data: wav() })).toMatchObject({
      ok: true,
    });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'vi_phrase_invite.wav']);
    expect(removeOfficeClip(dir, 'vi_phrase_invite')).toBe(true);
    expect(removeOfficeClip(dir, 'vi_phrase_invite')).toBe(false);
    expect(readdirSync(dir)).toEqual(['manifest.json']);
    expect(readOfficeManifest(dir).clips).toEqual({});
  });

  it('refuses a file that is not audio or is too large, and changes nothing', () => {
    const dir = voiceDir();
    const notAudio = saveOfficeClip(dir, {
      id: 'chime',
      text: 'x',
      data: Buffer.from('just some text here').toString('base64'),
    });
    expect(notAudio).toMatchObject({ ok: false, issue: expect.stringContaining('Ogg') });
    const big = Buffer.alloc(MAX_CLIP_BYTES + 1);
    big.write('OggS', 0, 'latin1');
    expect(saveOfficeClip(dir, { id: 'chime', text: 'x', data: big.toString('base64') })).toMatchObject({ ok: false });
    expect(readOfficeManifest(dir).clips).toEqual({});
  });

  it('keeps the whole office set within 3 MB', () => {
    const dir = voiceDir();
    const clip = Buffer.alloc(MAX_CLIP_BYTES - 100);
    clip.write('OggS', 0, 'latin1');
    const data = clip.toString('base64');
    for (const id of ['a', 'b', 'c']) expect(saveOfficeClip(dir, { id, text: id, data }).ok).toBe(true);
    expect(saveOfficeClip(dir, { id: 'd', text: 'd', data })).toMatchObject({
      ok: false,
      issue: expect.stringContaining('3 MB'),
    });
    // Replacing a clip counts its new size only.
    expect(saveOfficeClip(dir, { id: 'c', text: 'c', data }).ok).toBe(true);
  });
});
