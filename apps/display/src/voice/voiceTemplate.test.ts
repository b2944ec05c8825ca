import { defaultOfficeConfig } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { announcementClips } from './announcementClips.js';
import {
  DEFAULT_TEMPLATE_EN,
  DEFAULT_TEMPLATE_VI,
  isPhraseClipId,
  readTemplate,
  type PhraseClip,
} from './voiceTemplate.js';

const partsText = (template: string, lang: 'vi' | 'en', phrases?: PhraseClip[]) =>
  readTemplate(template, lang, phrases).parts.map((p) => (p.kind === 'clip' ? p.id : p.kind));

describe('readTemplate', () => {
  it('reads the default templates exactly as the fixed sequences', () => {
    expect(partsText(DEFAULT_TEMPLATE_VI, 'vi')).toEqual([
      'vi_phrase_invite',
      'number',
      'pause',
      'vi_phrase_to_counter',
      'counter',
    ]);
    expect(partsText(DEFAULT_TEMPLATE_EN, 'en')).toEqual([
      'en_phrase_ticket_number',
      'number',
      'pause',
      'en_phrase_go_to_counter',
      'counter',
    ]);
  });

  it('matches the defaults the office config starts with', () => {
    const { voiceTemplateVi, voiceTemplateEn } = defaultOfficeConfig().display;
    expect(voiceTemplateVi).toBe(DEFAULT_TEMPLATE_VI);
    expect(voiceTemplateEn).toBe(DEFAULT_TEMPLATE_EN);
  });

  it('ignores case, extra spaces and closing punctuation; a comma is one pause', () => {
    expect(partsText('  mời CÔNG dân có số thứ tự   {number},  đến quầy số {counter}. ', 'vi')).toEqual([
      'vi_phrase_invite',
      'number',
      'pause',
      'vi_phrase_to_counter',
      'counter',
    ]);
  });

  it('follows a reordered template and leaves out words without a clip, listing them', () => {
    const reading = readTemplate('Xin mời quầy số {counter} tiếp đón số {number}', 'vi');
    expect(reading.parts.map((p) => (p.kind === 'clip' ? p.id : p.kind))).toEqual(['counter', 'number']);
    expect(reading.unspoken).toEqual(['xin', 'mời', 'quầy', 'số', 'tiếp', 'đón', 'số']);
  });

  it('uses an office phrase clip when the recordings have one (longest phrase first)', () => {
    const office: PhraseClip[] = [
      { id: 'vi_phrase_xin_moi_so', lang: 'vi', text: 'Xin mời số' },
      { id: 'vi_phrase_den_quay', lang: 'vi', text: 'đến quầy' },
      { id: 'vi_phrase_to_counter', lang: 'vi', text: 'đến quầy số' },
    ];
    expect(partsText('Xin mời số {number} đến quầy số {counter}', 'vi', office)).toEqual([
      'vi_phrase_xin_moi_so',
      'number',
      'pause',
      'vi_phrase_to_counter',
      'counter',
    ]);
    expect(partsText('Xin mời số {number} đến quầy {counter}', 'vi', office)).toEqual([
      'vi_phrase_xin_moi_so',
      'number',
      'pause',
      'vi_phrase_den_quay',
      'counter',
    ]);
  });

  it('falls back to the default template when a placeholder is missing: the counter is never skipped', () => {
    const reading = readTemplate('Mời công dân có số thứ tự {number}', 'vi');
    expect(reading.usedDefault).toBe(true);
    expect(reading.parts.some((p) => p.kind === 'counter')).toBe(true);
  });

  it('recognises phrase clip ids', () => {
    expect(isPhraseClipId('vi_phrase_xin_moi')).toBe(true);
    expect(isPhraseClipId('vi_num_mot')).toBe(false);
  });
});

describe('announcementClips with templates', () => {
  it('the default templates give the same clips as no template', () => {
    const call = { label: 'A023', counterNumber: 3 };
    for (const language of ['vi', 'en', 'vi+en'] as const) {
      expect(
        announcementClips(call, {
          language,
          numberReading: 'words',
          templateVi: DEFAULT_TEMPLATE_VI,
          templateEn: DEFAULT_TEMPLATE_EN,
        }),
      ).toEqual(announcementClips(call, { language, numberReading: 'words' }));
    }
  });

  it('a template with the counter first announces the counter first', () => {
    expect(
      announcementClips(
        { label: 'B7', counterNumber: 12 },
        { language: 'en', numberReading: 'words', templateEn: 'Counter {counter}: ticket number {number}' },
      ),
    ).toEqual(['chime', 'en_num_twelve', 'pause_short', 'en_phrase_ticket_number', 'en_letter_b', 'en_num_seven']);
  });
});
