/**
 * Number words for the voice announcement (pure: no imports, no I/O).
 *
 * Vietnamese reading rules implemented here:
 * - 0 = "không"; 10 = "mười"; 11 = "mười một"; 14 = "mười bốn"; 15 = "mười lăm"; 20 = "hai mươi".
 * - Units digit 1 after a tens digit >= 2 reads "mốt" (21 = hai mươi mốt); after 1 it stays "một".
 * - Units digit 5 after a tens digit >= 1 reads "lăm" (15, 25, …); after a zero tens digit it stays
 *   "năm" (105 = một trăm linh năm).
 * - Units digit 4 after a tens digit >= 2 reads "tư" in the North (24 = hai mươi tư). DECISION: the
 *   `south` dialect keeps "bốn" (24 = hai mươi bốn), the more common Southern reading; both are
 *   understood everywhere. 14 is "mười bốn" in both dialects.
 * - Zero tens with a non-zero units digit after a hundreds word reads "linh" (North) / "lẻ" (South):
 *   101 = một trăm linh một / một trăm lẻ một.
 * - Thousand is "nghìn" (North) / "ngàn" (South); million is "triệu".
 * - A non-leading group of three digits is read in full, with "không trăm" for a zero hundreds digit:
 *   1023 = một nghìn không trăm hai mươi ba; 1005 = một nghìn không trăm linh năm. Groups that are
 *   entirely zero are skipped: 1000 = một nghìn, 1 000 005 = một triệu không trăm linh năm.
 *
 * Supported range: integers 0 … 999 999 999. Anything else throws a RangeError.
 */

export type VietnameseDialect = 'north' | 'south';

export interface VietnameseNumberOptions {
  /** Default 'north'. */
  dialect?: VietnameseDialect;
}

export const MAX_NUMBER_WORDS = 999_999_999;

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function viDigit(d: number): string {
  const word = VI_DIGITS[d];
  if (word === undefined) throw new RangeError(`Not a digit: ${d}`);
  return word;
}

function assertSupported(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new RangeError(`Expected an integer, got ${String(n)}`);
  }
  if (n < 0) throw new RangeError(`Negative numbers are not supported: ${n}`);
  if (n > MAX_NUMBER_WORDS) throw new RangeError(`Number too large (max ${MAX_NUMBER_WORDS}): ${n}`);
}

/** Tens and units of a group (0…99). `afterHundreds` = a hundreds word was just spoken. */
function viTensUnits(tens: number, units: number, afterHundreds: boolean, dialect: VietnameseDialect): string[] {
  const out: string[] = [];
  if (tens === 0) {
    if (units === 0) return out;
    if (afterHundreds) out.push(dialect === 'south' ? 'lẻ' : 'linh');
    out.push(viDigit(units));
    return out;
  }
  if (tens === 1) {
    out.push('mười');
  } else {
    out.push(viDigit(tens), 'mươi');
  }
  if (units === 0) return out;
  if (units === 5) out.push('lăm');
  else if (units === 1 && tens >= 2) out.push('mốt');
  else if (units === 4 && tens >= 2 && dialect === 'north') out.push('tư');
  else out.push(viDigit(units));
  return out;
}

/** A group of three digits (1…999). `full` = not the leading group, so read "không trăm". */
function viGroup(group: number, full: boolean, dialect: VietnameseDialect): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const out: string[] = [];
  const sayHundreds = full || hundreds > 0;
  if (sayHundreds) out.push(viDigit(hundreds), 'trăm');
  out.push(...viTensUnits(tens, units, sayHundreds, dialect));
  return out;
}

/** Vietnamese number words, e.g. 1023 → ['một','nghìn','không','trăm','hai','mươi','ba']. */
export function numberToVietnameseWords(n: number, options?: VietnameseNumberOptions): string[] {
  assertSupported(n);
  const dialect: VietnameseDialect = options?.dialect ?? 'north';
  if (n === 0) return ['không'];
  const scales = ['', dialect === 'south' ? 'ngàn' : 'nghìn', 'triệu'];
  const groups: number[] = [];
  let rest = n;
  while (rest > 0) {
    groups.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  }
  const out: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    const leading = i === groups.length - 1;
    out.push(...viGroup(group, !leading, dialect));
    const scale = scales[i];
    if (scale) out.push(scale);
  }
  return out;
}

/** Vietnamese number reading as one string, e.g. 1023 → "một nghìn không trăm hai mươi ba". */
export function numberToVietnamese(n: number, options?: VietnameseNumberOptions): string {
  return numberToVietnameseWords(n, options).join(' ');
}

/**
 * Digit-by-digit Vietnamese reading. Numbers must be non-negative integers; strings (ticket labels
 * such as "A023") keep their leading zeros and any non-digit character is skipped.
 * "1023" → ['một','không','hai','ba'].
 */
export function numberToDigitWords(n: number | string): string[] {
  let text: string;
  if (typeof n === 'number') {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Expected a non-negative integer, got ${n}`);
    text = String(n);
  } else {
    text = n;
  }
  const out: string[] = [];
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') out.push(viDigit(ch.charCodeAt(0) - 48));
  }
  return out;
}

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** Every word `numberToEnglishWords` can say, e.g. for a voice clip set. */
export const ENGLISH_NUMBER_WORDS: readonly string[] = [
  ...EN_SMALL,
  ...EN_TENS.slice(2),
  'hundred',
  'thousand',
  'million',
];

function enBelow1000(n: number): string[] {
  const out: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) out.push(EN_SMALL[hundreds] ?? '', 'hundred');
  if (rest === 0) return out;
  if (rest < 20) {
    out.push(EN_SMALL[rest] ?? '');
  } else {
    out.push(EN_TENS[Math.floor(rest / 10)] ?? '');
    if (rest % 10 !== 0) out.push(EN_SMALL[rest % 10] ?? '');
  }
  return out;
}

/**
 * English number words without "and" or hyphens, one word per element:
 * 1023 → ['one','thousand','twenty','three']; 115 → ['one','hundred','fifteen'].
 */
export function numberToEnglishWords(n: number): string[] {
  assertSupported(n);
  if (n === 0) return ['zero'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const out: string[] = [];
  if (millions > 0) out.push(...enBelow1000(millions), 'million');
  if (thousands > 0) out.push(...enBelow1000(thousands), 'thousand');
  if (rest > 0) out.push(...enBelow1000(rest));
  return out;
}

/** English digit-by-digit reading ("023" → ['zero','two','three']); non-digits are skipped. */
export function numberToEnglishDigitWords(n: number | string): string[] {
  let text: string;
  if (typeof n === 'number') {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Expected a non-negative integer, got ${n}`);
    text = String(n);
  } else {
    text = n;
  }
  const out: string[] = [];
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') out.push(EN_SMALL[ch.charCodeAt(0) - 48] ?? '');
  }
  return out;
}
