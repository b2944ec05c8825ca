import { z } from 'zod';
import { satisfactionIndex } from './reportDefinitions.js';
import type { LocalizedName } from './schemas.js';

/**
 * The satisfaction method as configuration. Provincial dossier systems rate on three levels (Rất hài lòng /
 * Hài lòng / Không hài lòng, a reason required for Không hài lòng); five levels are an option; the pad's
 * earlier four levels stay readable as `legacyFour`. Every rating keeps its raw answer and its scale, and
 * the index is the same for all of them:
 *
 *   tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / tổng số phiếu
 */
export const ratingScaleSchema = z.enum(['three', 'five', 'legacyFour']);
export type RatingScale = z.infer<typeof ratingScaleSchema>;

export const ratingAnswerSchema = z.enum(['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied']);
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;

export interface RatingScaleDefinition {
  name: LocalizedName;
  /** Best first, as the pad shows them. */
  answers: readonly RatingAnswer[];
  /** Counted in the numerator of the index. */
  satisfied: readonly RatingAnswer[];
  /** A reason (from the office's list or free text) must come with these. */
  reasonRequired: readonly RatingAnswer[];
}

export const ratingScales: Record<RatingScale, RatingScaleDefinition> = {
  three: {
    name: { vi: 'Ba mức (theo hệ thống một cửa của tỉnh)', en: 'Three levels (provincial one-stop system)' },
    answers: ['verySatisfied', 'satisfied', 'dissatisfied'],
    satisfied: ['verySatisfied', 'satisfied'],
    reasonRequired: ['dissatisfied'],
  },
  five: {
    name: { vi: 'Năm mức', en: 'Five levels' },
    answers: ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied'],
    satisfied: ['verySatisfied', 'satisfied'],
    reasonRequired: ['dissatisfied', 'veryDissatisfied'],
  },
  legacyFour: {
    name: { vi: 'Bốn mức (dữ liệu trước đây)', en: 'Four levels (earlier data)' },
    answers: ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'],
    satisfied: ['verySatisfied', 'satisfied'],
    reasonRequired: [],
  },
};

export const ratingAnswerNames: Record<RatingAnswer, LocalizedName> = {
  verySatisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  veryDissatisfied: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
};

export const SATISFACTION_FORMULA = {
  vi: 'Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / tổng số phiếu đánh giá × 100%',
  en: 'Satisfaction rate = (Very satisfied + Satisfied) / all ratings × 100%',
} as const satisfies LocalizedName;

/** One stored rating as the method reads it: the raw answer and the scale it was given on. */
export interface RatingBallot {
  scale: RatingScale;
  answer: RatingAnswer;
}

/**
 * A rating stored before scales existed (four levels, no scale recorded) keeps its meaning: its score is
 * its answer on `legacyFour`, so Bình thường still counts as not satisfied.
 */
export function legacyBallot(score: 'verySatisfied' | 'satisfied' | 'neutral' | 'dissatisfied'): RatingBallot {
  return { scale: 'legacyFour', answer: score };
}

export function isSatisfied(ballot: RatingBallot): boolean {
  return ratingScales[ballot.scale].satisfied.includes(ballot.answer);
}

export interface SatisfactionIndex {
  ballots: number;
  satisfied: number;
  /** Percent, or null without ballots (a period with no ratings has no index, not 0%). */
  percent: number | null;
}

/** The index over ballots of any mix of scales, per SATISFACTION_FORMULA. */
export function ballotsIndex(ballots: Iterable<RatingBallot>): SatisfactionIndex {
  let total = 0;
  let satisfied = 0;
  for (const ballot of ballots) {
    total++;
    if (isSatisfied(ballot)) satisfied++;
  }
  return { ballots: total, satisfied, percent: satisfactionIndex(satisfied, total) };
}

/** Why an answer is not acceptable on a scale, or null: unknown on the scale, or a required reason missing. */
export function ratingAnswerProblem(
  scale: RatingScale,
  answer: RatingAnswer,
  reasons: { listed: readonly string[]; freeText: string },
): 'NOT_ON_SCALE' | 'REASON_REQUIRED' | null {
  const definition = ratingScales[scale];
  if (!definition.answers.includes(answer)) return 'NOT_ON_SCALE';
  const hasReason = reasons.listed.length > 0 || reasons.freeText.trim() !== '';
  if (definition.reasonRequired.includes(answer) && !hasReason) return 'REASON_REQUIRED';
  return null;
}
