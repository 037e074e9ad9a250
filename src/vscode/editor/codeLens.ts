/**
 * CodeLens: at the top of a file, the needs linked to the whole file by path;
 * above a function, method or class, the needs its lines touch by keyword or
 * annotation. Clicking one lists those needs; picking one opens it.
 */
import * as vscode from 'vscode';
import { escapeIconSyntax } from '../../core/iconSyntax';
import type { Container } from '../../core/lensTargets';
import { groupByContainer } from '../../core/lensTargets';
import type { ScopedLink } from '../../core/needsSet';
import { atLeast, needsLabel } from '../../core/present';
import { needsOfLinks } from '../../core/relatedNeeds';
import type { NeedRef } from '../commands';
import { Command } from '../ids';
import type { Config } from '../config';
import type { DocumentLinks } from './documentLinks';
import type { NeedsStore } from '../needsStore';
import { needsFileUri } from '../needsFileAccess';

/** The symbol kinds a lens can sit above: where a reader thinks "this code". */
const CONTAINER_KINDS = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Constructor,
  vscode.SymbolKind.Class,
]);

export class NeedsCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses: vscode.Event<void> = this.changed.event;

  constructor(
    private readonly store: NeedsStore,
    private readonly config: Config,
    private readonly links: DocumentLinks,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Asks VS Code to ask again: the needs or the settings changed. */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeLens[]> {
    if (!this.config.settings.codeLensEnabled) return [];
    await this.store.ready();
    const found = this.store.setFor(document.uri);
    if (found === undefined) return [];
    const minimum = this.config.settings.inlineMinimumPriority;
    const all = this.links.get(document).links.filter((l) => atLeast(l.need.priority, minimum));
    if (all.length === 0) return [];
    const lenses: vscode.CodeLens[] = [];
    const toLens = (line: number, links: readonly ScopedLink[]): vscode.CodeLens => {
      const related = needsOfLinks(found.set, links);
      const refs: NeedRef[] = related.map((r) => ({
        needsFile: needsFileUri(found.folder, r.needsFile).toString(),
        id: r.need.id,
      }));
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        // VS Code renders `$(icon)` in a CodeLens title: the need's title must show as written.
        title: `Customer needs: ${escapeIconSyntax(needsLabel(related.map((r) => r.need)))}`,
        tooltip: 'Show the customer needs this code serves',
        command: Command.ShowNeedsQuickPick,
        arguments: [refs],
      });
    };
    const byPath = all.filter((l) => l.rule === 'path');
    if (byPath.length > 0) lenses.push(toLens(0, byPath));

    const lineLinks = all.filter(
      (l): l is ScopedLink & { line: number } => l.rule !== 'path' && l.line !== undefined,
    );
    if (lineLinks.length === 0) return lenses;
    const symbols = await vscode.commands.executeCommand<
      (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined
    >('vscode.executeDocumentSymbolProvider', document.uri);
    if (token.isCancellationRequested) return lenses;
    const containers = toContainers(symbols ?? []);
    const text = (line: number): string | undefined =>
      line < document.lineCount ? document.lineAt(line).text : undefined;
    for (const group of groupByContainer(containers, lineLinks, text)) {
      lenses.push(toLens(group.container.startLine, group.items));
    }
    return lenses;
  }
}

/** Document symbols (a tree) or symbol information (flat) as containers, nested. */
function toContainers(
  symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[],
): Container[] {
  const out: Container[] = [];
  for (const s of symbols) {
    const range = 'location' in s ? s.location.range : s.range;
    const children = 'children' in s ? toContainers(s.children) : [];
    if (CONTAINER_KINDS.has(s.kind))
      out.push({ startLine: range.start.line, endLine: range.end.line, children });
    // A container inside a non-container (a function in a variable) still counts.
    else out.push(...children);
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

export function registerCodeLens(
  store: NeedsStore,
  config: Config,
  links: DocumentLinks,
): vscode.Disposable {
  const provider = new NeedsCodeLensProvider(store, config, links);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerCodeLensProvider({ scheme: '*' }, provider),
    store.onDidChange(() => provider.refresh()),
    config.onDidChange(() => provider.refresh()),
  );
}
