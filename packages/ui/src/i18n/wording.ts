/**
 * The wordings issue 16 retired, in one list that every app's catalogue test checks (admin, central, kiosk, counter,
 * display, citizen), so a word fixed in one app cannot come back in another. Pure data and one function: no React,
 * no DOM, so a Node unit test can import it (`@motcua/ui/wording`).
 *
 * Patterns run on NFC text (a decomposed "hủy" is the same word), case-insensitive unless `caseSensitive`.
 */
export interface ForbiddenWording {
  /** Short name for the rule, shown when a test fails. */
  readonly id: string;
  readonly pattern: RegExp;
  /** What to write instead. */
  readonly instead: string;
}

/** Letters of any script, so "bạn" is matched as a word and not inside "bạnh" or "Ngân". */
const wordEdgeBefore = '(?<!\\p{L})';
const wordEdgeAfter = '(?!\\p{L})';

function word(text: string, flags = 'iu'): RegExp {
  return new RegExp(`${wordEdgeBefore}${text}${wordEdgeAfter}`, flags);
}

export const forbiddenWordings: readonly ForbiddenWording[] = [
  { id: 'skipped', pattern: word('Bạn đã bị bỏ qua'), instead: 'Số của Ông/Bà đã qua lượt (vắng mặt khi được gọi)' },
  {
    id: 'address-citizen',
    pattern: word('bạn'),
    instead: '“Ông/Bà” or “công dân” – citizens are never addressed as “bạn”',
  },
  {
    id: 'weekday-numbering',
    pattern: /thứ 1 = thứ Hai/iu,
    instead: '(1 = Thứ Hai … 6 = Thứ Bảy, 7 = Chủ nhật)',
  },
  {
    id: 'rating-reason-attitude',
    pattern: word('Thái độ phục vụ(?! chưa tốt)'),
    instead: 'Thái độ phục vụ chưa tốt',
  },
  { id: 'paused', pattern: word('Hồ sơ đang tạm chờ'), instead: 'Hồ sơ đang tạm dừng – cán bộ sẽ gọi lại' },
  { id: 'rating-pad', pattern: word('Bàn phím đánh giá'), instead: 'Máy đánh giá' },
  { id: 'counter-slug', pattern: word('quay-\\d+'), instead: 'Quầy 1 (the counter’s name, not its id)' },
  { id: 'sunday', pattern: word('Chủ Nhật', 'u'), instead: 'Chủ nhật' },
  { id: 'pregnant', pattern: word('Phụ nữ có thai'), instead: 'Phụ nữ mang thai' },
  { id: 'small-children', pattern: word('Người đi cùng trẻ nhỏ'), instead: 'Người đi cùng trẻ em dưới 6 tuổi' },
  { id: 'spelling-huy', pattern: word('huỷ'), instead: 'hủy' },
  { id: 'spelling-xoa', pattern: word('xoá'), instead: 'xóa' },
  { id: 'spelling-khoa', pattern: word('khoá'), instead: 'khóa' },
  { id: 'procedure', pattern: word('dịch vụ'), instead: 'Thủ tục (what citizens and clerks read)' },
];

export interface WordingProblem {
  readonly id: string;
  readonly found: string;
  readonly instead: string;
}

/** Every retired wording in `text`, empty when the text is fine. */
export function findForbiddenWordings(text: string): WordingProblem[] {
  const normalized = text.normalize('NFC');
  return forbiddenWordings.flatMap(({ id, pattern, instead }) => {
    const match = pattern.exec(normalized);
    return match ? [{ id, found: match[0], instead }] : [];
  });
}

/**
 * The problems of a whole catalogue (key → { vi, en }), as "key: found → instead" lines for a test to expect empty.
 * `allowed` lists, per key, the rule ids that key may break on purpose (e.g. a help text quoting the old wording);
 * keep it explicit and short.
 */
export function catalogueWordingProblems(
  catalogue: Readonly<Record<string, { readonly vi: string; readonly en?: string }>>,
  allowed: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  return Object.entries(catalogue).flatMap(([key, text]) =>
    findForbiddenWordings(text.vi)
      .filter((problem) => !allowed[key]?.includes(problem.id))
      .map((problem) => `${key}: “${problem.found}” → ${problem.instead}`),
  );
}
