/**
 * Results in input order, with bounded memory. Work is started in order and may finish in any order;
 * finished results wait here until everything before them has been consumed. The window bounds how
 * much can be started-or-waiting at once — by count and by bytes — so a slow first file makes the
 * producer wait instead of buffering the whole batch.
 */

/** A failure of the run itself (stdout closed, output unwritable), as a producer pushing work sees it: it stops. */
export class StopRun {
  constructor(readonly cause: unknown) {}
}

interface Entry<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
  cost: number;
}

export class OrderedWindow<T> {
  private readonly entries: Entry<T>[] = [];
  private cost = 0;
  private flushing = false;
  private fatal: { error: unknown } | null = null;
  private wake: (() => void)[] = [];

  constructor(
    private readonly maxEntries: number,
    private readonly maxCost: number,
    /** Called once per entry, in order; the next waits for it to finish (so writes keep backpressure). */
    private readonly consume: (value: T) => Promise<void>,
  ) {}

  /**
   * Wait for room, then start `work`. `cost` is what the entry holds in memory (bytes, roughly);
   * one entry is always let in however large, so a big file cannot block the run.
   */
  async push(cost: number, work: () => Promise<T>): Promise<void> {
    const entry = await this.admit(cost);
    this.start(entry, work());
  }

  /**
   * As push, then wait for `work` to finish and give what it gave: for a producer that needs a result
   * before it goes on. From then on the entry holds `costOf(value)`, for work whose cost is known only
   * once it is done (files read without their sizes known beforehand).
   */
  async run(cost: number, work: () => Promise<T>, costOf: (value: T) => number): Promise<T> {
    const entry = await this.admit(cost);
    const done = work().then((value) => {
      const actual = costOf(value);
      this.cost += actual - entry.cost;
      entry.cost = actual;
      return value;
    });
    this.start(entry, done);
    return done;
  }

  private async admit(cost: number): Promise<Entry<T>> {
    while (!this.fatal && this.entries.length > 0 && (this.entries.length >= this.maxEntries || this.cost + cost > this.maxCost)) {
      await new Promise<void>((resolve) => this.wake.push(resolve));
    }
    if (this.fatal) throw this.fatal.error;
    const entry: Entry<T> = { settled: false, cost };
    this.entries.push(entry);
    this.cost += cost;
    return entry;
  }

  private start(entry: Entry<T>, work: Promise<T>): void {
    work.then(
      (value) => this.settle(entry, { value }),
      (error: unknown) => this.settle(entry, { error }),
    );
  }

  /** Wait until every entry has been consumed; throws what a consumer threw. */
  async finish(): Promise<void> {
    while (!this.fatal && this.entries.length > 0) {
      await new Promise<void>((resolve) => this.wake.push(resolve));
    }
    if (this.fatal) throw this.fatal.error;
  }

  private settle(entry: Entry<T>, outcome: { value?: T; error?: unknown }): void {
    entry.settled = true;
    if ("error" in outcome) entry.error = outcome.error;
    else entry.value = outcome.value;
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (!this.fatal && this.entries[0]?.settled) {
        const entry = this.entries[0];
        if (entry.error !== undefined) throw entry.error;
        await this.consume(entry.value as T);
        this.entries.shift();
        this.cost -= entry.cost;
        this.notify();
      }
    } catch (error) {
      this.fatal = { error };
      this.notify();
    } finally {
      this.flushing = false;
    }
  }

  private notify(): void {
    for (const w of this.wake.splice(0)) w();
  }
}
