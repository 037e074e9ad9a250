/** Completion of need ids after `@need ` and after a comma in its list. */
import * as vscode from 'vscode';
import { annotationIdAt } from '../../core/annotations';
import { escapeMarkdown } from '../../core/markdown';
import type { Need } from '../../core/model';
import { lineRange } from '../convert';
import type { NeedsStore } from '../needsStore';

export class NeedIdCompletion implements vscode.CompletionItemProvider {
  static readonly triggers = [' ', ','];

  constructor(private readonly store: NeedsStore) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const at = annotationIdAt(document.lineAt(position.line).text, position.character);
    if (at === undefined) return undefined;
    await this.store.ready();
    const found = this.store.setFor(document.uri);
    if (found === undefined) return undefined;
    const range = {
      inserting: lineRange(position.line, at.start, position.character),
      replacing: lineRange(position.line, at.start, at.end),
    };
    // Nearest needs file first: an id it defines hides the same id further up.
    const seen = new Set<string>();
    const items: vscode.CompletionItem[] = [];
    for (const { scope } of found.set.scopesFor(found.path)) {
      for (const need of scope.index.file.needs) {
        if (need.status === 'retired' || seen.has(need.id)) continue;
        seen.add(need.id);
        items.push(completionItem(need, range));
      }
    }
    return items;
  }
}

function completionItem(
  need: Need,
  range: { inserting: vscode.Range; replacing: vscode.Range },
): vscode.CompletionItem {
  const item = new vscode.CompletionItem(need.id, vscode.CompletionItemKind.Reference);
  item.detail = need.title;
  item.range = range;
  const parts = [`**${need.priority}** · ${need.status}`];
  if (need.quote !== undefined && need.quote.trim() !== '')
    parts.unshift(`> “${escapeMarkdown(need.quote)}”`);
  const doc = new vscode.MarkdownString(parts.join('\n\n'));
  doc.isTrusted = false;
  doc.supportHtml = false;
  item.documentation = doc;
  return item;
}

export function registerCompletion(store: NeedsStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { scheme: '*' },
    new NeedIdCompletion(store),
    ...NeedIdCompletion.triggers,
  );
}
