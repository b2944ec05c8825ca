import { describeAppCatalogue } from '@motcua/ui/catalogueAudit';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kioskStrings } from './strings';

describeAppCatalogue({
  app: 'kiosk',
  catalogue: kioskStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
});
