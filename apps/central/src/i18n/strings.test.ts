import { describeAppCatalogue } from '@motcua/ui/catalogueAudit';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { centralStrings } from './strings';

// The province dashboard's code (the browser app); the server's own messages live beside its routes.
describeAppCatalogue({
  app: 'province dashboard',
  catalogue: centralStrings,
  srcDir: join(dirname(fileURLToPath(import.meta.url)), '..', 'dashboard'),
});
