import { HubClient, memoryTokenStore } from '@motcua/client';
import { displayBoard } from '@motcua/core';
import { readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, launchBrowserWithoutAutoplay, newPage, screenshot } from './support/browser.js';
import { ensureAppBuilt } from './support/build.js';
import { adminPasswordFrom, connectClerk, connectDevice, signInAsAdmin } from './support/clients.js';
import { REPO_ROOT, hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';

/** A TCP relay in front of the hub that can cut the display off (close everything, refuse new connections). */
class CuttableRelay {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetPort: number): Promise<CuttableRelay> {
    let relay: CuttableRelay | null = null;
    const server = createServer((client) => relay?.accept(client, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('relay has no port');
    relay = new CuttableRelay(server, `http://127.0.0.1:${address.port}`);
    return relay;
  }

  private accept(client: Socket, targetPort: number): void {
    if (this.cut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        this.sockets.delete(a);
        b.destroy();
      });
      a.pipe(b);
    }
  }

  cutOff(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  close(): Promise<void> {
    this.cutOff();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface AnnouncementRecord {
  eventSeq: number;
  ticketId: string;
  label: string;
  counterNumber: number;
  clips: string[];
  at: number;
  recall: boolean;
}

const history = (page: Page) =>
  page.evaluate(() => (window as unknown as { __announcer: { history: AnnouncementRecord[] } }).__announcer.history);
const skipped = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __announcer: { skipped: { eventSeq: number; reason: string }[] } }).__announcer.skipped,
  );
const pageSeq = (page: Page) =>
  page.evaluate(() => (window as unknown as { __display: { seq: number | null } }).__display.seq);
const pageStateHash = (page: Page) =>
  page.evaluate(() => (window as unknown as { __display: { stateHash(): string | null } }).__display.stateHash());
const renderedTiles = (page: Page) =>
  page.$$eval('[data-testid^="tile-"]', (tiles) =>
    tiles.map((t) => [(t as HTMLElement).dataset.counterId ?? '', (t as HTMLElement).dataset.label ?? '']),
  );

async function openDisplay(
  browser: Browser,
  url: string,
  viewport = { width: 1920, height: 1080 },
  onVoiceRequest?: (url: string) => void,
) {
  const { context, page } = await newPage(browser, viewport);
  page.on('request', (request) => {
    if (request.url().includes('/voice/')) onVoiceRequest?.(new URL(request.url()).pathname);
  });
  const voiceWarnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('[voice]')) voiceWarnings.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid="display"][data-connection="online"]', { timeout: 30_000 });
  return { context, page, voiceWarnings };
}

