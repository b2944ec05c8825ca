import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_NODE_FLAGS, missingNodeFlags } from './nodeFlags.js';
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

  it('names the flags a process was started without, from its command line and NODE_OPTIONS', () => {
    expect(missingNodeFlags([...HUB_NODE_FLAGS], undefined)).toEqual([]);
    expect(missingNodeFlags(['--enable-source-maps'], '--max-semi-space-size=4')).toEqual([]);
    expect(missingNodeFlags(['--enable-source-maps'], undefined)).toEqual(['--max-semi-space-size=4']);
    expect(missingNodeFlags([], ' ')).toEqual([...HUB_NODE_FLAGS]);
  });
});
