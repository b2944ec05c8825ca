// Bundles an app's Electron main (ESM) and its sandboxed preload (CommonJS: sandboxed preloads cannot be ESM)
// into <app>/dist-electron. Shared by the kiosk, counter and display shells.
import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * @param {{ electronDir: string, external?: string[], banner?: string }} options
 *   electronDir: the app's electron/ folder; external: packages loaded from node_modules at run time
 *   (electron always); banner: code put before the main bundle.
 */
export async function buildElectronShell({ electronDir, external = [], banner }) {
  const outdir = join(electronDir, '../dist-electron');
  const common = { bundle: true, platform: 'node', target: 'node22', external: ['electron', ...external] };
  await build({
    ...common,
    entryPoints: [join(electronDir, 'main.ts')],
    outfile: join(outdir, 'main.js'),
    format: 'esm',
    ...(banner ? { banner: { js: banner } } : {}),
  });
  await build({
    ...common,
    entryPoints: [join(electronDir, 'preload.ts')],
    outfile: join(outdir, 'preload.cjs'),
    format: 'cjs',
  });
  console.log(`Electron shell built in ${outdir}`);
}
