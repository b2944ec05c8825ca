import { describeAppCatalogue } from '@motcua/ui/catalogueAudit';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminStrings } from './strings';

// Every Vietnamese word of the admin app is in the catalogue now: no file is exempted.
describeAppCatalogue({
  app: 'admin app',
  catalogue: adminStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
});
