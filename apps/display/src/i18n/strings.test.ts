import { describeAppCatalogue } from '@motcua/ui/catalogueAudit';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayStrings } from './strings';

describeAppCatalogue({
  app: 'display',
  catalogue: displayStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  exemptions: [
    {
      path: 'voice/voiceTemplate.ts',
      why: 'what the voice says: the spoken template and the words of its clips, not text on screen',
    },
    {
      path: 'boardModel.ts',
      literal: '^\\s*(quầy|counter)\\s*',
      why: 'a pattern that strips "Quầy 1 –" from a counter name, not a text shown',
    },
  ],
});
