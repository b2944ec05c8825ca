import {
  appSources,
  placeholderMismatches,
  untranslatedKeys,
  unusedKeys,
  vietnameseLiterals,
} from '@motcua/ui/catalogueAudit';
import { catalogueWordingProblems } from '@motcua/ui/wording';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kioskStrings } from './strings';

const sources = appSources(join(dirname(fileURLToPath(import.meta.url)), '..'));

describe("the kiosk's catalogue", () => {
  it('has every string in Vietnamese and in English, with the same {places} in both', () => {
    expect(untranslatedKeys(kioskStrings)).toEqual([]);
    expect(placeholderMismatches(kioskStrings)).toEqual([]);
  });

  it('has no key the kiosk does not use', () => {
    expect(unusedKeys(kioskStrings, sources)).toEqual([]);
  });

  it('keeps none of the wordings issue 16 retired', () => {
    expect(catalogueWordingProblems(kioskStrings)).toEqual([]);
  });

  it('holds every Vietnamese sentence of the kiosk: none is written in a component or helper', () => {
    expect(vietnameseLiterals(sources, [])).toEqual([]);
  });
});
