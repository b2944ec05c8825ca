/**
 * Turns an announcement template ("Mời công dân có số thứ tự {number} đến quầy số {counter}") into the
 * parts the voice can say: phrase clips, the ticket number, the counter number and pauses.
 *
 * The voice is made of recorded clips, so only text that has a phrase clip can be spoken:
 * - Text between the placeholders is matched, case-insensitively and word by word, against the phrase
 *   clips (the default set's two phrases per language, plus any `vi_phrase_*` / `en_phrase_*` clip an
 *   office adds to its own recordings). The longest phrase wins; words without a clip are left out and
 *   listed in `unspoken` so the screen can tell the admin.
 * - Punctuation (, . ; : ! ? – —) becomes a short pause, and so does the gap right after the ticket
 *   number (the number and the next phrase must not run together). Pauses are never doubled, and there
 *   is none at the start or the end.
 * - A template without `{number}` or `{counter}` is replaced by the default one: the voice must never
 *   skip the counter number.
 * Pure and browser-safe.
 */
import {
  EN_PHRASE_GO_TO_COUNTER,
  EN_PHRASE_TICKET_NUMBER,
  VI_PHRASE_INVITE,
  VI_PHRASE_TO_COUNTER,
  VOICE_CLIPS,
} from '@motcua/core';

export const DEFAULT_TEMPLATE_VI = 'Mời công dân có số thứ tự {number} đến quầy số {counter}';
export const DEFAULT_TEMPLATE_EN = 'Ticket number {number}, please go to counter {counter}';

export type TemplatePart = { kind: 'clip'; id: string } | { kind: 'number' } | { kind: 'counter' } | { kind: 'pause' };

export interface PhraseClip {
  id: string;
  lang: 'vi' | 'en';
  /** What the clip says, e.g. "đến quầy số". */
  text: string;
}

/** The phrase clips of the default set. */
export const DEFAULT_PHRASES: readonly PhraseClip[] = VOICE_CLIPS.filter(
  (c): c is PhraseClip =>
    c.lang !== 'none' &&
    [VI_PHRASE_INVITE, VI_PHRASE_TO_COUNTER, EN_PHRASE_TICKET_NUMBER, EN_PHRASE_GO_TO_COUNTER].includes(c.id),
);

/** Whether a clip id names a phrase (the ids an office may add to its recordings). */
export function isPhraseClipId(id: string): boolean {
  return /^(vi|en)_phrase_[a-z0-9_]+$/.test(id);
}

export interface TemplateReading {
  parts: TemplatePart[];
  /** Words of the template that have no clip and are not spoken. */
  unspoken: string[];
  /** True when the given template lacked a placeholder and the default was used instead. */
  usedDefault: boolean;
}

const PLACEHOLDER = /\{(number|counter)\}/g;
const PUNCTUATION = /[,.;:!?–—]|\s-\s/;

function words(text: string, lang: 'vi' | 'en'): string[] {
  return text
    .toLocaleLowerCase(lang === 'vi' ? 'vi' : 'en')
    .split(/\s+/)
    .map((w) => w.replace(/^["'“”‘’()]+|["'“”‘’()]+$/g, ''))
    .filter(Boolean);
}

function hasBothPlaceholders(template: string): boolean {
  return template.includes('{number}') && template.includes('{counter}');
}

/** Reads a template for one language with the given phrase clips (those of other languages are ignored). */
export function readTemplate(
  template: string,
  lang: 'vi' | 'en',
  phrases: readonly PhraseClip[] = DEFAULT_PHRASES,
): TemplateReading {
  const usedDefault = !hasBothPlaceholders(template);
  const source = usedDefault ? (lang === 'vi' ? DEFAULT_TEMPLATE_VI : DEFAULT_TEMPLATE_EN) : template;
  const candidates = phrases
    .filter((p) => p.lang === lang)
    .map((p) => ({ id: p.id, words: words(p.text, lang) }))
    .filter((p) => p.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);

  const parts: TemplatePart[] = [];
  const unspoken: string[] = [];
  const pause = (): void => {
    if (parts.length > 0 && parts.at(-1)?.kind !== 'pause') parts.push({ kind: 'pause' });
  };
  const speakText = (text: string): void => {
    const chunks = text.split(PUNCTUATION);
    chunks.forEach((chunk, index) => {
      if (index > 0) pause();
      const list = words(chunk, lang);
      for (let i = 0; i < list.length;) {
        const match = candidates.find((c) => c.words.every((w, k) => list[i + k] === w));
        if (match) {
          parts.push({ kind: 'clip', id: match.id });
          i += match.words.length;
        } else {
          unspoken.push(list[i] as string);
          i++;
        }
      }
    });
  };

  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    speakText(source.slice(last, match.index));
    parts.push({ kind: match[1] === 'number' ? 'number' : 'counter' });
    if (match[1] === 'number') pause();
    last = match.index + match[0].length;
  }
  speakText(source.slice(last));
  while (parts.at(-1)?.kind === 'pause') parts.pop();
  return { parts, unspoken, usedDefault };
}
