import { z } from 'zod';

/** Limits of the office's own voice recordings (hub feature officeVoice). */
export const MAX_CLIP_BYTES = 1024 * 1024;
export const MAX_OFFICE_VOICE_BYTES = 3 * 1024 * 1024;

/** Every way an upload can be too big (file, base64 body, HTTP body) gets this one message. */
export const CLIP_TOO_LARGE = {
  vi: 'Tệp âm thanh quá lớn (tối đa 1 MB). Hãy cắt bớt khoảng lặng hoặc nén lại (Ogg Opus, MP3).',
  en: 'The audio file is too large (1 MB max). Trim the silence or compress it (Ogg Opus, MP3).',
} as const;
export const CLIP_TOO_LARGE_ISSUE = `${CLIP_TOO_LARGE.vi} / ${CLIP_TOO_LARGE.en}`;

export const clipIdSchema = z.string().regex(/^[a-z0-9_]{1,64}$/, 'a–z, 0–9, _ (e.g. vi_phrase_invite)');

/** `PUT /api/voice/office/clip`: checked by the hub and by the admin page before uploading. */
export const uploadClipSchema = z.strictObject({
  id: clipIdSchema,
  text: z.string().trim().min(1).max(200),
  /** The audio file, base64: Ogg (Opus/Vorbis), MP3 or WAV. */
  data: z
    .string()
    .min(8)
    .max(Math.ceil((MAX_CLIP_BYTES * 4) / 3) + 8, CLIP_TOO_LARGE_ISSUE),
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

/** What the wall display plays: Chromium decodes more, but these bounds keep announcements sane. */
export const CLIP_LIMITS = {
  minSampleRate: 8000,
  maxSampleRate: 192_000,
  maxChannels: 2,
  /** Longer than this is refused: an announcement part, not a recording of the whole morning. */
  maxDurationMs: 60_000,
  /** Longer than this is saved with a warning: every call would take that long. */
  warnDurationMs: 5000,
} as const;

/** What the hub learnt by decoding an upload (all zero when nothing could be decoded). */
export interface DecodedClip {
  sampleRate: number;
  channels: number;
  frames: number;
}

export type ClipJudgement = { ok: true; durationMs: number; warning?: string } | { ok: false; issue: string };

/** Whether a decoded upload is something the display can play, and its real length. Pure. */
export function judgeDecodedClip(clip: DecodedClip): ClipJudgement {
  if (!(clip.frames > 0 && clip.sampleRate > 0 && clip.channels > 0)) {
    return {
      ok: false,
      issue:
        'Không đọc được tệp âm thanh này (tệp hỏng hoặc mã hóa lạ). Hãy xuất lại dưới dạng Ogg Opus, MP3 hoặc WAV PCM. / ' +
        'This audio file could not be decoded (damaged or an unusual codec). Export it again as Ogg Opus, MP3 or PCM WAV.',
    };
  }
  if (clip.channels > CLIP_LIMITS.maxChannels) {
    return {
      ok: false,
      issue: `Tệp có ${clip.channels} kênh; màn hình chỉ phát mono hoặc stereo. / The file has ${clip.channels} channels; the display plays mono or stereo.`,
    };
  }
  if (clip.sampleRate < CLIP_LIMITS.minSampleRate || clip.sampleRate > CLIP_LIMITS.maxSampleRate) {
    return {
      ok: false,
      issue: `Tần số lấy mẫu ${clip.sampleRate} Hz không phù hợp (cần 8–192 kHz). / Sample rate ${clip.sampleRate} Hz is out of range (8–192 kHz).`,
    };
  }
  const durationMs = Math.round((clip.frames / clip.sampleRate) * 1000);
  if (durationMs > CLIP_LIMITS.maxDurationMs) {
    return {
      ok: false,
      issue: `Bản ghi dài ${Math.round(durationMs / 1000)} giây, quá dài cho một câu thông báo (tối đa 60 giây). / The recording is ${Math.round(durationMs / 1000)} s long, too long for an announcement (60 s max).`,
    };
  }
  if (durationMs > CLIP_LIMITS.warnDurationMs) {
    const seconds = (durationMs / 1000).toFixed(1).replace('.', ',');
    return {
      ok: true,
      durationMs,
      warning: `Bản ghi dài ${seconds} giây: mỗi lần gọi số sẽ lâu hơn. Nên cắt còn dưới 5 giây. / The recording is ${(durationMs / 1000).toFixed(1)} s long: every call will take longer. Keep it under 5 s.`,
    };
  }
  return { ok: true, durationMs };
}
