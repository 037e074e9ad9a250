/**
 * Find references of a need, from its id in the needs file or from `@need id`
 * in code: every annotation and keyword hit across the workspace, from the
 * workspace index (built once, with progress, by the CLI's own scan).
 */
import * as vscode from 'vscode';
import { lineRange, toRange } from '../convert';
import { needAt } from './needAt';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';

export class NeedReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly store: NeedsStore,
    private readonly index: WorkspaceIndex,
  ) {}

  async provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): Promise<vscode.Location[] | undefined> {
    await this.store.ready();
    const at = needAt(this.store, document, position);
    if (at === undefined) return undefined;
    const out: vscode.Location[] = [];
    if (context.includeDeclaration)
      out.push(new vscode.Location(at.needsFileUri, toRange(at.need.idSpan)));
    for (const file of await this.index.linksOf(at.need.id, at.needsFileUri)) {
      for (const l of file.links) {
        // Path links relate a whole file, not a place in it: not a reference.
        if (l.line === undefined) continue;
        out.push(new vscode.Location(file.uri, lineRange(l.line, l.start ?? 0, l.end ?? 0)));
      }
    }
    return out;
  }
}

export function registerReferences(store: NeedsStore, index: WorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(
    { scheme: '*' },
    new NeedReferenceProvider(store, index),
  );
}
