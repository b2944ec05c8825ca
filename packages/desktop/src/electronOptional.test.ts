import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function manifests(): Manifest[] {
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const workspaces = ['apps', 'packages'].flatMap((folder) =>
    readdirSync(join(REPO_ROOT, folder))
      .map((name) => join(REPO_ROOT, folder, name, 'package.json'))
      .filter((path) => existsSync(path))
      .map((path) => JSON.parse(readFileSync(path, 'utf8')) as Manifest),
  );
  return [root, ...workspaces];
}

describe('installing without Electron', () => {
  // npm installs devDependencies too, so an Electron there fails `npm install` where its binary cannot download;
  // as an optional dependency a failed download is a warning and the hub and browser apps install and run.
  it('no workspace requires electron: it is an optional dependency of the desktop shells only', () => {
    const required = manifests()
      .filter((m) => m.dependencies?.electron ?? m.devDependencies?.electron)
      .map((m) => m.name);
    expect(required).toEqual([]);
    const optional = manifests()
      .filter((m) => m.optionalDependencies?.electron)
      .map((m) => m.name)
      .sort();
    expect(optional).toEqual(['@motcua/counter', '@motcua/display', '@motcua/kiosk']);
  });

  it('the lock file marks electron optional, so `npm ci` skips it when its install fails', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optional?: boolean; dev?: boolean; devOptional?: boolean }>;
    };
    const electron = lock.packages['node_modules/electron'];
    expect(electron?.optional).toBe(true);
    expect(electron?.dev).toBeUndefined();
  });
});
