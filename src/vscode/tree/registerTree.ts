/**
 * Wires the "Customer Needs" view: its TreeView, the title-bar toggles
 * (grouping, active-file filter) with the context keys that swap their icons,
 * and the refreshes on store, index, settings and editor changes.
 */
import * as vscode from 'vscode';
import type { GroupBy } from '../../core/needsGroups';
import type { Config } from '../config';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';
import { NeedsTreeProvider } from './needsTree';

export const NEEDS_VIEW = 'outside-in.needs';

export enum SidebarCommand {
  GroupByPersona = 'outside-in.sidebar.groupByPersona',
  GroupByPriority = 'outside-in.sidebar.groupByPriority',
  ShowActiveFileOnly = 'outside-in.sidebar.showActiveFileOnly',
  ShowAllNeeds = 'outside-in.sidebar.showAllNeeds',
}

const GROUP_BY_KEY = 'outside-in.sidebar.groupBy';
const ACTIVE_FILE_KEY = 'outside-in.sidebar.activeFileOnly';
/** Typing in the filtered file re-reads its links this long after the last keystroke. */
const TYPING_DELAY_MS = 300;
/** The index fires on every file change in the workspace: coalesce those refreshes. */
const INDEX_DELAY_MS = 500;

export function registerNeedsTree(
  store: NeedsStore,
  index: WorkspaceIndex,
  config: Config,
  state: vscode.Memento,
): { provider: NeedsTreeProvider; disposable: vscode.Disposable } {
  const saved = state.get<GroupBy>(GROUP_BY_KEY);
  const provider = new NeedsTreeProvider(
    store,
    index,
    config,
    saved === 'persona' ? 'persona' : 'priority',
  );
  const view = vscode.window.createTreeView(NEEDS_VIEW, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });

  const describe = (): void => {
    const document = provider.filterDocument;
    view.description = provider.activeFileOnly
      ? document
        ? vscode.workspace.asRelativePath(document.uri, false)
        : 'no active file'
      : undefined;
  };
  const refresh = (): void => {
    provider.refresh();
    describe();
  };
  const setGroupBy = async (groupBy: GroupBy): Promise<void> => {
    provider.groupBy = groupBy;
    await state.update(GROUP_BY_KEY, groupBy);
    await vscode.commands.executeCommand('setContext', GROUP_BY_KEY, groupBy);
  };
  const setActiveFileOnly = async (on: boolean): Promise<void> => {
    provider.activeFileOnly = on;
    describe();
    await vscode.commands.executeCommand('setContext', ACTIVE_FILE_KEY, on);
  };
  void vscode.commands.executeCommand('setContext', GROUP_BY_KEY, provider.groupBy);
  void vscode.commands.executeCommand('setContext', ACTIVE_FILE_KEY, false);

  let typing: ReturnType<typeof setTimeout> | undefined;
  let indexing: ReturnType<typeof setTimeout> | undefined;
  const later = (
    timer: ReturnType<typeof setTimeout> | undefined,
    ms: number,
  ): ReturnType<typeof setTimeout> => {
    if (timer !== undefined) clearTimeout(timer);
    return setTimeout(refresh, ms);
  };

  const disposable = vscode.Disposable.from(
    provider,
    view,
    vscode.commands.registerCommand(SidebarCommand.GroupByPersona, () => setGroupBy('persona')),
    vscode.commands.registerCommand(SidebarCommand.GroupByPriority, () => setGroupBy('priority')),
    vscode.commands.registerCommand(SidebarCommand.ShowActiveFileOnly, () =>
      setActiveFileOnly(true),
    ),
    vscode.commands.registerCommand(SidebarCommand.ShowAllNeeds, () => setActiveFileOnly(false)),
    store.onDidChange(refresh),
    config.onDidChange(refresh),
    index.onDidChange(() => {
      indexing = later(indexing, INDEX_DELAY_MS);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      if (provider.activeFileOnly) refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (provider.activeFileOnly && e.document === provider.filterDocument)
        typing = later(typing, TYPING_DELAY_MS);
    }),
    { dispose: () => [typing, indexing].forEach((t) => t !== undefined && clearTimeout(t)) },
  );
  return { provider, disposable };
}
