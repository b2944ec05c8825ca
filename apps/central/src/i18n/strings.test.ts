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
import { centralStrings } from './strings';

// The province dashboard's code (the browser app); the server's own messages live beside its routes.
const sources = appSources(join(dirname(fileURLToPath(import.meta.url)), '..', 'dashboard'));

describe("the province dashboard's catalogue", () => {
  it('has every string in Vietnamese and in English, with the same {places} in both', () => {
    expect(untranslatedKeys(centralStrings)).toEqual([]);
    expect(placeholderMismatches(centralStrings)).toEqual([]);
  });

  it('has no key the dashboard does not use', () => {
    expect(unusedKeys(centralStrings, sources)).toEqual([]);
  });

  it('keeps none of the wordings issue 16 retired', () => {
    expect(catalogueWordingProblems(centralStrings)).toEqual([]);
  });

  it('holds every Vietnamese sentence of the dashboard: none is written in a component or helper', () => {
    expect(vietnameseLiterals(sources, [])).toEqual([]);
  });
});
