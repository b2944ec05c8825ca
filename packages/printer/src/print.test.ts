import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrinterError } from './errors.js';
import type { PrinterErrorCode } from './errors.js';
import { checkPrinterStatus, encodeTicket, printTicket, sendJob } from './print.js';
import { defaultProfile } from './profile.js';
import type { PrinterProfile } from './profile.js';
import { renderTicketBitmap } from './render.js';
import { sampleTicket } from './sampleTicket.js';
import { decodeEscPos, rasterImage } from './testing/decodeEscPos.js';
import { startVirtualPrinter } from './testing/virtualPrinter.js';
import type { VirtualPrinter, VirtualPrinterFault } from './testing/virtualPrinter.js';

let vp: VirtualPrinter;
let profile: PrinterProfile;

beforeAll(async () => {
  vp = await startVirtualPrinter();
  profile = defaultProfile({ id: 'kiosk-1', transportUrl: vp.url, paperWidth: 58, cut: 'full' });
});
afterAll(async () => {
  await vp.close();
});
beforeEach(() => {
  vp.setFault(null);
  vp.clear();
});

async function expectPrinterError(p: Promise<unknown>, code: PrinterErrorCode): Promise<PrinterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PrinterError);
    expect((e as PrinterError).code).toBe(code);
    return e as PrinterError;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

describe('printTicket over TCP to the virtual printer', () => {
  it('prints: the job decodes back to the rendered bitmap', async () => {
    const doc = sampleTicket();
    const result = await printTicket(profile, doc, { timeoutMs: 10_000 });
    expect(result.status.status).toBe('ok');
    expect(result.transport).toBe('tcp');
    const job = await vp.waitForJob(5000);
    expect(job.complete).toBe(true);
    expect(job.statusQueries).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(Buffer.from(job.bytes).equals(Buffer.from(result.bytes))).toBe(true);
    const image = rasterImage(decodeEscPos(job.bytes));
    const expected = renderTicketBitmap(doc, { paperWidth: 58 });
    expect(Buffer.from(image?.data ?? []).equals(Buffer.from(expected.data))).toBe(true);
  });

  it('reads the status', async () => {
    expect((await checkPrinterStatus(profile)).status).toBe('ok');
    vp.setFault('coverOpen');
    const s = await checkPrinterStatus(profile);
    expect(s.status).toBe('coverOpen');
    expect(s.message.vi).toMatch(/Nắp máy in/);
    expect(vp.jobs).toHaveLength(0);
  });

  it.each<[VirtualPrinterFault, PrinterErrorCode]>([
    ['paperOut', 'PAPER_OUT'],
    ['coverOpen', 'COVER_OPEN'],
    ['offline', 'OFFLINE'],
    ['slow', 'TIMEOUT'],
    ['dropConnection', 'CONNECTION_LOST'],
  ])('fault %s gives %s within the timeout, and the job can be retried', async (fault, code) => {
    vp.setFault(fault, { delayMs: 5000, dropAfterBytes: 256 });
    const started = Date.now();
    const err = await expectPrinterError(printTicket(profile, sampleTicket(), { timeoutMs: 1500 }), code);
    expect(Date.now() - started).toBeLessThan(1500 + 2000);
    expect(err.retryable).toBe(true);
    expect(err.vi.length).toBeGreaterThan(5);
    expect(err.en.length).toBeGreaterThan(5);
    if (fault === 'paperOut')
      expect(err.message).toContain(
        'Máy in hết giấy, vui lòng báo cán bộ / The printer is out of paper, please tell a staff member',
      );

    vp.setFault(null);
    vp.clear();
    const retry = await printTicket(profile, sampleTicket(), { timeoutMs: 10_000 });
    expect(retry.status.status).toBe('ok');
    const job = await vp.waitForJob(5000);
    expect(job.complete).toBe(true);
  });

  it('paper near end prints and reports the warning', async () => {
    vp.setFault('paperNearEnd');
    const r = await printTicket(profile, sampleTicket(), { timeoutMs: 10_000 });
    expect(r.status.status).toBe('paperNearEnd');
    expect(r.status.message.vi).toMatch(/sắp hết giấy/);
    expect((await vp.waitForJob(5000)).complete).toBe(true);
  });

  it('resends the same bytes with sendJob', async () => {
    const { bytes } = encodeTicket(profile, sampleTicket({ label: '1023' }));
    await sendJob(profile, bytes, { timeoutMs: 10_000 });
    const job = await vp.waitForJob(5000);
    expect(Buffer.from(job.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('fails fast with CONNECTION_FAILED when nothing listens', async () => {
    const other = await startVirtualPrinter();
    const url = other.url;
    await other.close();
    await expectPrinterError(
      printTicket({ ...profile, transportUrl: url }, sampleTicket(), { timeoutMs: 3000 }),
      'CONNECTION_FAILED',
    );
    const s = await checkPrinterStatus({ ...profile, transportUrl: url }, { timeoutMs: 3000 });
    expect(s.status).toBe('offline');
    expect(s.error?.code).toBe('CONNECTION_FAILED');
  });

  it('rejects a bad profile with BAD_CONFIG', async () => {
    await expectPrinterError(printTicket({ ...profile, density: 9 }, sampleTicket()), 'BAD_CONFIG');
    await expectPrinterError(printTicket({ ...profile, transportUrl: 'lpt1' }, sampleTicket()), 'BAD_CONFIG');
    await expectPrinterError(printTicket(profile, sampleTicket({ timeZone: 'Mars/Olympus' })), 'BAD_CONFIG');
  });

  it('waitForJob rejects after its timeout', async () => {
    await expect(vp.waitForJob(50)).rejects.toThrow(/no job/);
  });
});

describe('other transports', () => {
  it('file printer writes .bin and .png per job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-print-'));
    try {
      const p = defaultProfile({ transportUrl: pathToFileURL(dir).href });
      const r = await printTicket(p, sampleTicket(), { timeoutMs: 10_000 });
      expect(r.status.status).toBe('ok');
      const files = (await readdir(dir)).sort();
      expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);
      expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(1);
      const bin = await readFile(join(dir, files.find((f) => f.endsWith('.bin')) ?? ''));
      expect(Buffer.from(r.bytes).equals(bin)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('device printer: a missing device is CONNECTION_FAILED', async () => {
    const p = defaultProfile({ transportUrl: 'device:///nonexistent-dir/lp9' });
    await expectPrinterError(printTicket(p, sampleTicket(), { timeoutMs: 3000 }), 'CONNECTION_FAILED');
  });

  it('serial printer without the serialport package says how to install it', async () => {
    const p = defaultProfile({ transportUrl: 'serial:///dev/ttyUSB0?baud=9600' });
    const err = await expectPrinterError(printTicket(p, sampleTicket(), { timeoutMs: 3000 }), 'MISSING_DEPENDENCY');
    expect(err.message).toMatch(/Cần cài gói serialport/);
    expect(err.message).toMatch(/install the serialport package/i);
  });

  it.skipIf(process.platform === 'win32')('windows-share is refused off Windows', async () => {
    const p = defaultProfile({ transportUrl: 'windows-share://XP80' });
    await expectPrinterError(printTicket(p, sampleTicket(), { timeoutMs: 3000 }), 'NOT_SUPPORTED');
  });
});
