import decode from 'audio-decode';
import type { DecodedClip } from '@motcua/core';

/**
 * Decodes an uploaded clip (Ogg Opus/Vorbis, MP3, WAV) to learn its real length, channels and sample
 * rate, so the hub refuses what the display could not play instead of trusting the first bytes.
 * `audio-decode` (WebAssembly decoders, no native code) answers an unreadable file with no samples.
 */
export async function decodeClip(bytes: Uint8Array): Promise<DecodedClip> {
  try {
    const audio = await decode(bytes);
    const channels = audio.channelData ?? [];
    return { sampleRate: audio.sampleRate ?? 0, channels: channels.length, frames: channels[0]?.length ?? 0 };
  } catch {
    return { sampleRate: 0, channels: 0, frames: 0 };
  }
}
