import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase.js';
import { AuthService, defaultAuthLimits } from './authService.js';

describe('pairing codes on a real SQLite file', () => {
  it('refuses a pairing when no free code turns up in a bounded number of draws, instead of looping forever', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-pairing-codes-'));
    const db = openDatabase(dataDir);
    try {
      const now = 1_000_000;
      // Without the pending cap (the hub's first defence), so only the draw bound stands between a full code
      // space and a hub stuck in a loop.
      const auth = new AuthService(db, () => now, { ...defaultAuthLimits, maxPendingPairings: 2_000_000 });
      // Every six-digit code is already shown by a device waiting for approval.
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
         INSERT INTO device_pairings (device_id, kind, name, pairing_code, status, created_at, expires_at)
         SELECT 'may-cho-' || i, 'kiosk', 'Máy chờ', printf('%06d', i), 'pending', ?, ? FROM n`,
      ).run(now, now + 3600_000);
      expect(
        (db.prepare('SELECT count(DISTINCT pairing_code) AS n FROM device_pairings').get() as { n: number }).n,
      ).toBe(1_000_000);
      expect(auth.requestPairing('kiosk', 'Máy lấy số mới')).toBe('NO_FREE_CODE');

      // One code freed (approved or expired): the next request may get it, or is refused again, never stuck.
      db.prepare("DELETE FROM device_pairings WHERE pairing_code = '123456'").run();
      const next = auth.requestPairing('kiosk', 'Máy lấy số mới');
      expect(typeof next === 'string' ? next : next.pairingCode).toMatch(/^(NO_FREE_CODE|123456)$/);
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
