/**
 * Hover on code linked to a need, by an annotation (`@need id`) or by a
 * keyword: only on the matched text itself, so a line does not cry wolf on
 * every word. Computes the hovered line alone.
 */
import * as vscode from 'vscode';
import { atLeast, needHoverMarkdown, sortByPriority } from '../core/present';
import type { ScopedLink } from '../core/needsSet';
import { Command } from './commands';
import type { Config } from './config';
import { lineRange } from './convert';
import type { NeedsStore } from './needsStore';
import { needsFileUri } from './needsFileAccess';

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
    const line = document.lineAt(position.line).text;
    // The first hover can come before the needs files are loaded.
    await this.store.ready();
    if (this.store.needsFileAt(document.uri) !== undefined) return undefined;
    const found = this.store.setFor(document.uri);
    if (found === undefined) return undefined;
    const c = position.character;
    const minimum = this.config.settings.inlineMinimumPriority;
    const lineLinks = found.set.lineLinks(found.path, line, position.line);
    const here = lineLinks.filter(
      (l) =>
        l.start !== undefined &&
        l.end !== undefined &&
        c >= l.start &&
        c <= l.end &&
        atLeast(l.need.priority, minimum),
    );
    if (here.length === 0) return undefined;
    const pathLinks = found.set.pathLinks(found.path);
    const byNeed = new Map<string, ScopedLink[]>();
    for (const l of here) {
      const key = needKey(l);
      if (!byNeed.has(key)) byNeed.set(key, []);
    }
    // Every reason the need relates here: the matches under the cursor, the
    // rest of the line, and the file's path.
    for (const l of [...here, ...lineLinks, ...pathLinks]) byNeed.get(needKey(l))?.push(l);
    const { staleDays } = this.config.settings;
    const contents = sortByPriority(
      [...byNeed.values()].map((links) => ({ ...(links[0] as ScopedLink).need, links })),
    ).map(({ links }) => {
      const first = links[0] as ScopedLink;
      const uri = needsFileUri(found.folder, first.needsFile);
      const file = found.set.scopes.find((s) => s.needsFile === first.needsFile)?.index.file;
      const text =
        file === undefined
          ? ''
          : needHoverMarkdown(first.need, file, links, {
              staleDays,
              openLink: openNeedLink(uri, first.needId),
            });
      return trustedForOpenNeed(text);
    });
    const first = here[0] as ScopedLink;
    const range = lineRange(position.line, first.start ?? 0, first.end ?? 0);
    return new vscode.Hover(contents, range);
  }
}

function needKey(l: ScopedLink): string {
  return `${l.needsFile}\u0000${l.needId}`;
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
