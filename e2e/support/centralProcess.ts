import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readyLine, REPO_ROOT } from './hubProcess.js';

/** A real central process (plain Node through tsx) on a database given by URL. */
export interface CentralProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
  /** kill -9. */
  kill9(): Promise<void>;
  /** A new central process on the same port and database. */
  restart(): Promise<CentralProcess>;
}

export async function startCentralProcess(options: {
  databaseUrl: string;
  adminPassword: string;
  port?: number;
}): Promise<CentralProcess> {
  const args = [
    '--import',
    'tsx',
    join(REPO_ROOT, 'apps/central/src/main.ts'),
    '--port',
    String(options.port ?? 0),
    '--host',
    '127.0.0.1',
    '--no-demo',
    '--log-level',
    'warn',
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, CENTRAL_ADMIN_PASSWORD: options.adminPassword },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { port, output, stop, kill9 } = await readyLine(child, 'CENTRAL_READY', 'central');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output,
    stop,
    kill9,
    restart: () => startCentralProcess({ ...options, port }),
  };
}
