import type { LocalizedText } from './localized';

/** The parts of a zod issue the message needs (kept structural so tests need no zod internals). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  origin?: string;
}

/**
 * "Độ dài khung giờ (phút): phải từ 5 trở lên" from a schema issue and the form's own field names,
 * so a refusal names the box to fix in the admin's words instead of zod's.
 */
export function validationMessage(
  issue: SchemaIssue | undefined,
  labelOf: (path: readonly PropertyKey[]) => LocalizedText | null,
): LocalizedText {
  if (!issue) return { vi: 'Dữ liệu chưa hợp lệ.', en: 'The form is not valid.' };
  const label = labelOf(issue.path) ?? { vi: issue.path.join('.'), en: issue.path.join('.') };
  const rule = ruleOf(issue);
  return {
    vi: `${label.vi}: ${rule.vi}. Hãy sửa ô này rồi bấm Lưu.`,
    en: `${label.en}: ${rule.en}. Correct this box, then save.`,
  };
}

/** The rule a value breaks, in the admin's words ("cần ít nhất 16 ký tự"), without the box's name. */
export function ruleOf(issue: SchemaIssue): LocalizedText {
  return plainRule(issue) ?? { vi: `không hợp lệ (${issue.message})`, en: `is not valid (${issue.message})` };
}

/**
 * The common rules (lengths, ranges, numbers, formats) in plain words, or undefined for the others, which keep
 * zod's Vietnamese locale ("Quá nhỏ: mong đợi string có >=1 ký tự" reads as a programmer's note).
 */
export function plainRule(issue: Omit<SchemaIssue, 'message' | 'path'>): LocalizedText | undefined {
  if (issue.code === 'too_small' && issue.minimum !== undefined) {
    if (issue.origin === 'string') {
      if (Number(issue.minimum) === 1) return { vi: 'không được để trống', en: 'must not be empty' };
      return { vi: `cần ít nhất ${issue.minimum} ký tự`, en: `needs at least ${issue.minimum} characters` };
    }
    return { vi: `phải từ ${issue.minimum} trở lên`, en: `must be at least ${issue.minimum}` };
  }
  if (issue.code === 'too_big' && issue.maximum !== undefined) {
    if (issue.origin === 'string') {
      return { vi: `tối đa ${issue.maximum} ký tự`, en: `at most ${issue.maximum} characters` };
    }
    return { vi: `không được lớn hơn ${issue.maximum}`, en: `must be at most ${issue.maximum}` };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') {
    return { vi: 'phải là số nguyên', en: 'must be a whole number' };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    return { vi: 'phải là một số', en: 'must be a number' };
  }
  if (issue.code === 'invalid_union' || issue.code === 'invalid_format') {
    return { vi: 'không đúng định dạng', en: 'is not in the right format' };
  }
  return undefined;
}
