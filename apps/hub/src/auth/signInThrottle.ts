/** How one throttle key slows down failures: free attempts, then a delay that doubles up to a cap. */
export interface ThrottlePolicy {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  forgetAfterMs: number;
}

/**
 * Per source address: whoever guesses from one machine waits longer and longer (up to 15 minutes).
 * Per account: guesses from many machines slow down too, but never for more than a minute, so a stranger
 * cannot keep the admin out: after the delay the right password works again.
 */
export const defaultThrottlePolicies: { source: ThrottlePolicy; account: ThrottlePolicy } = {
  source: { freeAttempts: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 },
  account: { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 60 * 60_000 },
};

interface Entry {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

/** The keys of one sign-in attempt: where it came from and which account it tried. */
export interface ThrottleKeys {
  source: string;
  account: string | null;
}

/**
 * Growing delays instead of a lock: an attempt during a delay is refused without looking at the PIN and does
 * not count, so hammering does not lengthen the wait. In memory only (a restart forgets it; nobody outside can
 * restart the hub), and bounded: the oldest keys are dropped past `maxKeys`.
 */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policies = defaultThrottlePolicies,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds to wait before this attempt may be checked; 0 when it may. */
  retryAfterMs(keys: ThrottleKeys, now: number): number {
    let wait = 0;
    for (const [key] of this.keyed(keys)) {
      const entry = this.entries.get(key);
      if (entry) wait = Math.max(wait, entry.blockedUntil - now);
    }
    return Math.max(0, wait);
  }

  recordFailure(keys: ThrottleKeys, now: number): void {
    for (const [key, policy] of this.keyed(keys)) {
      const previous = this.entries.get(key);
      const failures = previous && now - previous.lastFailureAt < policy.forgetAfterMs ? previous.failures + 1 : 1;
      const over = failures - policy.freeAttempts;
      const delay = over < 0 ? 0 : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over, 30));
      this.entries.delete(key); // Re-inserted last: the map's order is the eviction order.
      this.entries.set(key, { failures, lastFailureAt: now, blockedUntil: delay ? now + delay : 0 });
    }
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** The right PIN: the account starts afresh (the source keeps its record, it may be guessing others). */
  recordSuccess(keys: ThrottleKeys): void {
    if (keys.account !== null) this.entries.delete(`account:${keys.account}`);
  }

  private keyed(keys: ThrottleKeys): [string, ThrottlePolicy][] {
    const list: [string, ThrottlePolicy][] = [[`source:${keys.source}`, this.policies.source]];
    if (keys.account !== null) list.push([`account:${keys.account}`, this.policies.account]);
    return list;
  }
}
