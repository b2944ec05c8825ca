// Bundles a Node app of this repo (the hub, central) into dist/main.js: our TypeScript workspaces are
// compiled in, npm packages stay external, so users run plain `node` (no TypeScript loader in memory)
// and native modules load from node_modules.
import { build } from 'esbuild';

export async function bundleNodeApp(entry = 'src/main.ts', outfile = 'dist/main.js') {
  await build({
    entryPoints: [entry],
    outfile,
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
