import { z } from 'zod';

/** Limits of the office's own voice recordings (hub feature officeVoice). */
export const MAX_CLIP_BYTES = 1024 * 1024;
export const MAX_OFFICE_VOICE_BYTES = 3 * 1024 * 1024;

export const clipIdSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'a–z, 0–9, _ (e.g. vi_phrase_invite)');

/** `PUT /api/voice/office/clip`: checked by the hub and by the admin page before uploading. */
export const uploadClipSchema = z.strictObject({
  id: clipIdSchema,
  text: z.string().trim().min(1).max(200),
  /** The audio file, base64: Ogg (Opus/Vorbis), MP3 or WAV. */
  data: z
    .string()
    .min(8)
    .max(Math.ceil((MAX_CLIP_BYTES * 4) / 3) + 8),
  durationMs: z.number().int().positive().max(60_000).optional(),
});
export type UploadClip = z.infer<typeof uploadClipSchema>;

/** The file extension for audio bytes Chromium's decodeAudioData reads, or null for anything else. */
export function audioExtensionOf(bytes: Uint8Array): '.opus' | '.mp3' | '.wav' | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12) return null;
  if (ascii(0, 4) === 'OggS') return '.opus';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return '.wav';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return '.mp3';
  return null;
}
