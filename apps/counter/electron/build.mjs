// Bundles the Electron main (ESM) and the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '../dist-electron');

await build({
  entryPoints: [join(here, 'main.ts')],
  outfile: join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['electron'],
});
await build({
  entryPoints: [join(here, 'preload.ts')],
  outfile: join(outdir, 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
});
console.log('Electron shell built in apps/counter/dist-electron');
