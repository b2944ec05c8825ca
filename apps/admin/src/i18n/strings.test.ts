import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueWordingProblems } from '@motcua/ui/wording';
import { describe, expect, it } from 'vitest';
import { adminStrings } from './strings';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    const isCode = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !path.endsWith('strings.ts');
    return isCode ? [readFileSync(path, 'utf8')] : [];
  });
}

describe("the admin app's catalogue", () => {
  it('has every string in Vietnamese and in English', () => {
    for (const [key, text] of Object.entries(adminStrings)) {
      expect(text.vi.trim(), `${key} in Vietnamese`).not.toBe('');
      expect(text.en.trim(), `${key} in English`).not.toBe('');
    }
  });

  it('has no key the app does not use', () => {
    const code = sources(SRC).join('\n');
    // `config.tab.${id}` uses every key under config.tab.
    const prefixes = [...code.matchAll(/`([a-zA-Z.]+\.)\$\{/g)].map((m) => m[1]!);
    const unused = Object.keys(adminStrings).filter(
      (key) => !code.includes(`'${key}'`) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('keeps none of the wordings issue 16 retired', () => {
    expect(catalogueWordingProblems(adminStrings)).toEqual([]);
  });
});
