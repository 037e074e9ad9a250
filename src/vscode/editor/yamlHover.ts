/** Hover on a need's id in the needs file: how much code links to it, from the workspace index. */
import * as vscode from 'vscode';
import { linkCountText } from '../../core/linkCounts';
import { codeSpan } from '../../core/markdown';
import type { Config } from '../config';
import { toRange } from '../convert';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';

export class NeedsFileHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: NeedsStore,
    private readonly index: WorkspaceIndex,
    private readonly config: Config,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    if (!this.config.settings.hoverEnabled) return undefined;
    await this.store.ready();
    const loaded = this.store.needsFileAt(document.uri);
    // The latest load's spans are those of the text on screen.
    const need = loaded?.result.file?.needs.find((n) => toRange(n.idSpan).contains(position));
    if (loaded === undefined || need === undefined) return undefined;
    const files = await this.index.linksOf(need.id, loaded.uri);
    const markdown = new vscode.MarkdownString(`${codeSpan(need.id)}: ${linkCountText(files)}`);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toRange(need.idSpan));
  }
}

export function registerNeedsFileHover(
  store: NeedsStore,
  index: WorkspaceIndex,
  config: Config,
): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: '*' },
    new NeedsFileHoverProvider(store, index, config),
  );
}
