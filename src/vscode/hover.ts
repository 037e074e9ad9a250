/** Hover on a `@need id` annotation: the need's title, priority and the customer's words. */
import * as vscode from 'vscode';
import { annotationAt } from '../core/annotations';
import { DEFAULT_STALE_DAYS } from '../core/load';
import { needHoverMarkdown } from '../core/present';
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
    const found = this.store.findNeed(document.uri, annotation.id);
    if (found === undefined) return undefined;
    const text = needHoverMarkdown(
      found.need,
      found.file,
      [{ rule: 'annotation', match: annotation.id }],
      {
        staleDays: DEFAULT_STALE_DAYS,
      },
    );
    // The core escaped every needs-file text in it.
    const markdown = new vscode.MarkdownString(text);
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
