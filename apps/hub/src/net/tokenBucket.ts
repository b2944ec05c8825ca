/** Milliseconds from a clock that never steps back (unlike `Date.now()` when the wall clock is corrected). */
export function monotonicMs(): number {
  return performance.now();
}

/**
 * Allows bursts of `capacity`, refilling at `perMs` tokens per millisecond. Refills follow a monotonic
 * clock: a wall clock stepped back must not drain the bucket and lock a kiosk out.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number | null = null;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly clock: () => number = monotonicMs,
  ) {
    this.tokens = capacity;
  }

  take(): boolean {
    const now = this.clock();
    if (this.updatedAt !== null)
      this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
