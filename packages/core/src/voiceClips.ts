import { ENGLISH_NUMBER_WORDS } from './numberWords.js';

/**
 * The voice clip catalogue: every clip id the wall display may play, the word it stands for and the
 * text the generator speaks. Pure and browser-safe (core only).
 *
 * An office that records its own voice keeps these ids (see apps/display/voice/README.md).
 */

export type ClipLanguage = 'vi' | 'en' | 'none';

export interface ClipSpec {
  /** ASCII clip id, also the file's base name. */
  id: string;
  lang: ClipLanguage;
  /** What the clip says (the generator's input text; for pauses and the chime a description). */
  text: string;
}

export const CHIME = 'chime';
/** Silence used between parts of an announcement (e.g. between the Vietnamese and English parts). */
export const PAUSE_SHORT = 'pause_short';
export const PAUSE_LONG = 'pause_long';

export const VI_PHRASE_INVITE = 'vi_phrase_invite';
export const VI_PHRASE_TO_COUNTER = 'vi_phrase_to_counter';
export const EN_PHRASE_TICKET_NUMBER = 'en_phrase_ticket_number';
export const EN_PHRASE_GO_TO_COUNTER = 'en_phrase_go_to_counter';

/** Vietnamese number word → clip id. Tone-only differences get a suffix (một/mốt, mười/mươi). */
export const VI_WORD_CLIPS: Readonly<Record<string, string>> = {
  không: 'vi_num_khong',
  một: 'vi_num_mot',
  mốt: 'vi_num_mot_sac',
  hai: 'vi_num_hai',
  ba: 'vi_num_ba',
  bốn: 'vi_num_bon',
  tư: 'vi_num_tu',
  năm: 'vi_num_nam',
  lăm: 'vi_num_lam',
  sáu: 'vi_num_sau',
  bảy: 'vi_num_bay',
  tám: 'vi_num_tam',
  chín: 'vi_num_chin',
  mười: 'vi_num_muoi',
  mươi: 'vi_num_muoi_ngang',
  trăm: 'vi_num_tram',
  nghìn: 'vi_num_nghin',
  ngàn: 'vi_num_ngan',
  linh: 'vi_num_linh',
  lẻ: 'vi_num_le',
  triệu: 'vi_num_trieu',
};

/** English number word → clip id (`en_num_<word>`). */
export const EN_WORD_CLIPS: Readonly<Record<string, string>> = Object.fromEntries(
  ENGLISH_NUMBER_WORDS.map((w) => [w, `en_num_${w}`]),
);

/** How each letter is read aloud in Vietnamese (the usual spelling-out names) and English. */
const LETTER_READINGS: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  A: ['a', 'ay'],
  B: ['bê', 'bee'],
  C: ['xê', 'see'],
  D: ['dê', 'dee'],
  E: ['e', 'ee'],
  F: ['ép', 'eff'],
  G: ['giê', 'gee'],
  H: ['hát', 'aitch'],
  I: ['i', 'eye'],
  J: ['di', 'jay'], // letter name "gi" (/zi/); espeak-ng reads the text "gi" as a bare consonant
  K: ['ca', 'kay'],
  L: ['e lờ', 'ell'],
  M: ['em mờ', 'em'],
  N: ['en nờ', 'en'],
  O: ['o', 'oh'],
  P: ['pê', 'pee'],
  Q: ['quy', 'cue'],
  R: ['e rờ', 'ar'],
  S: ['ét xì', 'ess'],
  T: ['tê', 'tee'],
  U: ['u', 'you'],
  V: ['vê', 'vee'],
  W: ['vê kép', 'double you'],
  X: ['ích xì', 'ex'],
  Y: ['i dài', 'why'],
  Z: ['dét', 'zed'],
};

export const LETTERS: readonly string[] = Object.keys(LETTER_READINGS);

/** Clip id of a letter A–Z (case-insensitive) or undefined for anything else. */
export function letterClipId(letter: string, lang: 'vi' | 'en'): string | undefined {
  const upper = letter.toUpperCase();
  if (!(upper in LETTER_READINGS)) return undefined;
  return `${lang}_letter_${upper.toLowerCase()}`;
}

/** Clip id of a Vietnamese number word, throws for an unknown word (a bug in the number reader). */
export function viWordClipId(word: string): string {
  const id = VI_WORD_CLIPS[word];
  if (id === undefined) throw new Error(`No voice clip for Vietnamese word "${word}"`);
  return id;
}

/** Clip id of an English number word, throws for an unknown word. */
export function enWordClipId(word: string): string {
  const id = EN_WORD_CLIPS[word];
  if (id === undefined) throw new Error(`No voice clip for English word "${word}"`);
  return id;
}

/** Every clip the generator produces (and a replacement recording set must provide). */
export const VOICE_CLIPS: readonly ClipSpec[] = [
  { id: CHIME, lang: 'none', text: '(two-tone ding-dong chime)' },
  { id: PAUSE_SHORT, lang: 'none', text: '(silence, 250 ms)' },
  { id: PAUSE_LONG, lang: 'none', text: '(silence, 700 ms)' },
  { id: VI_PHRASE_INVITE, lang: 'vi', text: 'Mời công dân có số thứ tự' },
  { id: VI_PHRASE_TO_COUNTER, lang: 'vi', text: 'đến quầy số' },
  { id: EN_PHRASE_TICKET_NUMBER, lang: 'en', text: 'Ticket number' },
  { id: EN_PHRASE_GO_TO_COUNTER, lang: 'en', text: 'please go to counter' },
  ...Object.entries(VI_WORD_CLIPS).map(([text, id]): ClipSpec => ({ id, lang: 'vi', text })),
  ...Object.entries(EN_WORD_CLIPS).map(([text, id]): ClipSpec => ({ id, lang: 'en', text })),
  ...Object.entries(LETTER_READINGS).map(([letter, [vi]]): ClipSpec => ({
    id: `vi_letter_${letter.toLowerCase()}`,
    lang: 'vi',
    text: vi,
  })),
  ...Object.entries(LETTER_READINGS).map(([letter, [, en]]): ClipSpec => ({
    id: `en_letter_${letter.toLowerCase()}`,
    lang: 'en',
    text: en,
  })),
];
