// Bundles a Node app of this repo (the hub, central) into dist/main.js: our TypeScript workspaces are
// compiled in, npm packages stay external, so users run plain `node` (no TypeScript loader in memory)
// and native modules load from node_modules.
import { build } from 'esbuild';
import { basename, dirname } from 'node:path';

export async function bundleNodeApp(entry = 'src/main.ts', outfile = 'dist/main.js') {
  await build({
    entryPoints: { [basename(outfile, '.js')]: entry },
    outdir: dirname(outfile),
    // A dynamic import() (the printer: resvg, fonts; exceljs) becomes its own chunk, loaded on first use. Without
    // splitting, esbuild inlines the imported module and hoists its npm imports to the top of main.js, so they
    // load at start anyway (about 20 MB of the idle hub's RSS).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-npm-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@motcua/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}
