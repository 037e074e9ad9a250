/**
 * The "Needs Health" view: how much of the needs file the code speaks for.
 * Weighted coverage first, then the needs no code relates to, then the busy
 * files no need relates to; each item opens what it names. Computed only
 * while the view is visible (VS Code asks for children then).
 */
import * as vscode from 'vscode';
import { commits, coverageSummary, noHotspots, percent } from '../../core/coverageRender';
import type { NeedCoverage } from '../../core/needsCoverage';
import { flat } from '../../core/markdown';
import { Command } from '../ids';
import type { FolderHealth } from './healthReport';

export type HealthNode =
  | { readonly kind: 'folder'; readonly health: FolderHealth }
  | { readonly kind: 'summary'; readonly health: FolderHealth }
  | { readonly kind: 'uncovered'; readonly health: FolderHealth }
  | { readonly kind: 'need'; readonly health: FolderHealth; readonly need: NeedCoverage }
  | { readonly kind: 'busy'; readonly health: FolderHealth }
  | { readonly kind: 'note'; readonly text: string; readonly tooltip?: string }
  | {
      readonly kind: 'hotspot';
      readonly health: FolderHealth;
      readonly file: string;
      readonly commits: number;
    };

export class HealthTreeProvider implements vscode.TreeDataProvider<HealthNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HealthNode | undefined>();
  readonly onDidChangeTreeData: vscode.Event<HealthNode | undefined> = this.changed.event;
  private current: Promise<FolderHealth[]> | undefined;

  constructor(private readonly compute: () => Promise<FolderHealth[]>) {}

  /** Drops the figures; the view asks again if it is visible. */
  refresh(): void {
    this.current = undefined;
    this.changed.fire(undefined);
  }

  /** The figures as the view shows them, computing them once per refresh. */
  reports(): Promise<FolderHealth[]> {
    this.current ??= this.compute().catch((e: unknown) => {
      this.current = undefined;
      throw e;
    });
    return this.current;
  }

  async getChildren(node?: HealthNode): Promise<HealthNode[]> {
    if (node === undefined) {
      const reports = await this.reports();
      if (reports.length === 0) return [];
      const only = reports[0];
      if (reports.length === 1 && only !== undefined) return sections(only);
      return reports.map((health) => ({ kind: 'folder', health }));
    }
    switch (node.kind) {
      case 'folder':
        return sections(node.health);
      case 'uncovered':
        return node.health.report.needs
          .filter((need) => need.files === 0)
          .map((need) => ({ kind: 'need', health: node.health, need }));
      case 'busy':
        return busy(node.health);
      default:
        return [];
    }
  }

  getTreeItem(node: HealthNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'folder':
        return item(node.health.folder.name, expanded, 'root-folder');
      case 'summary': {
        const r = node.health.report;
        const label =
          r.weightedCoverage === null
            ? 'No needs to cover'
            : `Weighted coverage ${percent(r.weight.covered, r.weight.total)}`;
        const it = item(label, vscode.TreeItemCollapsibleState.None, 'pie-chart');
        const have = r.needs.length - r.uncovered.length;
        it.description = `${have} of ${r.needs.length} needs have code`;
        it.tooltip = `${coverageSummary(r)}.`;
        return it;
      }
      case 'uncovered': {
        const n = node.health.report.uncovered.length;
        const it = item(
          'Needs no code relates to',
          n > 0 ? expanded : vscode.TreeItemCollapsibleState.None,
          n > 0 ? 'warning' : 'pass',
        );
        it.description = String(n);
        return it;
      }
      case 'need': {
        const it = item(
          flat(node.need.title),
          vscode.TreeItemCollapsibleState.None,
          'circle-outline',
        );
        it.description = `${node.need.priority} · ${node.need.id}`;
        it.tooltip = node.need.quote === undefined ? node.need.title : `“${flat(node.need.quote)}”`;
        it.command = {
          command: Command.OpenNeed,
          title: 'Open Need',
          arguments: [
            vscode.Uri.joinPath(node.health.folder.uri, node.need.needsFile),
            node.need.id,
          ],
        };
        return it;
      }
      case 'busy': {
        const h = node.health.report.history;
        const it = item('Busy code no need relates to', collapsed, 'flame');
        it.description = h.available ? `last ${h.days} days` : 'not checked';
        return it;
      }
      case 'note': {
        const it = item(node.text, vscode.TreeItemCollapsibleState.None, 'info');
        it.tooltip = node.tooltip ?? node.text;
        return it;
      }
      case 'hotspot': {
        const uri = vscode.Uri.joinPath(node.health.folder.uri, node.file);
        const it = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
        it.label = node.file;
        it.description = commits(node.commits);
        it.command = { command: 'vscode.open', title: 'Open File', arguments: [uri] };
        return it;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function sections(health: FolderHealth): HealthNode[] {
  return [
    { kind: 'summary', health },
    { kind: 'uncovered', health },
    { kind: 'busy', health },
  ];
}

function busy(health: FolderHealth): HealthNode[] {
  const r = health.report;
  if (!r.history.available)
    return [{ kind: 'note', text: `Not checked: ${r.history.reason ?? 'no git history'}` }];
  if (r.hotspots.length === 0)
    return [{ kind: 'note', text: `None: ${noHotspots(r.history.days)}` }];
  return r.hotspots.map((s) => ({ kind: 'hotspot', health, file: s.file, commits: s.commits }));
}

function item(
  label: string,
  state: vscode.TreeItemCollapsibleState,
  icon: string,
): vscode.TreeItem {
  const it = new vscode.TreeItem(label, state);
  it.iconPath = new vscode.ThemeIcon(icon);
  return it;
}
