import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { placeholdersOf, type Catalogue } from './catalogue.js';
import { catalogueWordingProblems } from './wording.js';

/**
 * Checks an app's catalogue against its own code, for the app's unit test (vitest): both languages everywhere, the same
 * `{name}` places in both, no key left unused, and no Vietnamese sentence written in a component instead of the
 * catalogue. Node only (reads the source folder); not part of the browser bundle.
 */

export interface SourceText {
  /** Relative to the app's src folder, with forward slashes. */
  path: string;
  text: string;
}

/** The app's code (.ts and .tsx), without tests and without the catalogue itself. */
export function appSources(srcDir: string, catalogueFile = 'i18n/strings.ts'): SourceText[] {
  const walk = (dir: string): SourceText[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      const path = relative(srcDir, full).split('\\').join('/');
      const isCode = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name);
      return isCode && path !== catalogueFile ? [{ path, text: readFileSync(full, 'utf8') }] : [];
    });
  return walk(srcDir);
}

/** Keys whose Vietnamese or English text is empty. */
export function untranslatedKeys(catalogue: Catalogue): string[] {
  return Object.entries(catalogue)
    .filter(([, text]) => text.vi.trim() === '' || text.en.trim() === '')
    .map(([key]) => key);
}

/** Keys whose two languages do not have the same `{name}` places (a number shown in one language only). */
export function placeholderMismatches(catalogue: Catalogue): string[] {
  const sorted = (text: string) => [...new Set(placeholdersOf(text))].sort().join(',');
  return Object.entries(catalogue)
    .filter(([, text]) => sorted(text.vi) !== sorted(text.en))
    .map(([key]) => key);
}

/** Keys the code never names: quoted whole, or under a prefix the code completes (`` `reason.${id}` ``). */
export function unusedKeys(catalogue: Catalogue, sources: readonly SourceText[]): string[] {
  const code = sources.map((source) => source.text).join('\n');
  const prefixes = [...code.matchAll(/`([a-zA-Z0-9.]+\.)\$\{/g)].map((match) => match[1]!);
  return Object.keys(catalogue).filter(
    (key) =>
      !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !prefixes.some((prefix) => key.startsWith(prefix)),
  );
}

const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** A Vietnamese literal allowed outside the catalogue, and why (a voice clip's words, a device's fixed name…). */
export interface LiteralExemption {
  path: string;
  /** The literal's text; without it, every literal of the file is allowed. */
  literal?: string;
  why: string;
}

/** Strings, template parts and JSX text with Vietnamese letters, outside the catalogue: "path:line: text". */
export function vietnameseLiterals(sources: readonly SourceText[], exemptions: readonly LiteralExemption[]): string[] {
  const found: string[] = [];
  for (const source of sources) {
    const file = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node): void => {
      const literal =
        ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)
          ? node.text
          : ts.isJsxText(node)
            ? node.text.trim()
            : null;
      const exempt = exemptions.some(
        (exemption) =>
          exemption.path === source.path && (exemption.literal === undefined || exemption.literal === literal),
      );
      if (literal !== null && VIETNAMESE_LETTER.test(literal) && !exempt) {
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        found.push(`${source.path}:${line}: ${literal}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/**
 * The unit tests every app's catalogue passes, written once: both languages and the same places in both, no unused
 * key, none of the wordings issue 16 retired, and no Vietnamese literal in the app's code outside the catalogue.
 */
export function describeAppCatalogue(options: {
  app: string;
  catalogue: Catalogue;
  /** The app's src folder. */
  srcDir: string;
  exemptions?: readonly LiteralExemption[];
}): void {
  const { app, catalogue } = options;
  const sources = appSources(options.srcDir);
  describe(`the ${app}'s catalogue`, () => {
    it('has every string in Vietnamese and in English, with the same {places} in both', () => {
      expect(untranslatedKeys(catalogue)).toEqual([]);
      expect(placeholderMismatches(catalogue)).toEqual([]);
    });

    it(`has no key the ${app} does not use`, () => {
      expect(unusedKeys(catalogue, sources)).toEqual([]);
    });

    it('keeps none of the wordings issue 16 retired', () => {
      expect(catalogueWordingProblems(catalogue)).toEqual([]);
    });

    it(`holds every Vietnamese sentence of the ${app}: none is written in its components or helpers`, () => {
      expect(vietnameseLiterals(sources, options.exemptions ?? [])).toEqual([]);
    });
  });
}
