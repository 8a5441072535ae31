/**
 * A request's "now", and until when its answer stays the same as the mock clock moves on. A
 * generator that reads the clock says, through the method it reads it with, how its answer depends
 * on it; the answer's reuse (the response cache) is bounded by the earliest such instant. The rule
 * lives with the data: the code that caps a window at the last complete hour knows the answer holds
 * until the hour in progress completes, and says so where it caps.
 *
 * Reading the exact instant (`exact()`, or a context's plain `now`) binds the answer to that
 * millisecond: any code that has not said more is never reused for a later one.
 */
import { addUnit, MS_HOUR, startOf, type TimeUnit } from './time.js';

export class RequestClock {
  private end = Number.POSITIVE_INFINITY;

  /** `now`: epoch milliseconds of the request (X-Mock-Now, --now, or the real clock when it came in). */
  constructor(private readonly now: number) {}

  /**
   * The answer can be given again, unchanged, at any later now before this instant (Infinity: at any
   * later now). Never before the request's own now + 1.
   */
  get validUntil(): number {
    return this.end;
  }

  /** States that the answer may change at `instant`: it holds for every now before it. */
  until(instant: number): void {
    if (instant < this.end) this.end = Math.max(instant, this.now + 1);
  }

  /** The instant itself, for an answer that shows it or compares with it to the millisecond. */
  exact(): number {
    this.until(this.now + 1);
    return this.now;
  }

  /**
   * `min(end, now)`: the end of a window that stops at now. While now is before `end`, the capped end
   * moves with every millisecond.
   */
  capped(end: number): number {
    if (this.now < end) this.until(this.now + 1);
    return Math.min(end, this.now);
  }

  /**
   * `min(end, the start of the hour in progress)`: a window that counts complete hours only. While
   * that hour starts before `end`, the answer holds until the hour completes.
   */
  cappedToCompleteHours(end: number): number {
    const hour = Math.floor(this.now / MS_HOUR) * MS_HOUR;
    if (hour < end) this.until(hour + MS_HOUR);
    return Math.min(end, hour);
  }

  /**
   * `min(end, now)` where only the hours that have started before it matter (an hour counts once it
   * has begun). While now is before `end`, the answer holds until the next hour begins: the first
   * instant after now at which one more hour has started before now.
   */
  cappedToStartedHours(end: number): number {
    if (this.now < end) this.until(Math.ceil(this.now / MS_HOUR) * MS_HOUR + 1);
    return Math.min(end, this.now);
  }

  /** The start of the unit in progress (today, this month): the answer holds until the unit ends. */
  startOf(unit: TimeUnit): number {
    const start = startOf(this.now, unit);
    this.until(addUnit(start, unit));
    return start;
  }

  /** Whether now has reached `instant`. Once reached it stays reached; until then it holds until `instant`. */
  reached(instant: number): boolean {
    if (this.now >= instant) return true;
    this.until(instant);
    return false;
  }
}
