import { describe, expect, it } from 'vitest';
import { countAxis } from './ReportChart';

describe('report charts', () => {
  it('step the value axis by whole numbers, with or without a fixed maximum', () => {
    expect(countAxis()).toMatchObject({ beginAtZero: true, ticks: { precision: 0 } });
    expect(countAxis(100)).toMatchObject({ max: 100, ticks: { precision: 0 } });
  });
});
