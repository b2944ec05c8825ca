import { describe, expect, it } from 'vitest';
import { fillText, localizedText } from './catalogue';
import { placeholderMismatches, unusedKeys, untranslatedKeys, vietnameseLiterals } from './catalogueAudit';

describe('catalogue texts', () => {
  it('fill their {places}, each language with its own words for a LocalizedName', () => {
    const entry = { vi: 'Ưu tiên – {group} ({count})', en: 'Priority – {group} ({count})' };
    expect(localizedText(entry, { group: { vi: 'Người cao tuổi', en: 'Elderly' }, count: 2 })).toEqual({
      vi: 'Ưu tiên – Người cao tuổi (2)',
      en: 'Priority – Elderly (2)',
    });
    expect(fillText('{group}', { group: { vi: 'Người cao tuổi', en: '' } }, 'en')).toBe('Người cao tuổi');
    expect(fillText('sau {seconds} giây', {})).toBe('sau {seconds} giây');
  });
});

describe('the catalogue audit', () => {
  const catalogue = {
    'a.used': { vi: 'Xong', en: 'Done' },
    'b.half': { vi: 'Hủy', en: ' ' },
    'c.places': { vi: 'Còn {n} người', en: 'People left' },
    'reason.late': { vi: 'Muộn', en: 'Late' },
  };
  const sources = [
    {
      path: 'Screen.tsx',
      text: [
        '// Chú thích tiếng Việt không tính',
        "const a = text('a.used'); const r = text(`reason.${id}`);",
        'const b = <p title="Đóng">Chưa gọi số nào</p>;',
        'const c = `Số ${n} đã gọi`; const d = "plain English";',
      ].join('\n'),
    },
  ];

  it('names keys missing a language, with different places, or unused', () => {
    expect(untranslatedKeys(catalogue)).toEqual(['b.half']);
    expect(placeholderMismatches(catalogue)).toEqual(['c.places']);
    expect(unusedKeys(catalogue, sources)).toEqual(['b.half', 'c.places']);
  });

  it('finds Vietnamese in strings, templates and JSX text, not in comments, unless exempted', () => {
    expect(vietnameseLiterals(sources, [])).toEqual([
      'Screen.tsx:3: Đóng',
      'Screen.tsx:3: Chưa gọi số nào',
      'Screen.tsx:4: Số ',
      'Screen.tsx:4:  đã gọi',
    ]);
    expect(
      vietnameseLiterals(sources, [{ path: 'Screen.tsx', literal: 'Đóng', why: 'test' }]).map((hit) =>
        hit.slice('Screen.tsx:3: '.length),
      ),
    ).toEqual(['Chưa gọi số nào', 'Số ', ' đã gọi']);
  });
});
