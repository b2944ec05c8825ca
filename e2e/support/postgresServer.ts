import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away PostgreSQL server in a temp folder, from the Debian `postgresql` package. */
export interface PostgresServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error('PostgreSQL not found: apt-get install postgresql (or set PG_BIN_DIR)');
  return join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * initdb + pg_ctl in a fresh folder, listening on 127.0.0.1 only, trust auth. PostgreSQL refuses to
 * run as root, so as root (CI) the server runs as the `postgres` system user.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const base = mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  const dataDir = join(base, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(base, 0o777);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    return execFileSync(command, fullArgs, { cwd: base, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`;
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '120', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    async stop() {
      await new Promise<void>((resolve) => {
        const command = asRoot ? 'runuser' : join(bin, 'pg_ctl');
        const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
        const child = spawn(command, asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args] : args, {
          stdio: 'ignore',
        });
        child.once('exit', () => resolve());
        child.once('error', () => resolve());
      });
      rmSync(base, { recursive: true, force: true });
    },
  };
}
