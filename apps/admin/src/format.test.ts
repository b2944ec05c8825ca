import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, isoDateIn } from './format';

describe('admin formatting', () => {
  it('says durations the way staff read them', () => {
    expect(formatDuration(45)).toBe('45 giây');
    expect(formatDuration(125)).toBe('2 phút 05 giây');
    expect(formatDuration(3900)).toBe('1 giờ 05 phút');
    expect(formatDuration(null)).toBe('—');
  });
  it('shows a percentage with a Vietnamese decimal comma, and a dash without data', () => {
    expect(formatPercent(77.25)).toBe('77,3%');
    expect(formatPercent(null)).toBe('—');
  });
  it('gives the office date of a moment (Vietnam is UTC+7)', () => {
    expect(isoDateIn(Date.UTC(2025, 2, 3, 18, 0), 'Asia/Ho_Chi_Minh')).toBe('2025-03-04');
  });
});
