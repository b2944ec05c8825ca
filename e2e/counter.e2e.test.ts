import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { HubClient } from '@motcua/client';
import type { QueueState, Ticket } from '@motcua/core';
import { ensureAppBuilt } from './support/build.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { connectClerk, connectDevice, DEMO_PIN } from './support/clients.js';
import { hubHealth, startHubProcess, waitFor, type HubProcess } from './support/hubProcess.js';
import { errorMessages, MAX_DOSSIERS_PER_TICKET, ticketById, ticketsWhere } from '@motcua/core';
import { CONFIRMATION_SHOWN_MS } from '../apps/counter/src/useCounterDesk.js';

let hub: HubProcess;
let browser: Browser;
let kiosk: HubClient;
let display: HubClient;
let quay1: Page;
let quay2: Page;
let ratingPad: Page;
const others: HubClient[] = [];

async function issue(serviceId: string, priorityGroup: string | null = null): Promise<Ticket> {
  const reply = await kiosk.send({ type: 'ticket.issue', serviceId, priorityGroup });
  if (!reply.ok || !reply.result.ticket) throw new Error(`issue refused: ${reply.ok ? 'no ticket' : reply.code}`);
  return reply.result.ticket;
}

/** The display's copy of the queue: what every other participant sees. */
function seen(): QueueState {
  if (!display.state) throw new Error('display has no state');
  return display.state;
}

/** Messages from the hub to quay-1's page can be held, as a slow network would, then let through in order. */
const fromHubToQuay1 = { holding: false, held: [] as Array<() => void> };

function releaseQuay1(): void {
  fromHubToQuay1.holding = false;
  for (const deliver of fromHubToQuay1.held.splice(0)) deliver();
}

async function openCounter(n: number): Promise<Page> {
  const { page } = await newPage(browser, { width: 1440, height: 900 });
  if (n === 1) {
    await page.routeWebSocket(/\/socket\.io\//, (toPage) => {
      const toHub = toPage.connectToServer();
      toHub.onMessage((message) => {
        const deliver = () => toPage.send(message);
        if (fromHubToQuay1.holding) fromHubToQuay1.held.push(deliver);
        else deliver();
      });
    });
  }
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`[quay-${n}]`, message.text());
  });
  await page.goto(`${hub.url}/counter/?counter=quay-${n}`);
  await page.getByTestId('signin-username').fill(`canbo${n}`);
  await page.getByTestId('signin-pin').fill(DEMO_PIN);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('counter-name').waitFor({ timeout: 20_000 });
  return page;
}

const currentLabel = (page: Page) => page.getByTestId('current-label').textContent({ timeout: 20_000 });
const waitingLabels = (page: Page) =>
  page.getByTestId('waiting-ticket').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-label')));

