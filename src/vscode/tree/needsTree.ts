/**
 * The "Customer Needs" view: a TreeDataProvider over the store (needs) and the
 * workspace index (their code), grouped by priority or persona, optionally
 * narrowed to the needs the active editor's file relates to.
 */
import * as vscode from 'vscode';
import type { GroupBy } from '../../core/needsGroups';
import { needBadge, needDescription } from '../../core/needsGroups';
import { flat } from '../../core/markdown';
import { reasonPhrase } from '../../core/phrases';
import { needHoverMarkdown } from '../../core/present';
import { Command } from '../ids';
import type { Config } from '../config';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { NeedsNode, TreeState } from './needsModel';
import { childNodes, needKeysOf, nodeId, rootNodes } from './needsModel';

export class NeedsTreeProvider implements vscode.TreeDataProvider<NeedsNode>, vscode.Disposable {
  private groupByValue: GroupBy;
  private activeFileOnlyValue = false;
  private readonly changed = new vscode.EventEmitter<NeedsNode | undefined>();
  readonly onDidChangeTreeData: vscode.Event<NeedsNode | undefined> = this.changed.event;

  constructor(
    private readonly store: NeedsStore,
    private readonly index: WorkspaceIndex,
    private readonly config: Config,
    groupBy: GroupBy = 'priority',
  ) {
    this.groupByValue = groupBy;
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }

  set groupBy(value: GroupBy) {
    this.groupByValue = value;
    this.refresh();
  }

  /** Whether only the needs of the active editor's file are shown. */
  get activeFileOnly(): boolean {
    return this.activeFileOnlyValue;
  }

  set activeFileOnly(value: boolean) {
    this.activeFileOnlyValue = value;
    this.refresh();
  }

  /** The document the filter narrows to, when it is on and an editor is active. */
  get filterDocument(): vscode.TextDocument | undefined {
    return this.activeFileOnlyValue ? vscode.window.activeTextEditor?.document : undefined;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: NeedsNode): vscode.ProviderResult<NeedsNode[]> {
    if (node !== undefined) return childNodes(node, this.index);
    return rootNodes(this.store, this.state());
  }

  private state(): TreeState {
    if (!this.activeFileOnlyValue) return { groupBy: this.groupByValue };
    const document = vscode.window.activeTextEditor?.document;
    return {
      groupBy: this.groupByValue,
      only: document ? needKeysOf(this.store, document) : new Set(),
    };
  }

  getTreeItem(node: NeedsNode): vscode.TreeItem {
    const item = this.itemFor(node);
    item.id = nodeId(node);
    return item;
  }

  private itemFor(node: NeedsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(
          node.group.label,
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.description = `${node.group.needs.length}`;
        item.contextValue = 'group';
        return item;
      }
      case 'need':
        return this.needItem(node);
      case 'file': {
        const lines = node.links.filter((l) => l.line !== undefined).length;
        const item = new vscode.TreeItem(
          node.uri,
          lines > 0
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.None,
        );
        item.label = vscode.workspace.asRelativePath(node.uri, false);
        const whole = node.links.find((l) => l.rule === 'path');
        item.description = [
          whole ? `whole file (${reasonPhrase(whole, 'text')})` : '',
          lines > 0 ? `${lines} ${lines === 1 ? 'line' : 'lines'}` : '',
        ]
          .filter((p) => p !== '')
          .join(' · ');
        item.command = { command: 'vscode.open', title: 'Open File', arguments: [node.uri] };
        item.contextValue = 'file';
        return item;
      }
      case 'line': {
        const line = node.link.line ?? 0;
        const item = new vscode.TreeItem(`Line ${line + 1}`, vscode.TreeItemCollapsibleState.None);
        item.description = reasonPhrase(node.link, 'text');
        const selection = new vscode.Range(
          line,
          node.link.start ?? 0,
          line,
          node.link.end ?? node.link.start ?? 0,
        );
        item.command = {
          command: 'vscode.open',
          title: 'Open at Line',
          arguments: [node.uri, { selection } satisfies vscode.TextDocumentShowOptions],
        };
        item.contextValue = 'line';
        return item;
      }
      case 'empty':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  private needItem(node: Extract<NeedsNode, { kind: 'need' }>): vscode.TreeItem {
    const { need, file, source } = node.filed;
    const options = { staleDays: this.config.settings.staleDays };
    const badge = needBadge(need, options);
    const item = new vscode.TreeItem(
      flat(need.title),
      need.status === 'retired'
        ? vscode.TreeItemCollapsibleState.None
        : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.description = needDescription(need, badge);
    // Needs-file text is untrusted: escaped by the core, and no command links or HTML.
    const tooltip = new vscode.MarkdownString(needHoverMarkdown(need, file, [], options));
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    item.iconPath = badge.warning
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(need.status === 'retired' ? 'archive' : 'person');
    item.command = { command: Command.OpenNeed, title: 'Open Need', arguments: [source, need.id] };
    item.contextValue = `need.${need.status}${badge.warning ? '.warning' : ''}`;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
