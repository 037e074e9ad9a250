/**
 * Language-model tools: the chat's agents ask the store the questions a
 * developer asks with a hover, and get the same answer as compact text.
 * Read-only and local, so VS Code runs them without a confirmation.
 */
import * as vscode from 'vscode';
import { needListText, relatedNeedsText } from '../../core/agentText';
import { PRIORITIES, STATUSES } from '../../core/model';
import type { Priority, Status } from '../../core/model';
import { listNeeds } from '../../core/needsCatalog';
import type { NeedFilter } from '../../core/needsCatalog';
import { relatedNeeds } from '../../core/relatedNeeds';
import type { Config } from '../config';
import { LanguageModelTool } from '../ids';
import type { NeedsStore } from '../needsStore';

interface RelatedInput {
  readonly path?: string;
  readonly line?: number;
  readonly endLine?: number;
}

interface FindInput {
  readonly text?: string;
  readonly persona?: string;
  readonly priority?: string;
  readonly status?: string;
}

/** Registers the tools where the editor has the language-model API. */
export function registerLanguageModelTools(store: NeedsStore, config: Config): vscode.Disposable {
  // VS Code for the web and older hosts have no vscode.lm.registerTool.
  if (typeof vscode.lm?.registerTool !== 'function') return new vscode.Disposable(() => undefined);
  return vscode.Disposable.from(
    vscode.lm.registerTool<RelatedInput>(LanguageModelTool.RelatedNeeds, {
      prepareInvocation: (options) => ({
        invocationMessage: `Reading the customer needs of ${options.input.path ?? 'the active editor'}`,
      }),
      invoke: async (options) => textResult(await relatedAnswer(store, config, options.input)),
    }),
    vscode.lm.registerTool<FindInput>(LanguageModelTool.FindNeeds, {
      prepareInvocation: () => ({ invocationMessage: 'Looking up customer needs' }),
      invoke: async (options) => textResult(await findAnswer(store, options.input)),
    }),
  );
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/**
 * Errors are answers the model can act on, not exceptions: VS Code would show
 * an exception to the user, while a sentence lets the agent correct its call.
 */
async function relatedAnswer(
  store: NeedsStore,
  config: Config,
  input: RelatedInput,
): Promise<string> {
  await store.ready();
  const target = await resolveTarget(input);
  if (typeof target === 'string') return target;
  const { uri, first, last } = target;
  const found = store.setFor(uri);
  if (found === undefined)
    return `${uri.fsPath} is not inside a workspace folder with a needs file.`;
  if (store.needsFileAt(uri) !== undefined)
    return `${found.path} is a needs file: its needs are what other files relate to. Use the find-needs tool to read them.`;
  const where =
    first === undefined
      ? found.path
      : `${found.path}:${first + 1}${last !== first ? `-${(last ?? first) + 1}` : ''}`;
  const excluded = found.set.excludedBy(found.path);
  if (excluded !== undefined)
    return `${where} is excluded by ${excluded.needsFile}:${excluded.span.start.line + 1} (${excluded.glob}): no need is linked to it.`;

  let text: string;
  try {
    text = (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    return `${found.path} cannot be read as text.`;
  }
  const lines = first === undefined ? {} : { first, last };
  return relatedNeedsText(where, relatedNeeds(found.set, found.path, { text, ...lines }), {
    staleDays: config.settings.staleDays,
  });
}

/** The file and 0-based lines the tool was asked about: the input, else the active editor. */
async function resolveTarget(
  input: RelatedInput,
): Promise<{ uri: vscode.Uri; first?: number; last?: number } | string> {
  const lines = (start?: number, end?: number): { first?: number; last?: number } | string => {
    if (start === undefined) return {};
    if (!Number.isInteger(start) || start < 1)
      return `line must be a whole number from 1, got ${start}.`;
    const stop = end ?? start;
    if (!Number.isInteger(stop) || stop < start)
      return `endLine must be a whole number no smaller than line, got ${end}.`;
    return { first: start - 1, last: stop - 1 };
  };
  if (input.path === undefined || input.path === '') {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) return 'No file is open in the editor: give a path.';
    const selection = editor.selection;
    if (input.line !== undefined) {
      const r = lines(input.line, input.endLine);
      return typeof r === 'string' ? r : { uri: editor.document.uri, ...r };
    }
    return selection.isEmpty
      ? { uri: editor.document.uri }
      : { uri: editor.document.uri, first: selection.start.line, last: selection.end.line };
  }
  const r = lines(input.line, input.endLine);
  if (typeof r === 'string') return r;
  const uri = await existingUri(input.path);
  return uri === undefined ? `${input.path}: no such file in the workspace.` : { uri, ...r };
}

/** An absolute path, or a path relative to one of the workspace folders (the first that has it). */
async function existingUri(path: string): Promise<vscode.Uri | undefined> {
  const candidates =
    path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)
      ? [vscode.Uri.file(path)]
      : (vscode.workspace.workspaceFolders ?? []).map((f) =>
          vscode.Uri.joinPath(f.uri, ...path.split(/[\\/]/).filter((p) => p !== '' && p !== '.')),
        );
  for (const uri of candidates) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.File) return uri;
    } catch {
      // Not in this folder: try the next.
    }
  }
  return undefined;
}

async function findAnswer(store: NeedsStore, input: FindInput): Promise<string> {
  await store.ready();
  if (input.priority !== undefined && !PRIORITIES.includes(input.priority as Priority))
    return `priority must be one of ${PRIORITIES.join(', ')}, got ${input.priority}.`;
  if (input.status !== undefined && !STATUSES.includes(input.status as Status))
    return `status must be one of ${STATUSES.join(', ')}, got ${input.status}.`;
  const filter: NeedFilter = {
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(input.persona === undefined ? {} : { persona: input.persona }),
    ...(input.priority === undefined ? {} : { priority: input.priority as Priority }),
    ...(input.status === undefined ? {} : { status: input.status as Status }),
  };
  const sets = store.folderSets();
  if (sets.every(({ set }) => set.scopes.length === 0)) return 'The workspace has no needs file.\n';
  const several = sets.length > 1;
  const needs = sets.flatMap(({ folder, set }) =>
    listNeeds(set, filter).map((n) =>
      several ? { ...n, needsFile: `${folder.name}/${n.needsFile}` } : n,
    ),
  );
  return needListText(needs, describeFilter(filter));
}

function describeFilter(filter: NeedFilter): string {
  const parts = [
    filter.text === undefined ? undefined : `the words "${filter.text}"`,
    filter.persona === undefined ? undefined : `persona ${filter.persona}`,
    filter.priority === undefined ? undefined : `priority ${filter.priority}`,
    filter.status === undefined ? undefined : `status ${filter.status}`,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? 'no filter (every need)' : parts.join(', ');
}
