/**
 * The checklist's state: what is being reviewed, the Checklist the core built
 * for it, and the reviewer's ticks. Ticks and choices persist in the
 * workspace's Memento (workspaceState), written on every tick, so they survive
 * a window reload.
 */
import * as vscode from 'vscode';
import type { Checklist } from '../../core/checklist';
import { buildChecklist, questionKey } from '../../core/checklist';
import type { NeedChanges } from '../../core/needChanges';
import type { NeedsSet } from '../../core/needsSet';
import type { HeadLink } from '../../core/suspects';
import { withNeedChanges } from '../../core/suspects';
import type { Config } from '../config';
import { StorageKey } from '../ids';
import { Delayer, DisposableStore } from '../lifecycle';
import type { NeedsStore } from '../needsStore';
import type { ReviewedChange, ReviewRepository, ReviewSource } from './reviewSource';
import { ReviewError } from './reviewSource';
import type { ReviewChoice } from './target';
import { asChoice, reviewKey } from './target';

/** Persisted ticks: one key per review, holding the ticked `questionKey`s. */
export class TickStore {
  constructor(private readonly memento: vscode.Memento) {}

  get(review: string): ReadonlySet<string> {
    const stored = this.memento.get<unknown>(StorageKey.ChecklistTicksPrefix + review);
    return new Set(Array.isArray(stored) ? stored.filter((k) => typeof k === 'string') : []);
  }

  async set(review: string, key: string, ticked: boolean): Promise<ReadonlySet<string>> {
    const ticks = new Set(this.get(review));
    if (ticked) ticks.add(key);
    else ticks.delete(key);
    await this.memento.update(
      StorageKey.ChecklistTicksPrefix + review,
      ticks.size === 0 ? undefined : [...ticks].sort(),
    );
    return ticks;
  }

  async clear(review: string): Promise<void> {
    await this.memento.update(StorageKey.ChecklistTicksPrefix + review, undefined);
  }
}

/** The last choice per repository, and which folder was reviewed last (restored after a reload). */
export class ChoiceStore {
  constructor(private readonly memento: vscode.Memento) {}

  choice(repoRoot: string): ReviewChoice | undefined {
    return asChoice(this.memento.get<unknown>(StorageKey.ChecklistChoicePrefix + repoRoot));
  }

  /** The review shown last in this workspace, if any. */
  last(): { folder: vscode.Uri; choice: ReviewChoice } | undefined {
    const last = this.memento.get<{ folder?: unknown; choice?: unknown }>(StorageKey.ChecklistLast);
    const choice = asChoice(last?.choice);
    if (typeof last?.folder !== 'string' || choice === undefined) return undefined;
    return { folder: vscode.Uri.parse(last.folder), choice };
  }

  async remember(folder: vscode.Uri, repoRoot: string, choice: ReviewChoice): Promise<void> {
    await this.memento.update(StorageKey.ChecklistChoicePrefix + repoRoot, choice);
    await this.memento.update(StorageKey.ChecklistLast, { folder: folder.toString(), choice });
  }
}

export interface Review {
  readonly folder: vscode.WorkspaceFolder;
  readonly repo: ReviewRepository;
  readonly choice: ReviewChoice;
  /** The key of this review's ticks (repository, base, head branch). */
  readonly key: string;
  readonly change: ReviewedChange;
  /** What the change did to the needs, read with the change (see ReviewGit.needChanges). */
  readonly needChanges: ReviewedNeedChanges;
  readonly checklist: Checklist;
}

export interface ReviewedNeedChanges {
  readonly changes: NeedChanges;
  readonly found: readonly HeadLink[];
  /** The needs at HEAD when HEAD is a commit; at the working tree, the store's are current. */
  readonly set: NeedsSet;
}

/** What the view shows: a review, a failure, or (before the first command) nothing. */
export interface ChecklistState {
  readonly review?: Review;
  readonly ticks: ReadonlySet<string>;
  readonly error?: string;
  readonly loading: boolean;
}

export class ChecklistModel implements vscode.Disposable {
  private state: ChecklistState = { ticks: new Set(), loading: false };
  private readonly changed = new vscode.EventEmitter<ChecklistState>();
  private readonly disposables = new DisposableStore();
  private headWatch: vscode.Disposable | undefined;
  private running: AbortController | undefined;
  readonly ticks: TickStore;
  readonly choices: ChoiceStore;
  readonly onDidChange: vscode.Event<ChecklistState> = this.changed.event;

  constructor(
    memento: vscode.Memento,
    private readonly store: NeedsStore,
    private readonly config: Config,
    readonly git: ReviewSource,
  ) {
    this.ticks = new TickStore(memento);
    this.choices = new ChoiceStore(memento);
    // A needs-file edit changes the needs, not the diff: rebuild from the diff we have.
    this.disposables.addAll(
      this.changed,
      store.onDidChange(() => this.rebuild()),
      config.onDidChange(() => this.rebuild()),
    );
  }

