/**
 * Runs at most `limit` tasks at once; the rest wait their turn, first come first served.
 *
 * The organisation report is CPU-bound work over every visible entity: 50 of them interleaved on
 * two cores finish no sooner than a few at a time, but each holds its own copy of the catalog's
 * answer and its rows meanwhile, which at 10,000 entities took a backend past 1 GiB.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(
        `A concurrency limit must be a positive integer, not ${limit}`,
      );
    }
  }

  /** Tasks started and not yet settled, and tasks waiting for a turn. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      // The turn passes straight to the next waiter, so `running` never dips and overshoots.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
