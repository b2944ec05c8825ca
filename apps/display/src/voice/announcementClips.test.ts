import { describe, expect, it } from 'vitest';
import { announcementClips, tokenizeLabel, type AnnouncementSettings } from './announcementClips.js';
import { VOICE_CLIPS } from '@motcua/core';

const VI_WORDS: AnnouncementSettings = { language: 'vi', numberReading: 'words' };
const VI_DIGITS: AnnouncementSettings = { language: 'vi', numberReading: 'digits' };

/** The ticket-number part of a Vietnamese announcement (between the invite phrase and the pause). */
function viNumberPart(label: string, settings: AnnouncementSettings = VI_WORDS): string[] {
  const clips = announcementClips({ label, counterNumber: 1 }, settings);
  return clips.slice(clips.indexOf('vi_phrase_invite') + 1, clips.indexOf('pause_short'));
}

function viCounterPart(counterNumber: number, settings: AnnouncementSettings = VI_WORDS): string[] {
  const clips = announcementClips({ label: '1', counterNumber }, settings);
  return clips.slice(clips.indexOf('vi_phrase_to_counter') + 1);
}

describe('announcementClips, Vietnamese', () => {
  it('builds the full sequence: chime, invite, number, pause, to-counter, counter', () => {
    expect(announcementClips({ label: '1023', counterNumber: 3 }, VI_WORDS)).toEqual([
      'chime',
      'vi_phrase_invite',
      'vi_num_mot',
      'vi_num_nghin',
      'vi_num_khong',
      'vi_num_tram',
      'vi_num_hai',
      'vi_num_muoi_ngang',
      'vi_num_ba',
      'pause_short',
      'vi_phrase_to_counter',
      'vi_num_ba',
    ]);
  });

  it.each<readonly [string, string[]]>([
    ['0', ['vi_num_khong']],
    ['5', ['vi_num_nam']],
    ['10', ['vi_num_muoi']],
    ['11', ['vi_num_muoi', 'vi_num_mot']],
    ['14', ['vi_num_muoi', 'vi_num_bon']],
    ['15', ['vi_num_muoi', 'vi_num_lam']],
    ['21', ['vi_num_hai', 'vi_num_muoi_ngang', 'vi_num_mot_sac']],
    ['24', ['vi_num_hai', 'vi_num_muoi_ngang', 'vi_num_tu']],
    ['25', ['vi_num_hai', 'vi_num_muoi_ngang', 'vi_num_lam']],
    ['101', ['vi_num_mot', 'vi_num_tram', 'vi_num_linh', 'vi_num_mot']],
    ['105', ['vi_num_mot', 'vi_num_tram', 'vi_num_linh', 'vi_num_nam']],
    ['1005', ['vi_num_mot', 'vi_num_nghin', 'vi_num_khong', 'vi_num_tram', 'vi_num_linh', 'vi_num_nam']],
    ['A023', ['vi_letter_a', 'vi_num_hai', 'vi_num_muoi_ngang', 'vi_num_ba']],
    ['b105', ['vi_letter_b', 'vi_num_mot', 'vi_num_tram', 'vi_num_linh', 'vi_num_nam']],
    ['UT-001', ['vi_letter_u', 'vi_letter_t', 'vi_num_mot']],
    ['A000', ['vi_letter_a', 'vi_num_khong']],
  ])('label %s (words)', (label, expected) => {
    expect(viNumberPart(label)).toEqual(expected);
  });

  it('south dialect: lẻ, ngàn, bốn', () => {
    const south: AnnouncementSettings = { ...VI_WORDS, dialect: 'south' };
    expect(viNumberPart('1024', south)).toEqual([
      'vi_num_mot',
      'vi_num_ngan',
      'vi_num_khong',
      'vi_num_tram',
      'vi_num_hai',
      'vi_num_muoi_ngang',
      'vi_num_bon',
    ]);
    expect(viNumberPart('105', south)).toEqual(['vi_num_mot', 'vi_num_tram', 'vi_num_le', 'vi_num_nam']);
  });

  it.each<readonly [string, string[]]>([
    ['A023', ['vi_letter_a', 'vi_num_khong', 'vi_num_hai', 'vi_num_ba']],
    ['1023', ['vi_num_mot', 'vi_num_khong', 'vi_num_hai', 'vi_num_ba']],
    ['45', ['vi_num_bon', 'vi_num_nam']],
  ])('label %s (digits) keeps leading zeros, no mốt/tư/lăm', (label, expected) => {
    expect(viNumberPart(label, VI_DIGITS)).toEqual(expected);
  });

  it('reads very long digit runs digit by digit even in words mode', () => {
    expect(viNumberPart('12345678901')).toHaveLength(11);
  });

  it('reads counters 1–40 as words, also in digit mode', () => {
    const expected: Record<number, string[]> = {
      1: ['vi_num_mot'],
      4: ['vi_num_bon'],
      5: ['vi_num_nam'],
      10: ['vi_num_muoi'],
      15: ['vi_num_muoi', 'vi_num_lam'],
      21: ['vi_num_hai', 'vi_num_muoi_ngang', 'vi_num_mot_sac'],
      24: ['vi_num_hai', 'vi_num_muoi_ngang', 'vi_num_tu'],
      35: ['vi_num_ba', 'vi_num_muoi_ngang', 'vi_num_lam'],
      40: ['vi_num_bon', 'vi_num_muoi_ngang'],
    };
    for (let counter = 1; counter <= 40; counter++) {
      const words = viCounterPart(counter);
      expect(words.length).toBeGreaterThan(0);
      expect(viCounterPart(counter, VI_DIGITS)).toEqual(words);
      if (expected[counter]) expect(words).toEqual(expected[counter]);
    }
    expect(viCounterPart(105)).toEqual(['vi_num_mot', 'vi_num_tram', 'vi_num_linh', 'vi_num_nam']);
  });

  it('rejects an invalid counter number', () => {
    expect(() => announcementClips({ label: 'A1', counterNumber: -1 }, VI_WORDS)).toThrow(RangeError);
  });
});

