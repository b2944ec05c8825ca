import { localizedText } from '@motcua/ui';
import type { LocalizedText } from './localized';
import { adminStrings } from './i18n/strings';

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
  if (!issue) return adminStrings['rule.theFormIsNot'];
  const label = labelOf(issue.path) ?? { vi: issue.path.join('.'), en: issue.path.join('.') };
  const rule = ruleOf(issue);
  return localizedText(adminStrings['rule.correctThisBoxThen'], { label, rule });
}

/** The rule a value breaks, in the admin's words ("cần ít nhất 16 ký tự"), without the box's name. */
export function ruleOf(issue: SchemaIssue): LocalizedText {
  return plainRule(issue) ?? localizedText(adminStrings['rule.isNotValid'], { message: issue.message });
}

/**
 * The common rules (lengths, ranges, numbers, formats) in plain words, or undefined for the others, which keep
 * zod's Vietnamese locale ("Quá nhỏ: mong đợi string có >=1 ký tự" reads as a programmer's note).
 */
export function plainRule(issue: Omit<SchemaIssue, 'message' | 'path'>): LocalizedText | undefined {
  if (issue.code === 'too_small' && issue.minimum !== undefined) {
    if (issue.origin === 'string') {
      if (Number(issue.minimum) === 1) return adminStrings['rule.mustNotBeEmpty'];
      return localizedText(adminStrings['rule.needsAtLeastCharacters'], { minimum: Number(issue.minimum) });
    }
    return localizedText(adminStrings['rule.mustBeAtLeast'], { minimum: Number(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.maximum !== undefined) {
    if (issue.origin === 'string') {
      return localizedText(adminStrings['rule.atMostCharacters'], { maximum: Number(issue.maximum) });
    }
    return localizedText(adminStrings['rule.mustBeAtMost'], { maximum: Number(issue.maximum) });
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') {
    return adminStrings['rule.mustBeAWhole'];
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    return adminStrings['rule.mustBeANumber'];
  }
  if (issue.code === 'invalid_union' || issue.code === 'invalid_format') {
    return adminStrings['rule.isNotInThe'];
  }
  return undefined;
}
