import { buildElectronShell } from '@motcua/desktop/buildShell';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

await buildElectronShell({ electronDir: dirname(fileURLToPath(import.meta.url)) });
