import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './signInThrottle.js';

const stranger = { source: '10.0.0.66', account: 'admin' };
const adminDesk = { source: '10.0.0.2', account: 'admin' };

describe('SignInThrottle', () => {
  it('lets the first attempts through, then delays with growing waits', () => {
    const throttle = new SignInThrottle();
    let now = 1_000_000;
    for (let i = 0; i < 4; i++) throttle.recordFailure(stranger, now);
    expect(throttle.retryAfterMs(stranger, now)).toBe(0);
    throttle.recordFailure(stranger, now);
    const first = throttle.retryAfterMs(stranger, now);
    expect(first).toBeGreaterThan(0);
    now += first;
    throttle.recordFailure(stranger, now);
    expect(throttle.retryAfterMs(stranger, now)).toBeGreaterThan(first);
  });

  it('never keeps the admin out for more than a minute, however long a stranger guesses', () => {
    const throttle = new SignInThrottle();
    let now = 0;
    for (let i = 0; i < 200; i++) {
      now += throttle.retryAfterMs(stranger, now);
      throttle.recordFailure(stranger, now);
    }
    // The stranger's own machine waits long; the admin at another machine at most a minute.
    expect(throttle.retryAfterMs(stranger, now)).toBeGreaterThan(60_000);
    expect(throttle.retryAfterMs(adminDesk, now)).toBeLessThanOrEqual(60_000);
    expect(throttle.retryAfterMs(adminDesk, now + 60_000)).toBe(0);
  });

  it('forgets the account after the right PIN, and old failures after an hour', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 6; i++) throttle.recordFailure(adminDesk, 0);
    throttle.recordSuccess(adminDesk);
    expect(throttle.retryAfterMs({ source: '10.0.0.3', account: 'admin' }, 0)).toBe(0);
    const later = new SignInThrottle();
    for (let i = 0; i < 6; i++) later.recordFailure(stranger, 0);
    later.recordFailure(stranger, 2 * 3600_000);
    expect(later.retryAfterMs(stranger, 2 * 3600_000)).toBe(0);
  });

  it('stays bounded in memory under a flood of addresses', () => {
    const throttle = new SignInThrottle(undefined, 100);
    for (let i = 0; i < 1000; i++) throttle.recordFailure({ source: `10.1.${i >> 8}.${i & 255}`, account: null }, i);
    expect((throttle as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(100);
  });
});
