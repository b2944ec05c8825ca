import type { EventEnvelope } from '@motcua/core';
import { TestDesk } from '@motcua/core/testkit';
import { describe, expect, it } from 'vitest';
import { isKioskDevice, kioskTicketsOnly, PacedDelivery } from './eventBroadcast.js';

const at = (seq: number): EventEnvelope =>
  ({ seq, at: 0, actor: 'device:kiosk-1', event: { type: 'ticket.issued' } }) as unknown as EventEnvelope;
const seqs = (envelopes: EventEnvelope[]) => envelopes.map((e) => e.seq);

describe('the paced room: kiosk tickets at most once per interval', () => {
  it('sends the first commit at once, then holds commits until the interval has passed, in order', () => {
    const paced = new PacedDelivery(25);
    expect(paced.add([at(1), at(2)], false, 1000)).toEqual({ send: [at(1), at(2)] });
    expect(paced.add([at(3)], false, 1005)).toEqual({ waitMs: 20 });
    expect(paced.add([at(4), at(5)], false, 1010)).toEqual({ waitMs: 15 });
    // The timer fires: everything held goes in one message, oldest first.
    expect(seqs(paced.take(1025))).toEqual([3, 4, 5]);
    expect(paced.add([at(6)], false, 1030)).toEqual({ waitMs: 20 });
    expect(paced.add([at(7)], false, 1051)).toEqual({ send: [at(6), at(7)] });
  });

  it('sends an urgent commit (a call, a counter’s own command) at once, with everything held before it', () => {
    const paced = new PacedDelivery(25);
    paced.add([at(1)], false, 0);
    expect(paced.add([at(2)], false, 1)).toEqual({ waitMs: 24 });
    expect(seqs((paced.add([at(3)], true, 2) as { send: EventEnvelope[] }).send)).toEqual([2, 3]);
    // The interval starts again from the urgent message.
    expect(paced.add([at(4)], false, 3)).toEqual({ waitMs: 24 });
  });

  it('has nothing to send when nothing waits, and forgets what waited when the room empties', () => {
    const paced = new PacedDelivery(25);
    expect(paced.take(0)).toEqual([]);
    paced.add([at(1)], false, 0);
    paced.add([at(2)], false, 1);
    paced.clear();
    expect(paced.take(30)).toEqual([]);
    // An empty take does not restart the interval.
    expect(paced.add([at(3)], false, 31)).toEqual({ send: [at(3)] });
  });
});

describe('what may be paced', () => {
  const desk = TestDesk.open();
  for (const [id, kind] of [
    ['kiosk-1', 'kiosk'],
    ['display-1', 'display'],
  ] as const) {
    desk.run({
      type: 'config.upsertDevice',
      device: { id, kind, name: id, counterId: null, printerProfileId: null, revoked: false },
    });
  }
  desk.issue(Object.keys(desk.state.config.services)[0]!);
  const kioskTicket = desk.log.at(-1)!;

  it('only tickets issued by a kiosk device', () => {
    expect(kioskTicket).toMatchObject({ actor: 'device:kiosk-1', event: { type: 'ticket.issued' } });
    expect(kioskTicketsOnly(desk.state, [kioskTicket])).toBe(true);
    // Issued by a clerk or the admin: that sender waits for its reply, so it goes at once.
    expect(kioskTicketsOnly(desk.state, [{ ...kioskTicket, actor: 'user:canbo1' }])).toBe(false);
    expect(kioskTicketsOnly(desk.state, [{ ...kioskTicket, actor: 'device:display-1' }])).toBe(false);
    desk.callNext(1);
    const called = desk.log.at(-1)!;
    expect(called.event.type).toBe('ticket.called');
    expect(kioskTicketsOnly(desk.state, [kioskTicket, called])).toBe(false);
  });

  it('keeps kiosks out of the paced room, and nothing else', () => {
    expect(isKioskDevice(desk.state, 'kiosk-1')).toBe(true);
    expect(isKioskDevice(desk.state, 'display-1')).toBe(false);
    expect(isKioskDevice(desk.state, 'no-such-device')).toBe(false);
    expect(isKioskDevice(desk.state, null)).toBe(false);
  });
});