describe('display: the waiting room sees and hears every call (real hub, Chromium)', () => {
  let hub: HubProcess;
  let relay: CuttableRelay;
  let browser: Browser;
  let kiosk: HubClient;
  const clients: HubClient[] = [];

  beforeAll(async () => {
    ensureAppBuilt('display');
    // A busy morning is issued in a few seconds here: lift the kiosk's rate limit.
    hub = await startHubProcess({ args: ['--kiosk-issues-per-minute', '10000', '--kiosk-issue-burst', '1000'] });
    relay = await CuttableRelay.start(hub.port);
    browser = await launchBrowser();
    kiosk = await connectDevice(hub.url, 'kiosk');
    clients.push(kiosk);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await browser?.close();
    await relay?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  async function issue(serviceId: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const reply = await kiosk.send({ type: 'ticket.issue', serviceId });
      expect(reply.ok ? 'ok' : reply.code).toBe('ok');
    }
  }

  it('shows a call within 1 s, queues the right clip sequence, and announces a recall again; then survives a cut-off', async () => {
    const { context, page, voiceWarnings } = await openDisplay(browser, `${relay.url}/display/`);
    const clerk1 = await connectClerk(hub.url, 1);
    const clerk2 = await connectClerk(hub.url, 2);
    clients.push(clerk1, clerk2);
    await issue('khai-sinh', 3);
    await issue('chung-thuc-ban-sao', 2);

    // A call made through the protocol shows on the board within a second.
    const sentAt = Date.now();
    const call = await clerk1.send({ type: 'ticket.callNext', counterId: 'quay-1' });
    expect(call.ok && call.result.ticket?.label).toBe('A001');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tile-1"]')?.getAttribute('data-label') === 'A001',
      undefined,
      { polling: 'raf', timeout: 10_000 },
    );
    const boardLatencyMs = Date.now() - sentAt;
    console.log(`display: call → board in ${boardLatencyMs} ms`);
    expect(boardLatencyMs).toBeLessThan(1000);
    expect(await page.getAttribute('[data-testid="tile-1"]', 'class')).toContain('tile--new');

    // …and puts "Mời công dân có số thứ tự A một, đến quầy số một" into the announcer queue.
    const expectedClips = [
      'chime',
      'vi_phrase_invite',
      'vi_letter_a',
      'vi_num_mot',
      'pause_short',
      'vi_phrase_to_counter',
      'vi_num_mot',
    ];
    await waitFor(async () => (await history(page)).length === 1, 10_000, 'the call announced');
    expect(await history(page)).toMatchObject([
      { label: 'A001', counterNumber: 1, clips: expectedClips, recall: false },
    ]);

    // A recall is announced again, with the same words.
    const ticketId = call.ok ? call.result.ticket!.id : '';
    expect((await clerk1.send({ type: 'ticket.recall', counterId: 'quay-1', ticketId })).ok).toBe(true);
    await waitFor(async () => (await history(page)).length === 2, 10_000, 'the recall announced');
    expect((await history(page))[1]).toMatchObject({ ticketId, clips: expectedClips, recall: true });
    await page.waitForSelector('[data-testid="tile-1"] .badge');

    // The announcements reach the player one after the other (Chromium decodes the Ogg Opus clips).
    await waitFor(
      async () =>
        (await page.evaluate(() => window.__announcer?.played.map((p) => p.outcome).join())) === 'finished,finished',
      30_000,
      'both announcements played to the end',
    );

    // Cut the display off. It says so discreetly and dims the board.
    const seqBeforeCut = (await pageSeq(page)) ?? 0;
    relay.cutOff();
    await page.waitForSelector('[data-testid="offline-notice"]', { timeout: 15_000 });
    expect(await page.getAttribute('[data-testid="display"]', 'data-connection')).not.toBe('online');
    await screenshot(page, 'display-offline-1920x1080');

    // Meanwhile the counters go on calling.
    expect((await clerk1.send({ type: 'ticket.finish', counterId: 'quay-1', ticketId })).ok).toBe(true);
    expect((await clerk1.send({ type: 'ticket.callNext', counterId: 'quay-1' })).ok).toBe(true);
    const missed = await clerk2.send({ type: 'ticket.callNext', counterId: 'quay-2' });
    expect(missed.ok).toBe(true);
    const hubAfterCalls = await hubHealth(hub.url);

    // Back online: exactly the hub's board, and nothing stale read out.
    relay.restore();
    await page.waitForSelector('[data-testid="display"][data-connection="online"]', { timeout: 30_000 });
    await waitFor(async () => (await pageSeq(page)) === hubAfterCalls.seq, 15_000, 'display caught up');
    expect(await pageStateHash(page)).toBe((await hubHealth(hub.url)).stateHash);
    const fresh = await connectDevice(hub.url, 'display');
    clients.push(fresh);
    const hubBoard = displayBoard(fresh.state!);
    expect(await renderedTiles(page)).toEqual(hubBoard.byCounter.map((e) => [e.counterId, e.call?.label ?? '']));
    expect(hubBoard.byCounter.find((e) => e.counterId === 'quay-2')?.call?.label).toBe(
      missed.ok ? missed.result.ticket?.label : 'none',
    );
    expect(await page.locator('[data-testid="offline-notice"]').count()).toBe(0);
    expect(await page.locator('.tile--new').count()).toBe(0);
    expect(await history(page)).toHaveLength(2);
    const notLive = (await skipped(page)).filter((s) => s.eventSeq > seqBeforeCut);
    expect(notLive.map((s) => s.reason)).toEqual(['not-live', 'not-live']);

    // The voice still works after the reconnect.
    const missedId = missed.ok ? missed.result.ticket!.id : '';
    expect((await clerk2.send({ type: 'ticket.finish', counterId: 'quay-2', ticketId: missedId })).ok).toBe(true);
    expect((await clerk2.send({ type: 'ticket.callNext', counterId: 'quay-2' })).ok).toBe(true);
    await waitFor(async () => (await history(page)).length === 3, 10_000, 'a live call after the reconnect');
    expect((await history(page))[2]).toMatchObject({ counterNumber: 2, recall: false });
    expect(voiceWarnings).toEqual([]);
    await context.close();
  }, 180_000);

  it('fits landscape and portrait screens, has a per-counter mode, and takes the screenshots', async () => {
    // The office's own recording of one clip, uploaded by the admin: used instead of the default one.
    const admin = new HubClient({ url: hub.url, storage: memoryTokenStore() }).connect();
    clients.push(admin);
    await waitFor(() => admin.getSnapshot().connection === 'online', 20_000, 'admin socket');
    const signIn = await signInAsAdmin(admin, adminPasswordFrom(hub.output()));
    expect(signIn.ok).toBe(true);
    const upload = await fetch(`${hub.url}/api/voice/office/clip`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${signIn.ok ? signIn.sessionToken : ''}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: 'chime',
        text: '(chuông của văn phòng)',
        data: readFileSync(join(REPO_ROOT, 'apps/display/voice/default/chime.opus')).toString('base64'),
      }),
    });
    expect(upload.status).toBe(200);
    const voiceRequests: string[] = [];
    const wall = await openDisplay(browser, `${hub.url}/display/`, undefined, (url) => voiceRequests.push(url));
    const portrait = await openDisplay(browser, `${hub.url}/display/`, { width: 1080, height: 1920 });
    const single = await openDisplay(browser, `${hub.url}/display/?counter=3`, { width: 1280, height: 720 });
    const clerks = await Promise.all([3, 4, 5].map((n) => connectClerk(hub.url, n)));
    clients.push(...clerks);
    const [clerk3, clerk4, clerk5] = clerks as [HubClient, HubClient, HubClient];
    await issue('cap-gcn-qsdd', 14);
    await issue('giay-phep-xay-dung', 6);
    await issue('tro-cap-xa-hoi', 9);
    await issue('ket-hon', 4);
    // A morning's worth of calls: each counter calls and finishes a few tickets.
    for (const [clerk, counterId, rounds] of [
      [clerk3, 'quay-3', 11],
      [clerk4, 'quay-4', 3],
      [clerk5, 'quay-5', 6],
    ] as const) {
      for (let i = 0; i < rounds; i++) {
        const reply = await clerk.send({ type: 'ticket.callNext', counterId });
        expect(reply.ok).toBe(true);
        if (i < rounds - 1 && reply.ok) {
          await clerk.send({ type: 'ticket.finish', counterId, ticketId: reply.result.ticket!.id });
        }
      }
    }
    // The newest call, highlighted on every screen.
    const current3 = clerk3.state?.counters['quay-3']?.currentTicketId ?? '';
    expect((await clerk3.send({ type: 'ticket.finish', counterId: 'quay-3', ticketId: current3 })).ok).toBe(true);
    const call = await clerk3.send({ type: 'ticket.callNext', counterId: 'quay-3' });
    expect(call.ok).toBe(true);
    const label = call.ok ? call.result.ticket!.label : '';
    for (const { page } of [wall, portrait]) {
      await page.waitForSelector(`[data-testid="tile-3"].tile--new[data-label="${label}"]`, { timeout: 10_000 });
    }
    await single.page.waitForSelector(`[data-testid="counter-current"][data-label="${label}"]`, { timeout: 10_000 });

    // Nothing is cut off: every tile's label fits in its tile, on both screens.
    for (const { page } of [wall, portrait]) {
      const overflowing = await page.$$eval('.tile-label', (labels) =>
        labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
      );
      expect(overflowing).toEqual([]);
    }
    // The small screen above counter 3 stays quiet (the hall's board speaks), the wall board announced the call.
    expect(await history(single.page)).toEqual([]);
    await waitFor(
      async () => (await history(wall.page)).some((r) => r.label === label && r.counterNumber === 3),
      10_000,
      'the wall board announced the call',
    );

    await waitFor(() => voiceRequests.includes('/voice/office/chime.opus'), 10_000, 'the office chime');
    expect(voiceRequests).not.toContain('/voice/default/chime.opus');
    expect(voiceRequests).toContain('/voice/default/vi_phrase_invite.opus');

    await screenshot(wall.page, 'display-board-1920x1080');
    await screenshot(portrait.page, 'display-board-1080x1920');
    await screenshot(single.page, 'display-counter-1280x720');
    for (const screen of [wall, portrait, single]) {
      expect(screen.voiceWarnings).toEqual([]);
      await screen.context.close();
    }
  }, 180_000);

  it('fits every screen from 1366×768 to 4K without scrolling or cutting a ticket number', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 768, height: 1366 },
      { width: 3840, height: 2160 },
    ]) {
      const { context, page } = await openDisplay(browser, `${hub.url}/display/`, viewport);
      await page.waitForSelector('[data-testid="tile-1"]');
      const fit = await page.evaluate(() => ({
        scrolls:
          document.documentElement.scrollHeight > window.innerHeight ||
          document.documentElement.scrollWidth > window.innerWidth,
        cut: [...document.querySelectorAll('.tile-label, .recent-label')]
          .filter((l) => l.scrollWidth > l.clientWidth + 1)
          .map((l) => l.textContent),
        labelPx: parseFloat(getComputedStyle(document.querySelector('.tile-label')!).fontSize),
      }));
      expect(fit, `${viewport.width}×${viewport.height}`).toMatchObject({ scrolls: false, cut: [] });
      // Readable across a hall: ticket numbers at least ~6 % of the screen height on a landscape screen.
      if (viewport.width > viewport.height) expect(fit.labelPx).toBeGreaterThan(viewport.height * 0.06);
      await context.close();
    }
    // A per-counter address with a counter that does not exist says so and lists the right addresses.
    const { context, page } = await openDisplay(browser, `${hub.url}/display/?counter=99`, {
      width: 1280,
      height: 720,
    });
    const notice = await page.locator('[data-testid="unknown-counter"]').textContent({ timeout: 10_000 });
    expect(notice).toContain('Không tìm thấy quầy "99"');
    expect(notice).toContain('/display/?counter=3');
    await context.close();
  }, 120_000);

  it('tells what each counter is doing: called, serving, free once finished, resumed (read out), paused with its reason, closed', async () => {
    const wall = await openDisplay(browser, `${hub.url}/display/`);
    const single = await openDisplay(browser, `${hub.url}/display/?counter=5`, { width: 1280, height: 720 });
    const clerk5 = await connectClerk(hub.url, 5);
    clients.push(clerk5);
    const tile = '[data-testid="tile-5"]';
    const tileIs = async (status: string, label: string) => {
      await wall.page.waitForSelector(`${tile}[data-status="${status}"][data-label="${label}"]`, { timeout: 10_000 });
      await single.page.waitForSelector(`[data-testid="counter-screen"][data-status="${status}"]`, { timeout: 10_000 });
      await single.page.waitForSelector(`[data-testid="counter-current"][data-label="${label}"]`, { timeout: 10_000 });
    };
    const send = async (command: Parameters<HubClient['send']>[0]) => {
      const reply = await clerk5.send(command);
      expect(reply.ok ? 'ok' : reply.code).toBe('ok');
      return reply.ok ? reply.result : null;
    };
    // An earlier test may have left a ticket at this counter.
    const left = clerk5.state?.counters['quay-5']?.currentTicketId;
    if (left) await send({ type: 'ticket.finish', counterId: 'quay-5', ticketId: left });
    await tileIs('idle', '');
    expect(await wall.page.textContent(`${tile} .tile-status`)).toContain('Đang mở');

    await issue('nguoi-co-cong', 2);
    const first = (await send({ type: 'ticket.callNext', counterId: 'quay-5' }))!.ticket!;
    await tileIs('called', first.label);
    expect(await single.page.textContent('[data-testid="counter-status"]')).toContain('Mời số');
    await send({ type: 'ticket.recall', counterId: 'quay-5', ticketId: first.id });
    // The history says the last call of this ticket was a recall.
    await wall.page.waitForSelector(`[data-testid="recent-calls"] li[data-label="${first.label}"] .badge`);
    expect(await wall.page.textContent(`[data-testid="recent-calls"] li[data-label="${first.label}"] .badge`)).toBe(
      'Gọi lại · Recall',
    );
    await send({ type: 'ticket.start', counterId: 'quay-5', ticketId: first.id });
    await tileIs('serving', first.label);
    expect(await single.page.textContent('[data-testid="counter-status"]')).toContain('Đang phục vụ');

    // Parked, then the next ticket called and finished: the counter is free, no longer "now serving".
    await send({ type: 'ticket.park', counterId: 'quay-5', ticketId: first.id });
    await tileIs('idle', '');
    const second = (await send({ type: 'ticket.callNext', counterId: 'quay-5' }))!.ticket!;
    await tileIs('called', second.label);
    await send({ type: 'ticket.finish', counterId: 'quay-5', ticketId: second.id });
    await tileIs('idle', '');
    await screenshot(single.page, 'display-counter-free-1280x720');

    // Resuming the parked ticket is shown and read out like a call.
    const announcedBefore = (await history(wall.page)).length;
    const resume = await send({ type: 'ticket.resume', counterId: 'quay-5', ticketId: first.id });
    await tileIs('serving', first.label);
    expect(await wall.page.textContent(`${tile} .badge`)).toBe('Tiếp tục · Resumed');
    await waitFor(
      async () => (await history(wall.page)).some((h) => h.eventSeq === resume!.seq),
      10_000,
      'the resume announced',
    );
    expect((await history(wall.page)).slice(announcedBefore).at(-1)).toMatchObject({
      label: first.label,
      counterNumber: 5,
      recall: false,
    });
    await send({ type: 'ticket.finish', counterId: 'quay-5', ticketId: first.id });

    await send({ type: 'counter.pause', counterId: 'quay-5', reason: 'Họp giao ban' });
    await tileIs('paused', '');
    expect(await wall.page.textContent(`${tile} .tile-status`)).toContain('Tạm dừng: Họp giao ban');
    expect(await single.page.textContent('[data-testid="counter-status"]')).toContain('Tạm dừng: Họp giao ban');
    await screenshot(wall.page, 'display-counter-paused-1920x1080');

    await send({ type: 'counter.close', counterId: 'quay-5' });
    await tileIs('closed', '');
    expect(await wall.page.textContent(`${tile} .tile-status`)).toContain('Quầy đóng');
    await wall.context.close();
    await single.context.close();
  }, 120_000);

  it('in a browser without the autoplay flag, offers "Bật âm thanh" once and speaks after the click', async () => {
    const strict = await launchBrowserWithoutAutoplay();
    try {
      const { page } = await newPage(strict);
      const voiceWarnings: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('[voice]')) voiceWarnings.push(message.text());
      });
      await page.goto(`${hub.url}/display/`);
      await page.waitForSelector('[data-testid="display"][data-connection="online"]', { timeout: 30_000 });
      const button = page.locator('[data-testid="sound-button"]');
      await button.waitFor({ timeout: 15_000 });
      expect(await button.textContent()).toContain('Bật âm thanh');
      await screenshot(page, 'display-sound-button-1920x1080');
      await button.click();
      await button.waitFor({ state: 'detached', timeout: 10_000 });
      // After the click a call is spoken: the announcement plays to the end (not blocked, not timed out).
      const clerk4 = await connectClerk(hub.url, 4);
      clients.push(clerk4);
      const current = clerk4.state?.counters['quay-4']?.currentTicketId;
      if (current) await clerk4.send({ type: 'ticket.finish', counterId: 'quay-4', ticketId: current });
      expect((await clerk4.send({ type: 'ticket.callNext', counterId: 'quay-4' })).ok).toBe(true);
      await waitFor(
        async () => (await page.evaluate(() => window.__announcer?.played.map((p) => p.outcome).join())) === 'finished',
        15_000,
        'the call played after the click',
      );
      expect(voiceWarnings).toEqual([]);
    } finally {
      await strict.close();
    }
  }, 60_000);
});
