import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './hubProcess.js';

/** Builds an app with Vite when its dist is missing, so an e2e file runs on its own (npm test builds first). */
export function ensureAppBuilt(app: string): void {
  const appDir = join(REPO_ROOT, 'apps', app);
  if (existsSync(join(appDir, 'dist', 'index.html'))) return;
  execFileSync('npx', ['vite', 'build'], { cwd: appDir, stdio: 'inherit', timeout: 5 * 60_000 });
}
