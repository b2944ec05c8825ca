import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  audioExtensionOf,
  CLIP_TOO_LARGE_ISSUE,
  clipIdSchema,
  judgeDecodedClip,
  type OfficeVoiceList,
  MAX_CLIP_BYTES,
  MAX_OFFICE_VOICE_BYTES,
  uploadClipSchema,
  type UploadClip,
} from '@motcua/core';
import { jsonRoute, refuse } from '../net/routes.js';
import type { FeatureContext, HubFeature } from './types.js';
import { decodeClip } from './voiceDecoding.js';

// The schemas live in core so the admin page checks uploads with the same rules before sending.
export { audioExtensionOf, clipIdSchema, MAX_CLIP_BYTES, MAX_OFFICE_VOICE_BYTES, uploadClipSchema, type UploadClip };

/**
 * The office's own voice recordings, replacing clips of the default espeak-ng set one by one.
 * Files live in `<data>/voice/` with a `manifest.json` (format in apps/display/voice/README.md); the hub
 * already serves that folder at `/voice/office/`, and the displays fall back per clip to the default set.
 *
 *   GET    /api/voice/office               the office manifest, with sizes (admin, supervisor)
 *   PUT    /api/voice/office/clip          {id, text, data: base64, durationMs?}: adds or replaces a clip (admin)
 *   DELETE /api/voice/office/clip?id=…     removes a clip: the default one is used again (admin)
 */

export interface OfficeVoiceManifest {
  generator: string;
  espeakVersion: string;
  voice: string;
  createdBy: string;
  clips: Record<string, { file: string; durationMs?: number; text: string }>;
}

function emptyManifest(): OfficeVoiceManifest {
  return { generator: 'recorded', espeakVersion: '', voice: 'vi', createdBy: 'admin upload', clips: {} };
}

export function readOfficeManifest(dir: string): OfficeVoiceManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return emptyManifest();
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<OfficeVoiceManifest>;
    return { ...emptyManifest(), ...parsed, clips: { ...(parsed.clips ?? {}) } };
  } catch {
    return emptyManifest();
  }
}

/** Temp file + rename: a display never reads half a manifest. */
function writeManifest(dir: string, manifest: OfficeVoiceManifest): void {
  const temp = join(dir, 'manifest.json.tmp');
  writeFileSync(temp, JSON.stringify(manifest, null, 2));
  renameSync(temp, join(dir, 'manifest.json'));
}

function fileSize(dir: string, file: string): number {
  const path = join(dir, file);
  return existsSync(path) ? statSync(path).size : 0;
}

export type SaveClipOutcome =
  { ok: true; file: string; totalBytes: number; durationMs: number; warning?: string } | { ok: false; issue: string };

/**
 * Adds or replaces one clip; refuses files that are not audio, too big, that the display could not play
 * (decoded here: length, channels, sample rate), or over the folder's limit. The stored length is the
 * decoded one, not the browser's claim.
 */
export async function saveOfficeClip(dir: string, upload: UploadClip): Promise<SaveClipOutcome> {
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length > MAX_CLIP_BYTES) return { ok: false, issue: CLIP_TOO_LARGE_ISSUE };
  const extension = audioExtensionOf(bytes);
  if (!extension) {
    return { ok: false, issue: 'Không phải tệp âm thanh Ogg, MP3 hay WAV / Not an Ogg, MP3 or WAV audio file' };
  }
  const judgement = judgeDecodedClip(await decodeClip(bytes));
  if (!judgement.ok) return judgement;
  mkdirSync(dir, { recursive: true });
  const manifest = readOfficeManifest(dir);
  const previous = manifest.clips[upload.id];
  const othersBytes = Object.entries(manifest.clips)
    .filter(([id]) => id !== upload.id)
    .reduce((sum, [, clip]) => sum + fileSize(dir, clip.file), 0);
  if (othersBytes + bytes.length > MAX_OFFICE_VOICE_BYTES) {
    return { ok: false, issue: 'Bộ giọng đọc vượt quá 3 MB / The voice set would exceed 3 MB' };
  }
  const file = `${upload.id}${extension}`;
  writeFileSync(join(dir, file), bytes);
  if (previous && previous.file !== file) rmSync(join(dir, previous.file), { force: true });
  manifest.clips[upload.id] = { file, text: upload.text, durationMs: judgement.durationMs };
  writeManifest(dir, manifest);
  return {
    ok: true,
    file,
    totalBytes: othersBytes + bytes.length,
    durationMs: judgement.durationMs,
    ...(judgement.warning ? { warning: judgement.warning } : {}),
  };
}

/** Removes one clip (the displays use the default one again); false when there was none. */
export function removeOfficeClip(dir: string, id: string): boolean {
  const manifest = readOfficeManifest(dir);
  const clip = manifest.clips[id];
  if (!clip) return false;
  delete manifest.clips[id];
  writeManifest(dir, manifest);
  rmSync(join(dir, clip.file), { force: true });
  return true;
}

export function createOfficeVoiceFeature(ctx: FeatureContext): HubFeature {
  const dir = join(ctx.options.dataDir, 'voice');
  return {
    name: 'officeVoice',
    routes: [
      jsonRoute('GET /api/voice/office', {
        handler: (): OfficeVoiceList => {
          const manifest = readOfficeManifest(dir);
          const clips = Object.fromEntries(
            Object.entries(manifest.clips).map(([id, clip]) => [id, { ...clip, bytes: fileSize(dir, clip.file) }]),
          );
          const totalBytes = Object.values(clips).reduce((sum, clip) => sum + clip.bytes, 0);
          return { ok: true, clips, totalBytes, limitBytes: MAX_OFFICE_VOICE_BYTES };
        },
      }),
      jsonRoute('PUT /api/voice/office/clip', {
        // Base64 of the largest clip, and the text around it; a bigger body gets the same message.
        bodyLimit: 2 * MAX_CLIP_BYTES,
        tooLargeIssue: CLIP_TOO_LARGE_ISSUE,
        handler: async ({ body, user, reply }) => {
          const outcome = await saveOfficeClip(dir, body);
          if (!outcome.ok) return refuse(reply, 400, 'BAD_REQUEST', { issue: outcome.issue });
          ctx.log.info({ clipId: body.id, by: user?.id, durationMs: outcome.durationMs }, 'office voice clip saved');
          return outcome;
        },
      }),
      jsonRoute('DELETE /api/voice/office/clip', {
        handler: ({ query, user, reply }) => {
          if (!removeOfficeClip(dir, query.id)) return refuse(reply, 404, 'NOT_FOUND');
          ctx.log.info({ clipId: query.id, by: user?.id }, 'office voice clip removed');
          return { ok: true };
        },
      }),
    ],
    stop: () => undefined,
  };
}
