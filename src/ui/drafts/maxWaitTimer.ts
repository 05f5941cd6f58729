/**
 * A debounce with a maximum wait: after `poke`, the work runs `delay` ms after the last poke,
 * but never later than `maxWait` ms after the first poke since it last ran (or was `settle`d),
 * so work that keeps being asked for still happens regularly.
 */
export class MaxWaitTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest poke not yet served was made (Date.now()). */
  private since: number | null = null;

  constructor(private readonly work: () => void, private readonly delay: number, private readonly maxWait: number, private readonly now: () => number = Date.now) {}

  poke(): void {
    const now = this.now();
    this.since ??= now;
    const wait = Math.max(0, Math.min(this.delay, this.since + this.maxWait - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.settle(); this.work(); }, wait);
  }

  /** The work was done some other way (or is no longer wanted): nothing is pending. */
  settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.since = null;
  }
}