describe('announcementClips, English', () => {
  it('words', () => {
    expect(announcementClips({ label: 'A115', counterNumber: 21 }, { language: 'en', numberReading: 'words' })).toEqual(
      [
        'chime',
        'en_phrase_ticket_number',
        'en_letter_a',
        'en_num_one',
        'en_num_hundred',
        'en_num_fifteen',
        'pause_short',
        'en_phrase_go_to_counter',
        'en_num_twenty',
        'en_num_one',
      ],
    );
  });

  it('digits', () => {
    expect(announcementClips({ label: 'B023', counterNumber: 3 }, { language: 'en', numberReading: 'digits' })).toEqual(
      [
        'chime',
        'en_phrase_ticket_number',
        'en_letter_b',
        'en_num_zero',
        'en_num_two',
        'en_num_three',
        'pause_short',
        'en_phrase_go_to_counter',
        'en_num_three',
      ],
    );
  });

  it('vi+en: one chime, Vietnamese first, long pause, then English', () => {
    const clips = announcementClips({ label: 'A021', counterNumber: 2 }, { language: 'vi+en', numberReading: 'words' });
    expect(clips.filter((c) => c === 'chime')).toHaveLength(1);
    expect(clips[0]).toBe('chime');
    const pause = clips.indexOf('pause_long');
    expect(clips.slice(1, pause)).toEqual(
      announcementClips({ label: 'A021', counterNumber: 2 }, { language: 'vi', numberReading: 'words' }).slice(1),
    );
    expect(clips.slice(pause + 1)).toEqual(
      announcementClips({ label: 'A021', counterNumber: 2 }, { language: 'en', numberReading: 'words' }).slice(1),
    );
  });
});

describe('clip catalogue', () => {
  it('every id produced for numbers 0–9999, counters 1–40, letters A–Z is in VOICE_CLIPS', () => {
    const known = new Set(VOICE_CLIPS.map((c) => c.id));
    const missing = new Set<string>();
    const settingsList: AnnouncementSettings[] = [];
    for (const language of ['vi+en'] as const)
      for (const numberReading of ['words', 'digits'] as const)
        for (const dialect of ['north', 'south'] as const) settingsList.push({ language, numberReading, dialect });
    for (const settings of settingsList) {
      for (let n = 0; n <= 9999; n++) {
        for (const id of announcementClips({ label: String(n), counterNumber: (n % 40) + 1 }, settings)) {
          if (!known.has(id)) missing.add(id);
        }
      }
      for (const id of announcementClips({ label: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ1', counterNumber: 1 }, settings)) {
        if (!known.has(id)) missing.add(id);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('clip ids are unique ASCII', () => {
    const ids = VOICE_CLIPS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('tokenizeLabel', () => {
  it('splits letters and digit runs, skipping other characters', () => {
    expect(tokenizeLabel('A-023 b7')).toEqual([
      { kind: 'letter', letter: 'A' },
      { kind: 'digits', digits: '023' },
      { kind: 'letter', letter: 'B' },
      { kind: 'digits', digits: '7' },
    ]);
  });
});
