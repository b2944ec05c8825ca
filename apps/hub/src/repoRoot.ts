import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, found from this file whether it runs as source (tsx) or bundled (dist/main.js). */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'apps', 'hub', 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root from ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot();
