import { describe, expect, it } from 'vitest';
import {
  isSatisfied,
  legacyBallot,
  ratingAnswerProblem,
  ratingScales,
  ballotsIndex,
  type RatingBallot,
  ratingBallotOf,
  ratingRecordOf,
  ratingReasonName,
  ratingMethodOf,
  defaultRatingReasons,
  satisfiedBallots,
} from './ratingMethod.js';
import { SATISFIED_SCORES } from './reportDefinitions.js';
import { ratingMethodSettingsSchema } from './schemas.js';

describe('the satisfaction method', () => {
  it('three levels by default: (Rất hài lòng + Hài lòng) / all ballots', () => {
    const ballots: RatingBallot[] = [
      { scale: 'three', answer: 'verySatisfied' },
      { scale: 'three', answer: 'satisfied' },
      { scale: 'three', answer: 'satisfied' },
      { scale: 'three', answer: 'dissatisfied' },
    ];
    expect(ballotsIndex(ballots)).toEqual({ ballots: 4, satisfied: 3, percent: 75 });
  });

  it('five levels: Bình thường and both dissatisfied answers count against', () => {
    const answers = ['verySatisfied', 'neutral', 'dissatisfied', 'veryDissatisfied', 'satisfied'] as const;
    const index = ballotsIndex(answers.map((answer) => ({ scale: 'five' as const, answer })));
    expect(index).toEqual({ ballots: 5, satisfied: 2, percent: 40 });
  });

  it('earlier four-level ratings keep their meaning, mixed with new ones', () => {
    const old = (['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'] as const).map(legacyBallot);
    expect(old.map(isSatisfied)).toEqual([true, true, false, false]);
    const mixed = [...old, { scale: 'three' as const, answer: 'satisfied' as const }];
    expect(ballotsIndex(mixed)).toEqual({ ballots: 5, satisfied: 3, percent: 60 });
  });

  it('no ballots, no index', () => {
    expect(ballotsIndex([])).toEqual({ ballots: 0, satisfied: 0, percent: null });
  });

  it('requires a reason for Không hài lòng, and refuses answers the scale does not have', () => {
    const none = { listed: [], freeText: '  ' };
    expect(ratingAnswerProblem('three', 'dissatisfied', none)).toBe('REASON_REQUIRED');
    expect(ratingAnswerProblem('three', 'dissatisfied', { listed: ['waitedTooLong'], freeText: '' })).toBeNull();
    expect(ratingAnswerProblem('three', 'dissatisfied', { listed: [], freeText: 'Hướng dẫn chưa rõ' })).toBeNull();
    expect(ratingAnswerProblem('three', 'neutral', none)).toBe('NOT_ON_SCALE');
    expect(ratingAnswerProblem('five', 'veryDissatisfied', none)).toBe('REASON_REQUIRED');
    expect(ratingAnswerProblem('three', 'satisfied', none)).toBeNull();
  });

  it('every scale lists its satisfied and reason-required answers among its own answers', () => {
    for (const scale of Object.values(ratingScales)) {
      for (const answer of [...scale.satisfied, ...scale.reasonRequired]) expect(scale.answers).toContain(answer);
    }
  });

  it('every scale counts the same answers as satisfied, so a store keeping only the answer counts by the method', () => {
    const answers = new Set(satisfiedBallots().map((b) => b.answer));
    expect([...answers].sort()).toEqual([...SATISFIED_SCORES].sort());
  });

  it('reads a stored rating: scale and answer, or a four-level score as legacyFour', () => {
    expect(ratingBallotOf({ scale: 'five', answer: 'neutral' })).toEqual({ scale: 'five', answer: 'neutral' });
    expect(ratingBallotOf({ score: 'neutral' })).toEqual({ scale: 'legacyFour', answer: 'neutral' });
    expect(ratingBallotOf({})).toBeNull();
    expect(ratingRecordOf({ score: 'satisfied', reasons: ['other'] })).toEqual({
      scale: 'legacyFour',
      answer: 'satisfied',
      reasons: ['other'],
      reasonText: '',
    });
    expect(() => ratingRecordOf({ reasons: [] })).toThrow(TypeError);
  });

  it("names a stored reason from the office's list, the defaults, or by its id once removed", () => {
    const config = {
      ratingMethod: {
        scale: 'three' as const,
        reasons: [{ id: 'noParking', name: { vi: 'Không có chỗ gửi xe', en: '' } }],
      },
    };
    expect(ratingReasonName(config, 'noParking').vi).toBe('Không có chỗ gửi xe');
    expect(ratingReasonName(config, 'waitedTooLong').vi).toBe('Chờ đợi quá lâu');
    expect(ratingReasonName(config, 'other').vi).toBe('Lý do khác');
    expect(ratingReasonName(config, 'gone').vi).toBe('gone');
    expect(ratingMethodOf({})).toMatchObject({ scale: 'three', reasons: defaultRatingReasons });
  });

  it('refuses a reason list with the same id twice', () => {
    const twice = { id: 'a', name: { vi: 'A' } };
    expect(ratingMethodSettingsSchema.safeParse({ scale: 'three', reasons: [twice, twice] }).success).toBe(false);
    expect(ratingMethodSettingsSchema.safeParse({ scale: 'legacyFour', reasons: [] }).success).toBe(false);
  });
});
