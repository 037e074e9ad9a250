/**
 * The checklist language-model tool: the needs a change touches, as the
 * Markdown a reviewer pastes into the pull request. The review open in the
 * Review Checklist when there is one (with the reviewer's ticks), else the
 * change `outside-in checklist` would review, built by the same node code.
 */
import * as vscode from 'vscode';
import { renderMarkdown } from '../../core/render';
import { reviewChecklist } from '../../node/reviewChecklist';
import type { ChecklistApi } from '../checklist/commands';
import type { Config } from '../config';
import { LanguageModelTool } from '../ids';

export interface ChecklistInput {
  readonly base?: string;
  readonly head?: string;
  readonly folder?: string;
}

export function registerChecklistTool(checklist: ChecklistApi, config: Config): vscode.Disposable {
  if (typeof vscode.lm?.registerTool !== 'function') return new vscode.Disposable(() => undefined);
  return vscode.lm.registerTool<ChecklistInput>(LanguageModelTool.Checklist, {
    prepareInvocation: () => ({ invocationMessage: 'Reading the review checklist of the change' }),
    invoke: async (options) =>
      new vscode.LanguageModelToolResult([
        new vscode.LanguageModelTextPart(await checklistAnswer(checklist, config, options.input)),
      ]),
  });
}

/** Errors are sentences the agent can act on, never exceptions. */
export async function checklistAnswer(
  open: ChecklistApi,
  config: Config,
  input: ChecklistInput,
): Promise<string> {
  const asked = input.base !== undefined || input.head !== undefined || input.folder !== undefined;
  const current = open.current();
  if (!asked && current.checklist !== undefined)
    return (
      'The review open in the Review Checklist, with the boxes the reviewer ticked:\n\n' +
      renderMarkdown(current.checklist, current.ticks)
    );
  // git reads the repository's own settings, which can run programs.
  if (!vscode.workspace.isTrusted)
    return 'This workspace is in Restricted Mode, where Outside-In does not run git: ask the user to trust the workspace, or to open the Review Checklist.';
  const folder = folderOf(input.folder);
  if (typeof folder === 'string') return folder;
  try {
    const review = await reviewChecklist({
      root: folder.uri.fsPath,
      base: input.base,
      head: input.head,
      load: { staleDays: config.settings.staleDays },
    });
    const notes = review.warnings.map((w) => `Note: ${w}.\n`).join('');
    return `${notes}${renderMarkdown(review.checklist)}`;
  } catch (e) {
    return `No checklist for ${folder.name}: ${(e as Error).message}`;
  }
}

/** The folder named by name or path, else the active editor's, else the only one. */
function folderOf(name: string | undefined): vscode.WorkspaceFolder | string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (name !== undefined && name !== '') {
    const found = folders.find((f) => f.name === name || f.uri.fsPath === name);
    return (
      found ?? `No workspace folder is named ${name}: ${folders.map((f) => f.name).join(', ')}.`
    );
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const here = active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active);
  if (here !== undefined) return here;
  const [only] = folders;
  if (only === undefined) return 'No folder is open in the editor.';
  if (folders.length > 1)
    return `Several folders are open (${folders.map((f) => f.name).join(', ')}): give folder.`;
  return only;
}
