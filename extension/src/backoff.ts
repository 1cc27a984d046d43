// When to restart a server process that died: 0.5 s, doubling up to 10 s, back to 0.5 s once a
// process has stayed up a minute (a crash then is news, not a crash loop).

export const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 10_000;
export const STABLE_MS = 60_000;

export class Backoff {
  private delay = FIRST_DELAY_MS;
  private startedAt: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** The process came up. */
  started(): void {
    this.startedAt = this.now();
  }

  /** The process died: how long to wait before the next start. */
  next(): number {
    if (this.startedAt !== undefined && this.now() - this.startedAt >= STABLE_MS) {
      this.delay = FIRST_DELAY_MS;
    }
    this.startedAt = undefined;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    return wait;
  }

  /** A deliberate (re)start: the next crash starts the sequence again. */
  reset(): void {
    this.delay = FIRST_DELAY_MS;
    this.startedAt = undefined;
  }
}
