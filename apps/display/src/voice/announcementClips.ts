/**
 * Turns a call ("ticket A023 to counter 3") into the list of voice clip ids the wall display plays back
 * to back. Pure and browser-safe.
 *
 * Vietnamese: chime, "Mời công dân có số thứ tự", [A] hai mươi ba, (short pause), "đến quầy số", ba
 * English:    chime, "Ticket number", [A] twenty three, (short pause), "please go to counter", three
 * 'vi+en':    chime, the Vietnamese part, a long pause, the English part (one chime only).
 * The parts follow the office's templates (`voiceTemplateVi`/`En`) as far as there are clips for their
 * words; see voiceTemplate.ts for the rules. The default templates give exactly the sequences above.
 */
import {
  MAX_NUMBER_WORDS,
  numberToDigitWords,
  numberToEnglishDigitWords,
  numberToEnglishWords,
  numberToVietnameseWords,
  type VietnameseDialect,
} from '@motcua/core';
import { CHIME, PAUSE_LONG, PAUSE_SHORT, enWordClipId, letterClipId, viWordClipId } from '@motcua/core';
import { DEFAULT_TEMPLATE_EN, DEFAULT_TEMPLATE_VI, readTemplate, type PhraseClip } from './voiceTemplate.js';

export interface AnnouncementCallInput {
  /** Ticket label as printed, e.g. "A023" or "1023". */
  label: string;
  counterNumber: number;
}

export interface AnnouncementSettings {
  language: 'vi' | 'en' | 'vi+en';
  /** How the ticket number is read; the counter number is always read as words. */
  numberReading: 'words' | 'digits';
  /** Default 'north'. */
  dialect?: VietnameseDialect;
  /** Announcement templates with {number} and {counter}; the defaults when left out. */
  templateVi?: string;
  templateEn?: string;
  /** Phrase clips the templates may use; the default set's phrases when left out. */
  phrases?: readonly PhraseClip[];
}

type LabelToken = { kind: 'letter'; letter: string } | { kind: 'digits'; digits: string };

/** Splits a label into letters (A–Z) and digit runs; every other character is skipped. */
export function tokenizeLabel(label: string): LabelToken[] {
  const tokens: LabelToken[] = [];
  let digits = '';
  const flush = (): void => {
    if (digits) tokens.push({ kind: 'digits', digits });
    digits = '';
  };
  for (const ch of label) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      continue;
    }
    flush();
    const upper = ch.toUpperCase();
    if (upper.length === 1 && upper >= 'A' && upper <= 'Z') tokens.push({ kind: 'letter', letter: upper });
  }
  flush();
  return tokens;
}

function readableAsWords(digits: string): boolean {
  return digits.length <= String(MAX_NUMBER_WORDS).length && Number(digits) <= MAX_NUMBER_WORDS;
}

function labelClips(label: string, lang: 'vi' | 'en', settings: AnnouncementSettings): string[] {
  const dialect = settings.dialect ?? 'north';
  const out: string[] = [];
  for (const token of tokenizeLabel(label)) {
    if (token.kind === 'letter') {
      const id = letterClipId(token.letter, lang);
      if (id) out.push(id);
      continue;
    }
    const asWords = settings.numberReading === 'words' && readableAsWords(token.digits);
    if (lang === 'vi') {
      const words = asWords
        ? numberToVietnameseWords(Number(token.digits), { dialect })
        : numberToDigitWords(token.digits);
      out.push(...words.map(viWordClipId));
    } else {
      const words = asWords ? numberToEnglishWords(Number(token.digits)) : numberToEnglishDigitWords(token.digits);
      out.push(...words.map(enWordClipId));
    }
  }
  return out;
}

function counterClips(counterNumber: number, lang: 'vi' | 'en', settings: AnnouncementSettings): string[] {
  if (lang === 'en') return numberToEnglishWords(counterNumber).map(enWordClipId);
  return numberToVietnameseWords(counterNumber, { dialect: settings.dialect ?? 'north' }).map(viWordClipId);
}

/** One language's part, read from its template: phrases, the ticket number, pauses and the counter number. */
function languagePart(call: AnnouncementCallInput, lang: 'vi' | 'en', settings: AnnouncementSettings): string[] {
  const template =
    lang === 'vi' ? (settings.templateVi ?? DEFAULT_TEMPLATE_VI) : (settings.templateEn ?? DEFAULT_TEMPLATE_EN);
  const counter = counterClips(call.counterNumber, lang, settings);
  return readTemplate(template, lang, settings.phrases).parts.flatMap((part) => {
    switch (part.kind) {
      case 'clip':
        return [part.id];
      case 'pause':
        return [PAUSE_SHORT];
      case 'number':
        return labelClips(call.label, lang, settings);
      case 'counter':
        return counter;
    }
  });
}

/**
 * The clip id sequence for one call, starting with `chime`.
 * Throws a RangeError for a counter number that is not a non-negative integer.
 */
export function announcementClips(call: AnnouncementCallInput, settings: AnnouncementSettings): string[] {
  switch (settings.language) {
    case 'vi':
      return [CHIME, ...languagePart(call, 'vi', settings)];
    case 'en':
      return [CHIME, ...languagePart(call, 'en', settings)];
    case 'vi+en':
      return [CHIME, ...languagePart(call, 'vi', settings), PAUSE_LONG, ...languagePart(call, 'en', settings)];
  }
}
