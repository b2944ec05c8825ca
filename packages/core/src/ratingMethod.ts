import { z } from 'zod';
import {
  idSchema,
  MAX_RATING_REASON_TEXT,
  MAX_RATING_REASONS,
  ratingScoreSchema,
  type LocalizedName,
  type OfficeConfig,
  type RatingMethodSettings,
  type RatingReasonOption,
  type RatingScore,
} from './schemas.js';

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

/** The satisfaction index in percent, or null without ratings. */
export function satisfactionIndex(satisfied: number, ratings: number): number | null {
  return ratings === 0 ? null : (100 * satisfied) / ratings;
}

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
export function legacyBallot(score: RatingScore): RatingBallot {
  return { scale: 'legacyFour', answer: score };
}

/**
 * A rating as commands, events and stored rows carry it: `scale` and `answer` since scales exist, only
 * `score` before (and from a pad still running the four-level page when the hub was upgraded).
 */
export interface StoredRatingAnswer {
  scale?: RatingScale | undefined;
  answer?: RatingAnswer | undefined;
  score?: RatingScore | undefined;
}

/** The ballot a stored rating stands for, or null when it carries no answer at all. */
export function ratingBallotOf(rating: StoredRatingAnswer): RatingBallot | null {
  if (rating.scale && rating.answer) return { scale: rating.scale, answer: rating.answer };
  return rating.score ? legacyBallot(rating.score) : null;
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

/** A rating's answer as a store's row keeps it: raw answer, scale, reason ids, free text. */
export interface RatingRecord {
  scale: RatingScale;
  answer: RatingAnswer;
  reasons: string[];
  reasonText: string;
}

/**
 * The row a stored rating event becomes (a four-level score as legacyFour). Throws on a rating without an
 * answer: decide never makes one, and storing it would invent a citizen's answer.
 */
export function ratingRecordOf(
  rating: StoredRatingAnswer & { reasons: readonly string[]; reasonText?: string | undefined },
): RatingRecord {
  const ballot = ratingBallotOf(rating);
  if (!ballot) throw new TypeError('rating without an answer');
  return { ...ballot, reasons: [...rating.reasons], reasonText: rating.reasonText ?? '' };
}

/** Reason ids from the office's list; a stored rating keeps the ids of reasons removed since. */
export const ratingReasonIdsSchema = z.array(idSchema).max(MAX_RATING_REASONS);
export const ratingReasonTextSchema = z.string().trim().max(MAX_RATING_REASON_TEXT);

/**
 * The answer a rating command or event carries: `scale` + `answer`, or only `score` (the four-level pad,
 * read as legacyFour), and the reasons: ids from the office's list and free text.
 */
export const ratingAnswerFields = {
  scale: ratingScaleSchema.optional(),
  answer: ratingAnswerSchema.optional(),
  score: ratingScoreSchema.optional(),
  reasons: ratingReasonIdsSchema,
  reasonText: ratingReasonTextSchema.optional(),
};

export const hasRatingAnswer = (rating: StoredRatingAnswer) => ratingBallotOf(rating) !== null;
export const RATING_ANSWER_MISSING = 'scale và answer, hoặc score / scale and answer, or score';

/** A rating as the `rating.submitted` event records it. */
export const ratingSchema = z
  .object({
    ticketId: idSchema,
    counterId: idSchema,
    clerkId: idSchema.nullable(),
    serviceId: idSchema,
    ...ratingAnswerFields,
    at: z.number(),
  })
  .refine(hasRatingAnswer, RATING_ANSWER_MISSING);
export type Rating = z.infer<typeof ratingSchema>;

/**
 * The reasons offered before an office edits its list. The ids are those of the earlier four-level pad, so
 * its stored reasons keep their names; its "Lý do khác" is now the free text.
 */
export const defaultRatingReasons: readonly RatingReasonOption[] = [
  { id: 'waitedTooLong', name: { vi: 'Chờ đợi quá lâu', en: 'Waited too long' } },
  { id: 'attitude', name: { vi: 'Thái độ phục vụ chưa tốt', en: "Staff's attitude" } },
  { id: 'unclearGuidance', name: { vi: 'Hướng dẫn chưa rõ ràng', en: 'Unclear guidance' } },
  { id: 'slowProcessing', name: { vi: 'Giải quyết hồ sơ chậm', en: 'Slow processing' } },
  { id: 'extraPapers', name: { vi: 'Yêu cầu bổ sung giấy tờ nhiều lần', en: 'Asked for more papers again and again' } },
];

const earlierReasonNames: Record<string, LocalizedName> = {
  other: { vi: 'Lý do khác', en: 'Other' },
};

/** The method in force: the office's choice, or the official three levels with the default reasons. */
export function ratingMethodOf(config: Pick<OfficeConfig, 'ratingMethod'>): RatingMethodSettings {
  return config.ratingMethod ?? { scale: 'three', reasons: [...defaultRatingReasons] };
}

/** A stored reason's name: from the office's list, else the default list, else the id itself (a removed reason). */
export function ratingReasonName(config: Pick<OfficeConfig, 'ratingMethod'>, id: string): LocalizedName {
  const named = (list: readonly RatingReasonOption[]) => list.find((r) => r.id === id)?.name;
  return (
    named(ratingMethodOf(config).reasons) ?? named(defaultRatingReasons) ?? earlierReasonNames[id] ?? { vi: id, en: id }
  );
}

/** Every (scale, answer) pair counted as satisfied: the form a database query can filter on. */
export function satisfiedBallots(): RatingBallot[] {
  return (Object.keys(ratingScales) as RatingScale[]).flatMap((scale) =>
    ratingScales[scale].satisfied.map((answer) => ({ scale, answer })),
  );
}
