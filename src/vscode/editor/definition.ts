/** Go to definition from the id in `@need id` to the need's `id:` in its needs file. */
import * as vscode from 'vscode';
import { annotationAt } from '../../core/annotations';
import { lineRange, toRange } from '../convert';
import type { NeedsStore } from '../needsStore';

export class NeedDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly store: NeedsStore) {}

  async provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.LocationLink[] | undefined> {
    const annotation = annotationAt(document.lineAt(position.line).text, position.character);
    if (annotation === undefined) return undefined;
    await this.store.ready();
    const found = this.store.findNeed(document.uri, annotation.id);
    if (found === undefined) return undefined;
    const range = toRange(found.need.idSpan);
    return [
      {
        originSelectionRange: lineRange(position.line, annotation.start, annotation.end),
        targetUri: found.needsFileUri,
        targetRange: toRange(found.need.span),
        targetSelectionRange: range,
      },
    ];
  }
}

export function registerDefinition(store: NeedsStore): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(
    { scheme: '*' },
    new NeedDefinitionProvider(store),
  );
}
