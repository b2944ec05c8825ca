import { monotonicMs, TokenBucket } from './tokenBucket.js';

/** Per-key token buckets (one per client address or device) that forget keys once there are too many. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly clock: () => number = monotonicMs,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      bucket = new TokenBucket(this.burst, this.perMinute / 60_000, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
