import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAppCatalogue, type LiteralExemption } from './catalogueAudit.js';
import { uiStrings } from './strings.js';

/** The catalogue's own helpers name Vietnamese letters and retired wordings as data, not as words shown to anyone. */
const EXEMPTIONS: LiteralExemption[] = ['i18n/catalogueAudit.ts', 'i18n/wording.ts', 'i18n/catalogue.ts'].map(
  (path) => ({ path, why: "the catalogue's own helpers" }),
);

describeAppCatalogue({
  app: 'shared ui',
  catalogue: uiStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  exemptions: EXEMPTIONS,
});
