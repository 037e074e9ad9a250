/**
 * The features both entry points offer, wired to one store and one Host:
 * the desktop's (extension.ts) and the browser's (extensionWeb.ts) differ
 * only in their Host and in what needs Node. Each part goes into the
 * context's subscriptions as soon as it exists, so a failure part way
 * leaks none of those before it.
 */
import type * as vscode from 'vscode';
import { registerAuthoring } from './authoring/registerAuthoring';
import type { ChecklistFeature } from './checklist/commands';
import { registerChecklist } from './checklist/commands';
import { registerCommands } from './commands';
import { Config } from './config';
import { registerEditor } from './editor/registerEditor';
import type { Host } from './host';
import { NeedsStore } from './needsStore';
import type { Views } from './views';
import { registerViews } from './views';
import { WorkspaceIndex } from './workspaceIndex';

export interface Features {
  readonly config: Config;
  readonly store: NeedsStore;
  readonly checklist: ChecklistFeature;
  readonly views: Views;
}

export function registerFeatures(context: vscode.ExtensionContext, host: Host): Features {
  const subscribe = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const config = subscribe(new Config());
  const store = subscribe(new NeedsStore(config));
  const index = subscribe(new WorkspaceIndex(store, config, host));
  subscribe(registerEditor(store, config, index));
  subscribe(registerCommands(store));
  subscribe(registerAuthoring(store));
  const checklist = subscribe(
    registerChecklist(store, config, context.workspaceState, host.review),
  );
  const views = subscribe(registerViews(store, index, config, context.workspaceState, host));
  return { config, store, checklist, views };
}
