import { describeAppCatalogue } from '@motcua/ui/catalogueAudit';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citizenStrings } from './strings';

/** The citizen's pages: online booking, the ticket's live status (/t/…) and the check-in station. */
describeAppCatalogue({
  app: 'citizen pages',
  catalogue: citizenStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
});
