import { describe, expect, it } from 'vitest';
import {
  numberToDigitWords,
  numberToEnglishDigitWords,
  numberToEnglishWords,
  numberToVietnamese,
  numberToVietnameseWords,
} from './numberWords.js';

const northCases: ReadonlyArray<readonly [number, string]> = [
  [0, 'không'],
  [1, 'một'],
  [4, 'bốn'],
  [5, 'năm'],
  [9, 'chín'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [19, 'mười chín'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [31, 'ba mươi mốt'],
  [44, 'bốn mươi tư'],
  [55, 'năm mươi lăm'],
  [99, 'chín mươi chín'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [999, 'chín trăm chín mươi chín'],
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1005, 'một nghìn không trăm linh năm'],
  [1010, 'một nghìn không trăm mười'],
  [1023, 'một nghìn không trăm hai mươi ba'],
  [1100, 'một nghìn một trăm'],
  [2024, 'hai nghìn không trăm hai mươi tư'],
  [9999, 'chín nghìn chín trăm chín mươi chín'],
  [10001, 'mười nghìn không trăm linh một'],
  [15000, 'mười lăm nghìn'],
  [21000, 'hai mươi mốt nghìn'],
  [100000, 'một trăm nghìn'],
  [105015, 'một trăm linh năm nghìn không trăm mười lăm'],
  [999999, 'chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  [1000000, 'một triệu'],
  [1000005, 'một triệu không trăm linh năm'],
  [2001000, 'hai triệu không trăm linh một nghìn'],
];

const southCases: ReadonlyArray<readonly [number, string]> = [
  [0, 'không'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi bốn'],
  [25, 'hai mươi lăm'],
  [101, 'một trăm lẻ một'],
  [105, 'một trăm lẻ năm'],
  [110, 'một trăm mười'],
  [1000, 'một ngàn'],
  [1005, 'một ngàn không trăm lẻ năm'],
  [1023, 'một ngàn không trăm hai mươi ba'],
  [2024, 'hai ngàn không trăm hai mươi bốn'],
  [10001, 'mười ngàn không trăm lẻ một'],
  [100000, 'một trăm ngàn'],
];

describe('numberToVietnamese (north, default)', () => {
  it.each(northCases)('%i → %s', (n, expected) => {
    expect(numberToVietnamese(n)).toBe(expected);
    expect(numberToVietnamese(n, { dialect: 'north' })).toBe(expected);
  });

  it('returns the words as an array', () => {
    expect(numberToVietnameseWords(1023)).toEqual(['một', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'ba']);
  });
});

describe('numberToVietnamese (south)', () => {
  it.each(southCases)('%i → %s', (n, expected) => {
    expect(numberToVietnamese(n, { dialect: 'south' })).toBe(expected);
  });
});

describe('numberToVietnameseWords invariants', () => {
  const allowed = new Set([
    'không',
    'một',
    'mốt',
    'hai',
    'ba',
    'bốn',
    'tư',
    'năm',
    'lăm',
    'sáu',
    'bảy',
    'tám',
    'chín',
    'mười',
    'mươi',
    'trăm',
    'nghìn',
    'ngàn',
    'linh',
    'lẻ',
    'triệu',
  ]);
  it('uses only the known word set, mốt/tư/lăm only where allowed (0…20000, both dialects)', () => {
    const violations: string[] = [];
    for (const dialect of ['north', 'south'] as const) {
      for (let n = 0; n <= 20000; n++) {
        const words = numberToVietnameseWords(n, { dialect });
        words.forEach((w, i) => {
          const prev = words[i - 1];
          if (!allowed.has(w)) violations.push(`${dialect} ${n}: unknown word ${w}`);
          if ((w === 'mốt' || w === 'tư') && prev !== 'mươi') violations.push(`${dialect} ${n}: ${w} after ${prev}`);
          if (w === 'lăm' && prev !== 'mươi' && prev !== 'mười') violations.push(`${dialect} ${n}: lăm after ${prev}`);
        });
        if (dialect === 'north' && words.includes('ngàn')) violations.push(`north ${n}: ngàn`);
        if (dialect === 'south' && words.some((w) => w === 'nghìn' || w === 'linh' || w === 'tư')) {
          violations.push(`south ${n}: northern word`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('numberToVietnameseWords errors', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000])('throws RangeError for %s', (n) => {
    expect(() => numberToVietnameseWords(n)).toThrow(RangeError);
    expect(() => numberToEnglishWords(n)).toThrow(RangeError);
  });
});

describe('numberToDigitWords', () => {
  it.each<readonly [number | string, string[]]>([
    ['1023', ['một', 'không', 'hai', 'ba']],
    [1023, ['một', 'không', 'hai', 'ba']],
    [0, ['không']],
    ['A023', ['không', 'hai', 'ba']],
    ['B-105', ['một', 'không', 'năm']],
    ['4567', ['bốn', 'năm', 'sáu', 'bảy']],
    ['89', ['tám', 'chín']],
    ['', []],
  ])('%s → %j', (input, expected) => {
    expect(numberToDigitWords(input)).toEqual(expected);
  });

  it('throws for negative or fractional numbers', () => {
    expect(() => numberToDigitWords(-3)).toThrow(RangeError);
    expect(() => numberToDigitWords(2.5)).toThrow(RangeError);
  });

  it('English digit words', () => {
    expect(numberToEnglishDigitWords('A023')).toEqual(['zero', 'two', 'three']);
  });
});

describe('numberToEnglishWords', () => {
  it.each<readonly [number, string]>([
    [0, 'zero'],
    [7, 'seven'],
    [13, 'thirteen'],
    [20, 'twenty'],
    [21, 'twenty one'],
    [100, 'one hundred'],
    [115, 'one hundred fifteen'],
    [1000, 'one thousand'],
    [1023, 'one thousand twenty three'],
    [2024, 'two thousand twenty four'],
    [10001, 'ten thousand one'],
    [999999, 'nine hundred ninety nine thousand nine hundred ninety nine'],
    [1000001, 'one million one'],
  ])('%i → %s', (n, expected) => {
    expect(numberToEnglishWords(n).join(' ')).toBe(expected);
  });
});
