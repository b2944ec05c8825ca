import { defaultOfficeConfig, displaySettingsSchema, emptyState } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { announcementClips } from './announcementClips.js';
import { voiceSettings } from './callAnnouncer.js';
import type { VoicePlayer } from './webAudioPlayer.js';

const player = { phrases: () => [] } as unknown as VoicePlayer;

function stateWithDialect(numberDialect: 'north' | 'south' | undefined) {
  const config = defaultOfficeConfig();
  return emptyState({ ...config, display: { ...config.display, numberDialect } });
}

describe('voiceSettings: the office’s regional reading of numbers', () => {
  it('reads the Southern way when the office chose it: A104 = "một trăm lẻ bốn", A024 = "hai mươi bốn"', () => {
    const settings = voiceSettings(stateWithDialect('south'), player);
    expect(settings.dialect).toBe('south');
    const clips = announcementClips({ label: 'A104', counterNumber: 24 }, settings);
    expect(clips).toContain('vi_num_le');
    expect(clips).not.toContain('vi_num_linh');
    expect(clips).not.toContain('vi_num_tu');
  });

  it('reads the Northern way by default and for configurations saved before the setting existed', () => {
    for (const dialect of ['north', undefined] as const) {
      const clips = announcementClips(
        { label: 'A104', counterNumber: 24 },
        voiceSettings(stateWithDialect(dialect), player),
      );
      expect(clips).toContain('vi_num_linh');
      expect(clips).toContain('vi_num_tu');
    }
  });
});

describe('displaySettingsSchema.numberDialect', () => {
  it('accepts north, south or nothing, and refuses anything else', () => {
    const base = defaultOfficeConfig().display;
    expect(displaySettingsSchema.safeParse({ ...base, numberDialect: 'south' }).success).toBe(true);
    expect(displaySettingsSchema.safeParse({ ...base, numberDialect: undefined }).success).toBe(true);
    expect(displaySettingsSchema.safeParse({ ...base, numberDialect: 'west' }).success).toBe(false);
  });
});
