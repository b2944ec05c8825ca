import { buildElectronShell } from '@motcua/desktop/buildShell';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

await buildElectronShell({
  electronDir: dirname(fileURLToPath(import.meta.url)),
  // Native and font-reading packages stay in node_modules, loaded at run time.
  external: ['@resvg/resvg-js', '@expo-google-fonts/*', 'bonjour-service', 'iconv-lite', 'pngjs', 'qrcode'],
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
});
