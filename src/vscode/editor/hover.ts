/**
 * Hover on code linked to a need, by an annotation (`@need id`) or by a
 * keyword: only on the matched text itself, so a line does not cry wolf on
 * every word, and never in text `outside-in instructions` generated (it
 * repeats every keyword). Matches the hovered line alone.
 */
import * as vscode from 'vscode';
import { needHoverMarkdown } from '../../core/present';
import { relatedNeeds } from '../../core/relatedNeeds';
import { Command } from '../ids';
import type { Config } from '../config';
import { lineRange } from '../convert';
import type { NeedsStore } from '../needsStore';
import { needsFileUri } from '../needsFileAccess';

export class NeedHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: NeedsStore,
    private readonly config: Config,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    if (!this.config.settings.hoverEnabled) return undefined;
    // Both read now, from the same version of the document.
    const line = document.lineAt(position.line).text;
    const text = document.getText();
    // The first hover can come before the needs files are loaded.
    await this.store.ready();
    if (this.store.needsFileAt(document.uri) !== undefined) return undefined;
    const found = this.store.setFor(document.uri);
    if (found === undefined) return undefined;
    const related = relatedNeeds(
      found.set,
      found.path,
      {
        line: position.line,
        lineText: line,
        character: position.character,
        text,
      },
      { minimum: this.config.settings.inlineMinimumPriority },
    );
    const first = related[0]?.reasons[0];
    if (first === undefined) return undefined;
    const { staleDays } = this.config.settings;
    const contents = related.map(({ need, needsFile, file, reasons }) => {
      const openLink = openNeedLink(needsFileUri(found.folder, needsFile), need.id);
      return trustedForOpenNeed(needHoverMarkdown(need, file, reasons, { staleDays, openLink }));
    });
    // The match of the need shown first: the most important one under the cursor.
    const range = lineRange(position.line, first.start ?? 0, first.end ?? 0);
    return new vscode.Hover(contents, range);
  }
}

/** A `command:` link that opens the need in its needs file. */
export function openNeedLink(needsFile: vscode.Uri, needId: string): string {
  const args = encodeURIComponent(JSON.stringify([needsFile.toString(), needId]));
  return `command:${Command.OpenNeed}?${args}`;
}

/**
 * Needs-file text is repository content: the core escaped all of it, HTML is
 * off, and the only command a link may run is our own "open the need".
 */
export function trustedForOpenNeed(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(text);
  markdown.isTrusted = { enabledCommands: [Command.OpenNeed] };
  markdown.supportHtml = false;
  return markdown;
}

export function registerHover(store: NeedsStore, config: Config): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: '*' },
    new NeedHoverProvider(store, config),
  );
}
