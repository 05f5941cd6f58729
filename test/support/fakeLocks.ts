/**
 * Web Locks for tests in Node/happy-dom, where navigator.locks is missing: exclusive locks with
 * `ifAvailable`, `steal` and `signal`, shared between the "tabs" of one registry. Each tab is a
 * LockManager-like object; `kill()` drops every lock the tab holds or waits for, as the browser
 * does when a tab dies.
 */
interface Waiter {
  readonly tab: FakeTab;
  readonly grant: () => void;
  readonly fail: (error: Error) => void;
}

interface Held {
  readonly tab: FakeTab;
  readonly fail: (error: Error) => void;
  readonly settle: () => void;
}

export class LockRegistry {
  readonly held = new Map<string, Held>();
  readonly queues = new Map<string, Waiter[]>();

  tab(): FakeTab {
    return new FakeTab(this);
  }

  /** Gives a free lock to the first tab waiting for it. */
  next(name: string): void {
    if (this.held.has(name)) return;
    const waiter = this.queues.get(name)?.shift();
    waiter?.grant();
  }
}

const abortError = (message: string) => Object.assign(new Error(message), { name: "AbortError" });

export class FakeTab {
  private dead = false;

  constructor(private readonly registry: LockRegistry) {}

  request<T>(name: string, ...rest: unknown[]): Promise<T> {
    const callback = rest[rest.length - 1] as (lock: { name: string } | null) => T | Promise<T>;
    const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal };
    const { registry } = this;
    return new Promise<T>((resolve, reject) => {
      if (this.dead) { reject(abortError("tab is gone")); return; }
      const run = () => {
        let settled = false;
        const settle = () => { if (settled) return; settled = true; if (registry.held.get(name)?.tab === this) registry.held.delete(name); registry.next(name); };
        registry.held.set(name, { tab: this, fail: (error) => { settle(); reject(error); }, settle });
        Promise.resolve(callback({ name })).then((value) => { settle(); resolve(value); }, (error: unknown) => { settle(); reject(error); });
      };
      const holder = registry.held.get(name);
      if (options.steal) {
        if (holder) { registry.held.delete(name); holder.fail(abortError("lock stolen")); }
        run();
      } else if (!holder && (registry.queues.get(name)?.length ?? 0) === 0) {
        run();
      } else if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject);
      } else {
        const waiter: Waiter = { tab: this, grant: run, fail: reject };
        const queue = registry.queues.get(name) ?? [];
        queue.push(waiter);
        registry.queues.set(name, queue);
        options.signal?.addEventListener("abort", () => {
          const list = registry.queues.get(name) ?? [];
          if (list.includes(waiter)) { list.splice(list.indexOf(waiter), 1); reject(abortError("aborted")); }
        });
      }
    });
  }

  /** The tab dies: its locks go to the next tabs in line, its waits end. */
  kill(): void {
    this.dead = true;
    for (const [name, queue] of this.registry.queues) this.registry.queues.set(name, queue.filter((waiter) => waiter.tab !== this));
    for (const [name, held] of [...this.registry.held]) {
      if (held.tab !== this) continue;
      this.registry.held.delete(name);
      this.registry.next(name);
    }
  }
}

/** Makes `tab` the navigator.locks that code reads from now on. */
export function useTab(tab: FakeTab): void {
  Object.defineProperty(navigator, "locks", { configurable: true, get: () => tab });
}
