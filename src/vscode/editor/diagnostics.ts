/**
 * Problems as diagnostics: those of each needs file at their exact ranges (from
 * the store, unsaved edits included), the warning on each needs file that does
 * not count, and `@need` naming an unknown or a retired need in open
 * documents. Only open documents: scanning the workspace is the CLI's `check`.
 */
import * as vscode from 'vscode';
import { annotationProblems } from '../../core/annotationProblems';
import type { Problem } from '../../core/model';
import { toRange, lineRange } from '../convert';
import { DiagnosticCollection } from '../ids';
import { Disposable, KeyedDelayer } from '../lifecycle';
import type { DocumentLinks } from './documentLinks';
import type { NeedsStore } from '../needsStore';

export const DIAGNOSTIC_SOURCE = 'Outside-In';
/** Code is re-checked this long after the last keystroke. */
const TYPING_DELAY_MS = 250;

export class NeedsDiagnostics extends Disposable {
  private readonly pending = this._register(new KeyedDelayer<string>());
  private readonly collection = this._register(
    vscode.languages.createDiagnosticCollection(DiagnosticCollection.NeedsFiles),
  );
  private needsFiles = new Set<string>();

  constructor(
    private readonly store: NeedsStore,
    private readonly links: DocumentLinks,
  ) {
    super();
    this._register(store.onDidChange(() => this.refreshAll()));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.checkCode(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)));
    // The store fires once its first load is done; until then there is nothing to say.
  }

  private refreshAll(): void {
    const current = new Set<string>();
    for (const f of this.store.loaded) {
      current.add(f.uri.toString());
      this.collection.set(f.uri, f.result.problems.map(toDiagnostic));
    }
    // A needs file that does not count says so, where the user looks for it.
    for (const f of this.store.shadowed) {
      current.add(f.uri.toString());
      this.collection.set(f.uri, [toDiagnostic(f.problem)]);
    }
    for (const key of this.needsFiles) {
      if (!current.has(key)) this.collection.delete(vscode.Uri.parse(key, true));
    }
    this.needsFiles = current;
    for (const d of vscode.workspace.textDocuments) this.checkCode(d);
  }

  private later(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.needsFiles.has(key)) return; // the store reloads it and fires
    this.pending.trigger(
      key,
      () => {
        if (!document.isClosed) this.checkCode(document);
      },
      TYPING_DELAY_MS,
    );
  }

  private checkCode(document: vscode.TextDocument): void {
    if (this.needsFiles.has(document.uri.toString())) return;
    const { unknown, retired, governed } = this.links.get(document);
    if (!governed && unknown.length === 0) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(
      document.uri,
      annotationProblems(unknown, retired).map(({ rule, message, annotation: a }) => {
        const d = new vscode.Diagnostic(
          lineRange(a.line, a.start, a.end),
          message,
          vscode.DiagnosticSeverity.Error,
        );
        d.code = rule;
        d.source = DIAGNOSTIC_SOURCE;
        return d;
      }),
    );
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.pending.cancel(key);
    // A needs file's problems stay: they are about the file, open or not.
    if (!this.needsFiles.has(key)) this.collection.delete(document.uri);
  }
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    toRange(p.span),
    p.message,
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.code = p.rule;
  d.source = DIAGNOSTIC_SOURCE;
  return d;
}
