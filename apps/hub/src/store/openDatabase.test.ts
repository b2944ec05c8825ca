import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_CACHE_MB, parseHubOptions } from '../options.js';
import { openDatabase } from './openDatabase.js';

describe("the hub database's page cache", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-cache-'));
    dirs.push(dir);
    return dir;
  };

  it('is the default, or --sqlite-cache-mb / HUB_SQLITE_CACHE_MB, in KiB as SQLite counts it', () => {
    expect(parseHubOptions([], {}).sqliteCacheMb).toBe(DEFAULT_SQLITE_CACHE_MB);
    expect(parseHubOptions(['--sqlite-cache-mb', '4'], {}).sqliteCacheMb).toBe(4);
    expect(parseHubOptions([], { HUB_SQLITE_CACHE_MB: '8' }).sqliteCacheMb).toBe(8);
    const db = openDatabase(dataDir(), 4);
    try {
      expect(db.pragma('cache_size', { simple: true })).toBe(-4096);
    } finally {
      db.close();
    }
  });

  it('refuses a size that is not a whole number of MB from 1 to 1024, and names the option', () => {
    for (const bad of ['0', '-1', '2.5', 'lots', '2048'])
      expect(() => parseHubOptions(['--sqlite-cache-mb', bad], {}), bad).toThrow(/sqliteCacheMb/);
  });
});
