/**
 * Wires the "Customer Needs" view: its TreeView, the title-bar toggles
 * (grouping, active-file filter) with the context keys that swap their icons,
 * and the refreshes on store, index, settings and editor changes.
 */
import * as vscode from 'vscode';
import type { GroupBy } from '../../core/needsGroups';
import type { Config } from '../config';
import { Command, ContextKey, StorageKey, View } from '../ids';
import { Delayer, DisposableStore } from '../lifecycle';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';
import { NeedsTreeProvider } from './needsTree';

/** Typing in the filtered file re-reads its links this long after the last keystroke. */
const TYPING_DELAY_MS = 300;
/** The index fires on every file change in the workspace: coalesce those refreshes. */
const INDEX_DELAY_MS = 500;

/** The registered view; disposing it ends every registration. */
export class NeedsTreeView extends DisposableStore {
  constructor(readonly provider: NeedsTreeProvider) {
    super();
  }
}

export function registerNeedsTree(
  store: NeedsStore,
  index: WorkspaceIndex,
  config: Config,
  state: vscode.Memento,
): NeedsTreeView {
  const saved = state.get<GroupBy>(StorageKey.SidebarGroupBy);
  const provider = new NeedsTreeProvider(
    store,
    index,
    config,
    saved === 'persona' ? 'persona' : 'priority',
  );
  const view = vscode.window.createTreeView(View.Needs, {
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
    await state.update(StorageKey.SidebarGroupBy, groupBy);
    await vscode.commands.executeCommand('setContext', ContextKey.SidebarGroupBy, groupBy);
  };
  const setActiveFileOnly = async (on: boolean): Promise<void> => {
    provider.activeFileOnly = on;
    describe();
    await vscode.commands.executeCommand('setContext', ContextKey.SidebarActiveFileOnly, on);
  };
  void vscode.commands.executeCommand('setContext', ContextKey.SidebarGroupBy, provider.groupBy);
  void vscode.commands.executeCommand('setContext', ContextKey.SidebarActiveFileOnly, false);

  const registered = new NeedsTreeView(provider);
  const typing = new Delayer();
  const indexing = new Delayer();
  registered.addAll(
    provider,
    view,
    vscode.commands.registerCommand(Command.GroupByPersona, () => setGroupBy('persona')),
    vscode.commands.registerCommand(Command.GroupByPriority, () => setGroupBy('priority')),
    vscode.commands.registerCommand(Command.ShowActiveFileOnly, () => setActiveFileOnly(true)),
    vscode.commands.registerCommand(Command.ShowAllNeeds, () => setActiveFileOnly(false)),
    store.onDidChange(refresh),
    config.onDidChange(refresh),
    index.onDidChange(() => indexing.trigger(refresh, INDEX_DELAY_MS)),
    vscode.window.onDidChangeActiveTextEditor(() => {
      if (provider.activeFileOnly) refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (provider.activeFileOnly && e.document === provider.filterDocument)
        typing.trigger(refresh, TYPING_DELAY_MS);
    }),
    typing,
    indexing,
  );
  return registered;
}
