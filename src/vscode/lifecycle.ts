/**
 * What every feature needs to clean up after itself: a store of disposables
 * (and a base class over it) and a delayer for debounced work. No `vscode`
 * import: anything with `dispose()` fits, so the rules are tested in plain Node.
 */

/** Anything that can be disposed: a `vscode.Disposable`, a store, a delayer. */
export interface IDisposable {
  dispose(): void;
}

/**
 * Disposables owned together. Disposing twice is safe; one added after the
 * store was disposed is disposed at once, so a late registration cannot leak.
 */
export class DisposableStore implements IDisposable {
  private readonly items: IDisposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `item` and hands it back, so it can be kept in a field. */
  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** Takes ownership of several at once, in order. */
  addAll(...items: IDisposable[]): void {
    for (const item of items) this.add(item);
  }

  /** Disposes every item in the order added; one that throws does not keep the rest alive. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.items.splice(0)) {
      try {
        item.dispose();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}

/** A base for classes that own disposables: `this._register(x)` ties x's life to theirs. */
export abstract class Disposable implements IDisposable {
  // Underscored so subclasses keep `store` and similar names for their own fields.
  private readonly _store = new DisposableStore();

  protected _register<T extends IDisposable>(item: T): T {
    return this._store.add(item);
  }

  dispose(): void {
    this._store.dispose();
  }
}

/** The timer functions a delayer uses; tests can pass their own. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs the last of a burst of calls once the burst is over: each `trigger`
 * replaces the pending call and restarts its wait. Disposed, it runs nothing.
 */
export class Delayer implements IDisposable {
  private handle: unknown;
  private pending = false;
  private disposed = false;

  constructor(private readonly timers: Timers = realTimers) {}

  /** Whether a call is waiting to run. */
  get isPending(): boolean {
    return this.pending;
  }

  /** Runs `fn` after `ms`, unless triggered again (or cancelled) before. */
  trigger(fn: () => void, ms: number): void {
    if (this.disposed) return;
    this.cancel();
    this.pending = true;
    this.handle = this.timers.setTimeout(() => {
      this.pending = false;
      this.handle = undefined;
      fn();
    }, ms);
  }

  /** Drops the pending call, if any. */
  cancel(): void {
    if (!this.pending) return;
    this.timers.clearTimeout(this.handle);
    this.pending = false;
    this.handle = undefined;
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
  }
}

/** One delayer per key (a document, a needs file): bursts on different keys do not cancel each other. */
export class KeyedDelayer<K> implements IDisposable {
  private readonly delayers = new Map<K, Delayer>();
  private disposed = false;

  constructor(private readonly timers: Timers = realTimers) {}

  /** Whether a call for `key` is waiting to run. */
  isPending(key: K): boolean {
    return this.delayers.has(key);
  }

  /** Runs `fn` after `ms`, unless `key` is triggered again (or cancelled) before. */
  trigger(key: K, fn: () => void, ms: number): void {
    if (this.disposed) return;
    let delayer = this.delayers.get(key);
    if (delayer === undefined) {
      delayer = new Delayer(this.timers);
      this.delayers.set(key, delayer);
    }
    delayer.trigger(() => {
      this.delayers.delete(key);
      fn();
    }, ms);
  }

  /** Drops the pending call for `key`, if any. */
  cancel(key: K): void {
    this.delayers.get(key)?.dispose();
    this.delayers.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const delayer of this.delayers.values()) delayer.dispose();
    this.delayers.clear();
  }
}
