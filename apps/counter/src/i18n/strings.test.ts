import { describeAppCatalogue } from '@motcua/ui/catalogueAudit';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { counterStrings } from './strings';

/** The counter app: the clerk's screen, its compact bar and the rating pad. */
describeAppCatalogue({
  app: 'counter app',
  catalogue: counterStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  exemptions: [
    {
      path: 'counterActions.ts',
      literal: 'Tạm nghỉ',
      why: 'the reason of a dry-run pause that only asks core whether pausing is allowed; never shown',
    },
  ],
});
