/** The rules of the editor's disposable store and delayers, in plain Node. */
import * as assert from 'node:assert/strict';
import type { IDisposable, Timers } from '../../src/vscode/lifecycle';
import { Delayer, Disposable, DisposableStore, KeyedDelayer } from '../../src/vscode/lifecycle';

/** Counts its disposals, and can be told to throw. */
class Probe implements IDisposable {
  disposed = 0;
  constructor(
    private readonly log: string[] = [],
    private readonly name = '',
    private readonly fails = false,
  ) {}
  dispose(): void {
    this.disposed++;
    this.log.push(this.name);
    if (this.fails) throw new Error(`${this.name} failed`);
  }
}

/** Timers that run only when the test says time has passed. */
class ManualTimers implements Timers {
  private now = 0;
  private next = 0;
  private readonly waiting = new Map<number, { at: number; fn: () => void }>();

  get pending(): number {
    return this.waiting.size;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.waiting.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.waiting.delete(handle as number);
  }

  advance(ms: number): void {
    this.now += ms;
    const due = [...this.waiting.entries()]
      .filter(([, t]) => t.at <= this.now)
      .sort(([, a], [, b]) => a.at - b.at);
    for (const [id, t] of due) {
      this.waiting.delete(id);
      t.fn();
    }
  }
}

describe('DisposableStore', () => {
  it('disposes what it holds once, in the order added', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    const a = store.add(new Probe(log, 'a'));
    store.addAll(new Probe(log, 'b'), new Probe(log, 'c'));
    store.dispose();
    store.dispose();
    assert.deepEqual(log, ['a', 'b', 'c']);
    assert.equal(a.disposed, 1);
    assert.equal(store.isDisposed, true);
  });

  it('disposes at once what is added after it was disposed', () => {
    const store = new DisposableStore();
    store.dispose();
    const late = store.add(new Probe());
    assert.equal(late.disposed, 1);
    store.dispose();
    assert.equal(late.disposed, 1);
  });

  it('disposes the rest when one throws, then rethrows', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.addAll(new Probe(log, 'a'), new Probe(log, 'b', true), new Probe(log, 'c'));
    assert.throws(() => store.dispose(), /b failed/);
    assert.deepEqual(log, ['a', 'b', 'c']);
  });
});

describe('Disposable', () => {
  class Owner extends Disposable {
    readonly probe = this._register(new Probe());
  }

  it('disposes what it registered, once', () => {
    const owner = new Owner();
    owner.dispose();
    owner.dispose();
    assert.equal(owner.probe.disposed, 1);
  });
});

describe('Delayer', () => {
  it('runs only the last call of a burst, once the wait is over', () => {
    const timers = new ManualTimers();
    const delayer = new Delayer(timers);
    const runs: string[] = [];
    delayer.trigger(() => runs.push('first'), 100);
    timers.advance(60);
    delayer.trigger(() => runs.push('second'), 100);
    timers.advance(60);
    assert.deepEqual(runs, [], 'the second call restarted the wait');
    assert.equal(delayer.isPending, true);
    timers.advance(40);
    assert.deepEqual(runs, ['second']);
    assert.equal(delayer.isPending, false);
    assert.equal(timers.pending, 0);
  });

  it('runs nothing once cancelled or disposed', () => {
    const timers = new ManualTimers();
    const delayer = new Delayer(timers);
    let runs = 0;
    delayer.trigger(() => runs++, 10);
    delayer.cancel();
    timers.advance(20);
    assert.equal(runs, 0);
    delayer.trigger(() => runs++, 10);
    delayer.dispose();
    delayer.trigger(() => runs++, 10);
    timers.advance(20);
    assert.equal(runs, 0);
    assert.equal(timers.pending, 0, 'no timer is left behind');
  });

  it('runs on the real clock by default', async () => {
    const delayer = new Delayer();
    const ran = await new Promise<string>((resolve) => {
      delayer.trigger(() => resolve('dropped'), 5);
      delayer.trigger(() => resolve('last'), 5);
    });
    assert.equal(ran, 'last');
  });
});

describe('KeyedDelayer', () => {
  it('keeps bursts on different keys apart', () => {
    const timers = new ManualTimers();
    const delayer = new KeyedDelayer<string>(timers);
    const runs: string[] = [];
    delayer.trigger('a', () => runs.push('a1'), 100);
    delayer.trigger('b', () => runs.push('b1'), 100);
    timers.advance(50);
    delayer.trigger('a', () => runs.push('a2'), 100);
    timers.advance(50);
    assert.deepEqual(runs, ['b1']);
    assert.equal(delayer.isPending('a'), true);
    assert.equal(delayer.isPending('b'), false);
    timers.advance(50);
    assert.deepEqual(runs, ['b1', 'a2']);
    assert.equal(delayer.isPending('a'), false);
  });

  it('cancels one key, and every key when disposed', () => {
    const timers = new ManualTimers();
    const delayer = new KeyedDelayer<string>(timers);
    const runs: string[] = [];
    delayer.trigger('a', () => runs.push('a'), 10);
    delayer.trigger('b', () => runs.push('b'), 10);
    delayer.cancel('a');
    timers.advance(20);
    assert.deepEqual(runs, ['b']);
    delayer.trigger('c', () => runs.push('c'), 10);
    delayer.dispose();
    delayer.trigger('d', () => runs.push('d'), 10);
    timers.advance(20);
    assert.deepEqual(runs, ['b']);
    assert.equal(timers.pending, 0);
  });
});