  get current(): ChecklistState {
    return this.state;
  }

  /**
   * Computes the review of `choice` in `folder`. `progress` wraps the slow part
   * (git diff) and may cancel it through the signal it is given.
   */
  async load(
    folder: vscode.WorkspaceFolder,
    choice: ReviewChoice,
    withProgress: <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<T> = (w) =>
      w(new AbortController().signal),
  ): Promise<ChecklistState> {
    this.running?.abort();
    const mine = new AbortController();
    this.running = mine;
    this.set({ ...this.state, loading: true });
    try {
      const repo = await this.git.repository(folder.uri);
      await this.choices.remember(folder.uri, repo.root, choice);
      const { change, needChanges } = await withProgress(async (signal) => {
        const both = AbortSignal.any([signal, mine.signal]);
        const change = await this.git.change(folder.uri, choice, both);
        await this.store.ready();
        const set = this.setOf(folder);
        const needChanges = await this.git.needChanges(change, set, both);
        return { change, needChanges };
      });
      const key = reviewKey(repo.root, change.labels.base, change.labels.head);
      const checklist = this.build(folder, change, needChanges);
      if (this.running !== mine) return this.state;
      if (this.state.review?.repo.root !== repo.root) this.watchHead(repo);
      this.set({
        review: { folder, repo, choice, key, change, needChanges, checklist },
        ticks: this.ticks.get(key),
        loading: false,
      });
    } catch (e) {
      if (this.running !== mine) return this.state;
      if (e instanceof ReviewError && e.cancelled) {
        this.set({ ...this.state, loading: false });
      } else {
        const message = e instanceof Error ? e.message : String(e);
        this.set({ ticks: new Set(), error: message, loading: false });
      }
    } finally {
      if (this.running === mine) this.running = undefined;
    }
    return this.state;
  }

  /** Shows `message` in place of the checklist: no review could start. */
  fail(message: string): void {
    this.running?.abort();
    this.set({ ticks: new Set(), error: message, loading: false });
  }

  /** Runs the current review again (HEAD moved, or the reviewer asked). */
  async refresh(): Promise<ChecklistState> {
    const review = this.state.review;
    if (review === undefined) return this.state;
    return this.load(review.folder, review.choice);
  }

  async setTick(needId: string, question: string, ticked: boolean): Promise<void> {
    const review = this.state.review;
    if (review === undefined) return;
    const ticks = await this.ticks.set(review.key, questionKey(needId, question), ticked);
    if (this.state.review === review) this.set({ ...this.state, ticks });
  }

  async reset(): Promise<void> {
    const review = this.state.review;
    if (review === undefined) return;
    await this.ticks.clear(review.key);
    if (this.state.review === review) this.set({ ...this.state, ticks: new Set() });
  }

  dispose(): void {
    this.running?.abort();
    this.headWatch?.dispose();
    this.disposables.dispose();
  }

  private setOf(folder: vscode.WorkspaceFolder): NeedsSet {
    const set = this.store
      .folderSets()
      .find((f) => f.folder.uri.toString() === folder.uri.toString())?.set;
    if (set === undefined) throw new ReviewError(`No needs loaded for ${folder.name}.`);
    return set;
  }

  private build(
    folder: vscode.WorkspaceFolder,
    change: ReviewedChange,
    needs: ReviewedNeedChanges,
  ): Checklist {
    const set = this.setOf(folder);
    const revs = { base: change.base, head: change.head };
    const options = { staleDays: this.config.settings.staleDays };
    const atCommit = change.head !== 'WORKTREE' && change.head !== 'INDEX';
    return withNeedChanges(
      buildChecklist(set, change.files, revs, options),
      atCommit ? needs.set : set,
      needs.changes,
      needs.found,
      options,
    );
  }

  private rebuild(): void {
    const review = this.state.review;
    if (review === undefined) return;
    try {
      const checklist = this.build(review.folder, review.change, review.needChanges);
      this.set({ ...this.state, review: { ...review, checklist } });
    } catch (e) {
      this.set({
        ticks: new Set(),
        error: e instanceof Error ? e.message : String(e),
        loading: false,
      });
    }
  }

  private watchHead(repo: ReviewRepository): void {
    this.headWatch?.dispose();
    const burst = new DisposableStore();
    // A checkout touches HEAD and refs together: one refresh for the burst.
    const delayer = burst.add(new Delayer());
    burst.add(this.git.watchHead(repo, () => delayer.trigger(() => void this.refresh(), 300)));
    this.headWatch = burst;
  }

  private set(state: ChecklistState): void {
    this.state = state;
    this.changed.fire(state);
  }
}
