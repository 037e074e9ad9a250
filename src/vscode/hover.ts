/** Hover on a `@need id` annotation: the need's title, priority and the customer's words. */
import * as vscode from 'vscode';
import { annotationAt } from '../core/annotations';
import { needHoverMarkdown } from './markdown';
import type { NeedsStore } from './needsStore';

export class NeedHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: NeedsStore) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const annotation = annotationAt(line, position.character);
    if (annotation === undefined) return undefined;
    // The first hover can come before the needs files are loaded.
    await this.store.ready();
    const need = this.store.findNeed(document.uri, annotation.id);
    if (need === undefined) return undefined;
    const markdown = new vscode.MarkdownString(needHoverMarkdown(need));
    // Needs-file text is repository content: no command links, no HTML.
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    const range = new vscode.Range(position.line, annotation.start, position.line, annotation.end);
    return new vscode.Hover(markdown, range);
  }
}

export function registerHover(store: NeedsStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ scheme: '*' }, new NeedHoverProvider(store));
}
