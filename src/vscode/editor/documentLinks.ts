/**
 * The links of open documents, cached by document version: CodeLens and
 * diagnostics ask for the same document many times between edits, and
 * tokenizing a whole file per request would make typing sluggish. Dropped when
 * the needs change or the document closes.
 */
import * as vscode from 'vscode';
import type { UnknownAnnotation } from '../../core/match';
import type { ScopedLink } from '../../core/needsSet';
import { DisposableStore } from '../lifecycle';
import type { NeedsStore } from '../needsStore';

export interface DocumentLinksResult {
  /** Path links first, then line links in line order. */
  readonly links: readonly ScopedLink[];
  /** `@need` annotations naming an id no governing needs file knows. */
  readonly unknown: readonly UnknownAnnotation[];
  /** `@need` annotations naming a retired need (which links nothing). */
  readonly retired: readonly UnknownAnnotation[];
  /** Whether any needs file governs the document at all. */
  readonly governed: boolean;
}

const NONE: DocumentLinksResult = { links: [], unknown: [], retired: [], governed: false };

export class DocumentLinks implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; result: DocumentLinksResult }>();
  private readonly disposables = new DisposableStore();

  constructor(private readonly store: NeedsStore) {
    this.disposables.addAll(
      store.onDidChange(() => this.cache.clear()),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
    );
  }

  /** The links of `document` at its current version. */
  get(document: vscode.TextDocument): DocumentLinksResult {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.version === document.version) return cached.result;
    const result = this.compute(document);
    this.cache.set(key, { version: document.version, result });
    return result;
  }

  private compute(document: vscode.TextDocument): DocumentLinksResult {
    // A needs file names its own keywords: it is not code that serves them.
    if (this.store.needsFileAt(document.uri) !== undefined) return NONE;
    const found = this.store.setFor(document.uri);
    if (found === undefined || found.set.scopesFor(found.path).length === 0) return NONE;
    const unknown: UnknownAnnotation[] = [];
    const retired: UnknownAnnotation[] = [];
    const links = found.set.fileLinks(found.path, document.getText(), unknown, retired);
    return { links, unknown, retired, governed: true };
  }

  dispose(): void {
    this.disposables.dispose();
    this.cache.clear();
  }
}
