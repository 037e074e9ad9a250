/** The code-side features (hover, CodeLens, diagnostics, navigation, completion), wired to one store. */
import * as vscode from 'vscode';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import type { Config } from '../config';
import { registerDefinition } from './definition';
import { NeedsDiagnostics } from './diagnostics';
import { DocumentLinks } from './documentLinks';
import { registerHover } from './hover';
import type { NeedsStore } from '../needsStore';
import { registerQuickFix } from './quickFix';
import { registerReferences } from './references';
import type { WorkspaceIndex } from '../workspaceIndex';
import { registerNeedsFileHover } from './yamlHover';

export function registerEditor(
  store: NeedsStore,
  config: Config,
  index: WorkspaceIndex,
): vscode.Disposable {
  const links = new DocumentLinks(store);
  return vscode.Disposable.from(
    links,
    registerHover(store, config),
    registerNeedsFileHover(store, index, config),
    registerCodeLens(store, config, links),
    new NeedsDiagnostics(store, links),
    registerQuickFix(store),
    registerDefinition(store),
    registerReferences(store, index),
    registerCompletion(store),
  );
}
