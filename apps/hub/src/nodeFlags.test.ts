import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_ENVIRONMENT, HUB_NODE_FLAGS, missingNodeFlags } from './nodeFlags.js';
import { REPO_ROOT } from './repoRoot.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('the hub runs with the same Node flags wherever it is started', () => {
  const startScript = (JSON.parse(read('apps/hub/package.json')) as { scripts: { start: string } }).scripts.start;
  const systemd = /^ExecStart=(.*)$/m.exec(read('deploy/motcua-hub.service'))?.[1] ?? '';
  const windows = /^nssm install MotcuaHub .*$/m.exec(read('deploy/windows-service.md'))?.[0] ?? '';

  it.each([
    ['npm start (apps/hub/package.json)', startScript],
    ['the systemd unit', systemd],
    ['the Windows service', windows],
  ])('%s carries every flag', (_, command) => {
    expect(command).toContain('main.js');
    for (const flag of HUB_NODE_FLAGS) expect(command.split(/[\s"]+/)).toContain(flag);
  });

  it("npm start and the systemd unit set glibc's malloc thresholds (the Windows service has no glibc)", () => {
    const tunables = `GLIBC_TUNABLES=${HUB_ENVIRONMENT.GLIBC_TUNABLES}`;
    expect(startScript.split(/\s+/)).toContain(tunables);
    expect(read('deploy/motcua-hub.service').split('\n')).toContain(`Environment=${tunables}`);
  });

  it('names the flags and environment a process was started without, from its command line and NODE_OPTIONS', () => {
    const env = { GLIBC_TUNABLES: HUB_ENVIRONMENT.GLIBC_TUNABLES };
    expect(missingNodeFlags([...HUB_NODE_FLAGS], env, 'linux')).toEqual([]);
    expect(
      missingNodeFlags(['--enable-source-maps'], { ...env, NODE_OPTIONS: '--max-semi-space-size=4' }, 'linux'),
    ).toEqual([]);
    expect(missingNodeFlags(['--enable-source-maps'], env, 'linux')).toEqual(['--max-semi-space-size=4']);
    expect(missingNodeFlags([], { ...env, NODE_OPTIONS: ' ' }, 'linux')).toEqual([...HUB_NODE_FLAGS]);
    expect(missingNodeFlags([...HUB_NODE_FLAGS], {}, 'linux')).toEqual([`GLIBC_TUNABLES=${env.GLIBC_TUNABLES}`]);
    expect(missingNodeFlags([...HUB_NODE_FLAGS], {}, 'win32')).toEqual([]);
  });
});
