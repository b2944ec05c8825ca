import { describe, expect, it } from 'vitest';
import { dayLabel, spacedCode } from './dates';

describe('citizen page wording', () => {
  it('names the day as people say it', () => {
    expect(dayLabel('2026-11-30', 'vi')).toBe('Thứ Hai, 30/11/2026');
    expect(dayLabel('2026-12-06', 'en')).toBe('Sunday 06/12/2026');
  });

  it('splits a booking code in two groups', () => {
    expect(spacedCode('ABCD2345')).toBe('ABCD 2345');
  });
});
