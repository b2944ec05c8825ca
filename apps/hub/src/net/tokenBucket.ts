/** Allows bursts of `capacity`, refilling at `perMs` tokens per millisecond. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number | null = null;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
  ) {
    this.tokens = capacity;
  }

  take(now: number): boolean {
    if (this.updatedAt !== null)
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