describe('counter app against a real hub', () => {
  beforeAll(async () => {
    ensureAppBuilt('counter');
    hub = await startHubProcess();
    browser = await launchBrowser();
    kiosk = await connectDevice(hub.url, 'kiosk');
    display = await connectDevice(hub.url, 'display');
    [quay1, quay2] = await Promise.all([openCounter(1), openCounter(2)]);
    ratingPad = (await newPage(browser, { width: 1280, height: 800 })).page;
    await ratingPad.goto(`${hub.url}/counter/rating?counter=quay-1`);
    await ratingPad.getByTestId('rating-idle').waitFor({ timeout: 20_000 });
  }, 120_000);

  afterAll(async () => {
    for (const client of [kiosk, display, ...others]) client?.close();
    await browser?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  it('shows the signed-in clerk, and explains why the buttons are disabled when idle', async () => {
    await expect(quay1.getByTestId('clerk-name').textContent()).resolves.toContain('Nguyễn Thị Lan');
    await expect(quay1.getByTestId('action-finish').isDisabled()).resolves.toBe(true);
    await expect(quay1.getByTestId('hint-finish').textContent()).resolves.toBe('Chưa có số nào đang được gọi');
    await expect(quay1.getByTestId('action-callNext').getAttribute('title')).resolves.toBe(
      errorMessages.NOTHING_WAITING.vi,
    );
  });

  it('two clerks pressing "call next" at the same time get different tickets', async () => {
    const issued = [await issue('khai-sinh'), await issue('khai-sinh')];
    // Both counters sat idle: the arrival is announced (sound, notification, flashing title).
    await waitFor(async () => (await quay1.title()).includes('Có công dân đang chờ'), 20_000, 'title flashes');
    for (const page of [quay1, quay2]) {
      await waitFor(async () => (await waitingLabels(page)).length === 2, 20_000, 'both tickets listed');
      await page.getByTestId('action-callNext').waitFor({ state: 'visible' });
      await waitFor(() => page.getByTestId('action-callNext').isEnabled(), 20_000, 'call next enabled');
    }
    await Promise.all([quay1.getByTestId('action-callNext').click(), quay2.getByTestId('action-callNext').click()]);
    const [first, second] = await Promise.all([currentLabel(quay1), currentLabel(quay2)]);
    expect(first).not.toBe(second);
    expect(new Set([first, second])).toEqual(new Set(issued.map((t) => t.label)));
    await waitFor(() => seen().counters['quay-1']?.currentTicketId && seen().counters['quay-2']?.currentTicketId);
    expect(seen().counters['quay-1']?.currentTicketId).not.toBe(seen().counters['quay-2']?.currentTicketId);
  });

  it('"recall" (key L) announces the same ticket again', async () => {
    const label = await currentLabel(quay1);
    const ticketId = seen().counters['quay-1']?.currentTicketId;
    const callsBefore = seen().recentCalls.length;
    await quay1.keyboard.press('l');
    await waitFor(() => seen().recentCalls[0]?.recall === true, 20_000, 'recall on the display');
    expect(seen().recentCalls[0]).toMatchObject({ ticketId, label, counterId: 'quay-1', recall: true });
    expect(seen().recentCalls.length).toBe(callsBefore);
    expect(ticketById(seen(), ticketId ?? '')?.recallCount).toBe(1);
    await expect(currentLabel(quay1)).resolves.toBe(label);
  });

  it('a confirmation ("Đã gọi lại số …") goes away by itself', async () => {
    await quay1.keyboard.press('l');
    const notice = quay1.getByTestId('desk-notice');
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain('Đã gọi lại số');
    await expect(notice.getAttribute('data-kind')).resolves.toBe('ok');
    // No close button: it leaves by itself (after 5 s; generous here for a loaded machine).
    await expect(quay1.getByTestId('desk-notice-close').count()).resolves.toBe(0);
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('two dossier codes entered one right after the other are both attached (none is dropped)', async () => {
    // A scanner or a quick clerk sends the second code before the first one's answer is back: the hub's
    // messages to this page are held (a slow network) until both are sent.
    const input = quay1.getByTestId('dossier-input');
    fromHubToQuay1.holding = true;
    try {
      await input.fill('HS-LIMIT-1');
      await input.press('Enter');
      await input.fill('HS-LIMIT-2');
      await input.press('Enter');
      await waitFor(
        () => ticketById(seen(), seen().counters['quay-1']?.currentTicketId ?? '')?.dossierCodes?.length === 2,
        20_000,
        'both codes stored',
      );
    } finally {
      releaseQuay1();
    }
    const codes = quay1.getByTestId('dossier-codes').locator('li');
    await waitFor(async () => (await codes.count()) === 2, 20_000, 'both codes listed');
    await expect(codes.allTextContents()).resolves.toEqual(['HS-LIMIT-1', 'HS-LIMIT-2']);
    await waitFor(async () => (await input.inputValue()) === '', 20_000, 'the field emptied');
  });

  it('an error the clerk must act on stays on screen past the confirmations\' time, until "Đã hiểu"', async () => {
    // The hub refuses a 21st dossier code on one ticket: an error only the hub sees, so the button was live.
    // The two codes of the test before are attached already.
    const input = quay1.getByTestId('dossier-input');
    for (let n = 3; n <= MAX_DOSSIERS_PER_TICKET; n++) {
      await input.fill(`HS-LIMIT-${n}`);
      await input.press('Enter');
      await waitFor(async () => (await quay1.getByTestId('dossier-codes').locator('li').count()) === n, 20_000);
    }
    await input.fill('HS-LIMIT-EXTRA');
    await input.press('Enter');
    const notice = quay1.getByTestId('desk-notice');
    await waitFor(async () => (await notice.getAttribute('data-kind')) === 'error', 20_000, 'error notice');
    await expect(notice.getAttribute('role')).resolves.toBe('alert');
    const shownAt = await quay1.evaluate(() => Date.now());
    // Twice the time after which a confirmation leaves, by the page's own clock (no fixed sleep in the test).
    await waitFor(
      async () => (await quay1.evaluate(() => Date.now())) > shownAt + 2 * CONFIRMATION_SHOWN_MS,
      60_000,
      'page clock past two confirmation times',
    );
    await expect(notice.getAttribute('data-kind')).resolves.toBe('error');
    await expect(notice.textContent()).resolves.toContain(errorMessages.BAD_REQUEST.vi);
    await quay1.getByTestId('desk-notice-close').click();
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('a transfer moves the ticket to the other service, and the other counter sees it live', async () => {
    const label = (await currentLabel(quay1)) ?? '';
    expect(await waitingLabels(quay2)).not.toContain(label);
    await quay1.keyboard.press('c');
    await quay1.getByTestId('transfer-target').selectOption('service:chung-thuc-ban-sao');
    await quay1.getByTestId('placement-front').check();
    await quay1.getByTestId('transfer-confirm').click();
    await quay1.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
    await waitFor(async () => (await waitingLabels(quay2)).includes(label), 20_000, 'transferred ticket at quay-2');
    await expect(
      quay2.getByTestId('summary-chung-thuc-ban-sao').getByTestId('summary-waiting').textContent(),
    ).resolves.toBe('1');
    expect(await waitingLabels(quay1)).not.toContain(label);
    const moved = ticketsWhere(seen(), (t) => t.label === label)[0];
    expect(moved).toMatchObject({ status: 'waiting', serviceId: 'chung-thuc-ban-sao' });
  });

  it('a no-show goes back into the queue when the citizen returns', async () => {
    const late = await issue('khai-sinh');
    await waitFor(() => quay1.getByTestId('action-callNext').isEnabled(), 20_000, 'call next enabled');
    await quay1.keyboard.press('n');
    await expect(currentLabel(quay1)).resolves.toBe(late.label);
    await quay1.getByTestId('action-noShow').click();
    await quay1.getByTestId(`return-${late.label}`).waitFor({ timeout: 20_000 });
    await expect(quay1.getByTestId('figure-noshows').textContent()).resolves.toBe('1');
    expect(await waitingLabels(quay1)).not.toContain(late.label);
    await quay1.getByTestId(`return-${late.label}`).click();
    await waitFor(async () => (await waitingLabels(quay1)).includes(late.label), 20_000, 'returned at quay-1');
    await waitFor(async () => (await waitingLabels(quay2)).includes(late.label), 20_000, 'returned at quay-2');
    expect(ticketById(seen(), late.id)?.status).toBe('waiting');
  });

  it('the rating pad sends the first tap at once, lets the reason step amend it, and refuses a second rating', async () => {
    const ratings: string[] = [];
    const amendments: string[] = [];
    const stop = display.onEvent(({ event }) => {
      if (event.type === 'rating.submitted') ratings.push(event.rating.ticketId);
      if (event.type === 'rating.amended') amendments.push(`${event.ticketId}:${event.reasons.join(',')}`);
    });
    await quay1.getByTestId('action-callNext').click();
    const label = await currentLabel(quay1);
    const ticketId = await waitFor(() => seen().counters['quay-1']?.currentTicketId, 20_000, 'call seen');
    await quay1.keyboard.press('h');
    await quay1.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });

    await ratingPad.getByTestId('rating-ask').waitFor({ timeout: 20_000 });
    await expect(ratingPad.getByTestId('rating-ticket').textContent()).resolves.toBe(label);
    await expect(ratingPad.getByTestId('rating-clerk').textContent()).resolves.toBe('Nguyễn Thị Lan');
    await screenshot(ratingPad, 'counter-rating');
    await ratingPad.getByTestId('score-satisfied').click();
    // One tap is enough: the rating is recorded before any reason is chosen.
    await waitFor(() => ticketById(seen(), ticketId)?.rated, 20_000, 'ticket rated on the first tap');
    expect(ratings).toEqual([ticketId]);
    await ratingPad.getByTestId('rating-sent').waitFor({ timeout: 20_000 });
    await ratingPad.getByTestId('reason-waitedTooLong').click();
    await screenshot(ratingPad, 'counter-rating-reasons');
    await ratingPad.getByTestId('rating-send').click();
    await ratingPad.getByTestId('rating-thanks').waitFor({ timeout: 20_000 });
    await waitFor(() => amendments.length === 1, 20_000, 'reasons amended');
    expect(amendments).toEqual([`${ticketId}:waitedTooLong`]);

    const secondPad = await connectDevice(hub.url, 'rating', { counterId: 'quay-1' });
    others.push(secondPad);
    const again = await secondPad.send({ type: 'rating.submit', counterId: 'quay-1', ticketId, score: 'dissatisfied' });
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
    const otherCounter = await connectDevice(hub.url, 'rating', { counterId: 'quay-2' });
    others.push(otherCounter);
    const elsewhere = await otherCounter.send({
      type: 'rating.submit',
      counterId: 'quay-1',
      ticketId,
      score: 'neutral',
    });
    expect(elsewhere).toMatchObject({ ok: false, code: 'NOT_YOUR_COUNTER' });
    expect(ratings).toEqual([ticketId]);
    await ratingPad.getByTestId('rating-idle').waitFor({ timeout: 20_000 });
    stop();
  });

  it('the rating pad keeps the finished ticket when the clerk finishes the next one, then asks about that one', async () => {
    await ratingPad.getByTestId('rating-idle').waitFor({ timeout: 20_000 });
    await issue('khai-sinh');
    await issue('khai-sinh');
    const finishCurrent = async () => {
      await quay1.getByTestId('action-callNext').click();
      const label = await currentLabel(quay1);
      await quay1.keyboard.press('h');
      await quay1.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
      return label;
    };
    const first = await finishCurrent();
    await ratingPad.getByTestId('rating-ask').waitFor({ timeout: 20_000 });
    const second = await finishCurrent();
    await waitFor(
      () => ticketsWhere(seen(), (t) => t.label === second && t.status === 'finished').length > 0,
      20_000,
      'second finished',
    );
    await expect(ratingPad.getByTestId('rating-ticket').textContent()).resolves.toBe(first);
    await ratingPad.getByTestId('score-verySatisfied').click();
    await waitFor(() => ticketsWhere(seen(), (t) => t.label === first && t.rated).length > 0, 20_000, 'first rated');
    await ratingPad.getByTestId('rating-thanks').waitFor({ timeout: 20_000 });
    await waitFor(
      async () => (await ratingPad.getByTestId('rating-ticket').textContent({ timeout: 20_000 })) === second,
      30_000,
      'the pad asks about the second ticket',
    );
  });

  it("a clerk cannot finish another counter's ticket", async () => {
    const theirs = seen().counters['quay-2']?.currentTicketId ?? '';
    expect(ticketById(seen(), theirs)?.status).toBe('called');
    const clerk3 = await connectClerk(hub.url, 3);
    others.push(clerk3);
    const before = await hubHealth(hub.url);
    const viaTheirCounter = await clerk3.send({ type: 'ticket.finish', counterId: 'quay-2', ticketId: theirs });
    const viaOwnCounter = await clerk3.send({ type: 'ticket.finish', counterId: 'quay-3', ticketId: theirs });
    expect(viaTheirCounter).toMatchObject({ ok: false, code: 'NOT_YOUR_COUNTER' });
    expect(viaOwnCounter).toMatchObject({ ok: false, code: 'NOT_YOUR_COUNTER' });
    const after = await hubHealth(hub.url);
    expect(after.seq).toBe(before.seq);
    expect(after.stateHash).toBe(before.stateHash);
    await expect(currentLabel(quay2)).resolves.toBe(ticketById(seen(), theirs)?.label);
  });

  it('after the hub restarts, the counter reconnects with its current ticket and keeps working', async () => {
    const label = await currentLabel(quay2);
    await hub.stop();
    await quay2.getByTestId('connection-banner').waitFor({ timeout: 20_000 });
    hub = await hub.restart();
    await quay2.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await expect(currentLabel(quay2)).resolves.toBe(label);
    await expect(quay2.getByTestId('clerk-name').textContent()).resolves.toContain('Trần Văn Minh');
    await waitFor(() => quay2.getByTestId('action-finish').isEnabled(), 20_000, 'finish enabled after restart');
    await quay2.getByTestId('action-finish').click();
    await quay2.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
    await expect(quay2.getByTestId('figure-served').textContent()).resolves.toBe('1');
  });

  it('pausing needs a reason and blocks calls until work resumes', async () => {
    await issue('khai-sinh');
    await quay2.keyboard.press('p');
    await quay2.getByTestId('pause-reason').fill('Họp giao ban');
    await quay2.getByTestId('pause-confirm').click();
    await waitFor(
      async () => (await quay2.getByTestId('counter-status').textContent())?.includes('Họp giao ban'),
      20_000,
      'paused with its reason',
    );
    await waitFor(() => quay2.getByTestId('action-callNext').isDisabled(), 20_000, 'call next disabled');
    await expect(quay2.getByTestId('hint-callNext').textContent()).resolves.toContain('tạm nghỉ');
    await quay2.getByTestId('action-reopen').click();
    await waitFor(() => quay2.getByTestId('action-callNext').isEnabled(), 20_000, 'call next enabled again');
  });

  it('a shift change keeps the current ticket at the counter', async () => {
    await waitFor(() => quay2.getByTestId('action-callNext').isEnabled(), 20_000, 'call next enabled');
    await quay2.getByTestId('action-callNext').click();
    const label = await currentLabel(quay2);
    await quay2.getByTestId('sign-out').click();
    await quay2.getByTestId('signin-form').waitFor({ timeout: 20_000 });
    await expect(quay2.getByTestId('signin-counter').inputValue()).resolves.toBe('quay-2');
    await screenshot(quay2, 'counter-signin');
    await quay2.getByTestId('signin-username').fill('canbo2');
    await quay2.getByTestId('signin-pin').fill(DEMO_PIN);
    await quay2.getByTestId('signin-submit').click();
    await expect(currentLabel(quay2)).resolves.toBe(label);
    await waitFor(() => quay2.getByTestId('action-finish').isEnabled(), 20_000, 'finish enabled');
    await quay2.getByTestId('action-finish').click();
    await quay2.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
  });

  it('a clerk signing in at a second counter is asked first, and the first counter says where they went', async () => {
    const quay4 = await openCounter(4);
    const { page: quay3 } = await newPage(browser, { width: 1440, height: 900 });
    await quay3.goto(`${hub.url}/counter/?counter=quay-3`);
    await quay3.getByTestId('signin-username').fill('canbo4');
    await quay3.getByTestId('signin-pin').fill(DEMO_PIN);
    await quay3.getByTestId('signin-submit').click();
    const confirm = quay3.getByTestId('signin-move-confirm');
    await confirm.waitFor({ timeout: 20_000 });
    expect(await confirm.textContent()).toContain('Ông/Bà đang làm việc tại Quầy 4. Chuyển sang quầy này?');
    // Asking changed nothing: the clerk still works at Quầy 4.
    expect(seen().counters['quay-4']).toMatchObject({ clerkId: 'canbo4', status: 'open' });
    await screenshot(quay3, 'counter-signin-move-confirm');
    await quay3.getByTestId('signin-move-confirm-yes').click();
    await quay3.getByTestId('counter-name').waitFor({ timeout: 20_000 });
    expect(await quay3.getByTestId('counter-name').textContent()).toContain('Quầy 3');
    const moved = quay4.getByTestId('clerk-moved');
    await moved.waitFor({ timeout: 20_000 });
    expect(await moved.textContent()).toContain('Cán bộ đã chuyển sang Quầy 3');
    await waitFor(() => seen().counters['quay-4']?.status === 'closed', 10_000, 'quay-4 closed');
    expect(seen().counters['quay-3']?.clerkId).toBe('canbo4');
    await quay3.context().close();
    await quay4.context().close();
  });

  it('takes screenshots of the counter screen and the compact bar', async () => {
    await waitFor(async () => (await quay1.getByTestId('connection-banner').count()) === 0, 30_000, 'quay-1 online');
    await issue('khai-sinh', 'elderly');
    await issue('ket-hon');
    await issue('khai-sinh');
    await issue('ket-hon');
    await waitFor(() => quay1.getByTestId('action-callNext').isEnabled(), 20_000, 'call next enabled');
    await quay1.getByTestId('action-callNext').click();
    await quay1.getByTestId('current-label').waitFor({ timeout: 20_000 });
    await quay1.mouse.move(0, 0);
    await screenshot(quay1, 'counter-screen');

    const compact = await quay1.context().newPage();
    await compact.setViewportSize({ width: 420, height: 90 });
    await compact.goto(`${hub.url}/counter/?compact=1`);
    await compact.getByTestId('compact-bar').waitFor({ timeout: 20_000 });
    await expect(compact.getByTestId('compact-label').textContent()).resolves.toBe(await currentLabel(quay1));
    await screenshot(compact, 'counter-compact');
    await compact.keyboard.press('h');
    await quay1.getByTestId('current-ticket-idle').waitFor({ timeout: 20_000 });
    await compact.close();
  });
});
