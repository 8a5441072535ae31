/** How many crashed workers the cluster primary replaces before it gives up: a crash loop is not served around. */

/** Replaces crashed workers until `limit` crashes fall within `windowMs`. */
export class RestartBudget {
  private readonly crashes: number[] = [];

  constructor(
    readonly limit = 5,
    readonly windowMs = 10_000,
  ) {}

  /** Records a crash at `atMs`; true if the worker may be replaced, false at the `limit`-th crash within the window. */
  allows(atMs: number): boolean {
    this.crashes.push(atMs);
    while ((this.crashes[0] ?? atMs) <= atMs - this.windowMs) this.crashes.shift();
    return this.crashes.length < this.limit;
  }

  /** The crashes within the window ending at the last one. */
  get recent(): number {
    return this.crashes.length;
  }
}
