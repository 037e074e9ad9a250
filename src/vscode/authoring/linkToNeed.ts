/**
 * "Outside-In: Link to Need...": picks one of the needs that govern the file
 * and puts `@need id` above the current line, in the language's own comment
 * and at the line's indentation. Also a code action on the line, offered when
 * asked for (Ctrl+. or the Refactor menu), so no light bulb shows on every line.
 */
import * as vscode from 'vscode';
import { findAnnotations } from '../../core/annotations';
import { annotationLine, lineIndent } from '../../core/commentSyntax';
import { escapeIconSyntax } from '../../core/iconSyntax';
import type { Need } from '../../core/model';
import { flat } from '../../core/markdown';
import { sortByPriority } from '../../core/present';
import { Command } from '../ids';
import type { NeedsStore } from '../needsStore';
import { asUri, sayNoNeedsFile, stringArg, trustedOrSay } from './needsEdit';

/**
 * Runs the command. `arg` may name the document (`uri`), the 0-based `line`
 * and the need (`id`); what is missing comes from the active editor and a
 * quick pick. Resolves to the id linked, or undefined when nothing changed.
 */
export async function linkToNeed(store: NeedsStore, arg?: unknown): Promise<string | undefined> {
  if (!trustedOrSay()) return undefined;
  const uri = asUri(stringArg(arg, 'uri')) ?? vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined) {
    void vscode.window.showInformationMessage('Put the cursor on the line to link in an editor.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = vscode.window.activeTextEditor;
  const argLine = (arg as { line?: unknown } | undefined)?.line;
  const line =
    typeof argLine === 'number'
      ? argLine
      : editor?.document.uri.toString() === uri.toString()
        ? editor.selection.active.line
        : 0;
  if (line < 0 || line >= document.lineCount) return undefined;
  await store.ready();
  const needs = governingNeeds(store, uri);
  if (needs === undefined) {
    await sayNoNeedsFile(uri);
    return undefined;
  }
  const id = stringArg(arg, 'id') ?? (await pickNeed(needs));
  if (id === undefined) return undefined;
  const text = document.lineAt(line).text;
  const above = line > 0 ? document.lineAt(line - 1).text : '';
  if ([text, above].some((t) => findAnnotations(t).some((a) => a.id === id))) {
    void vscode.window.showInformationMessage(`This line is already linked to "${id}".`);
    return undefined;
  }
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const comment = annotationLine(document.languageId, lineIndent(text), id, eol);
  if (comment === undefined) {
    void vscode.window.showInformationMessage(
      `${document.languageId} files have no comments: an @need annotation cannot go in.`,
    );
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(line, 0), comment);
  return (await vscode.workspace.applyEdit(edit)) ? id : undefined;
}

/**
 * The needs `@need` can name from `uri`: those of every needs file that
 * governs it, the nearest file's need winning for an id, retired ones left
 * out; undefined when no needs file governs it.
 */
function governingNeeds(store: NeedsStore, uri: vscode.Uri): Need[] | undefined {
  const found = store.setFor(uri);
  const scopes = found?.set.scopesFor(found.path) ?? [];
  if (scopes.length === 0) return undefined;
  const byId = new Map<string, Need>();
  for (const { scope } of scopes) {
    for (const need of scope.index.file.needs)
      if (need.status !== 'retired' && !byId.has(need.id)) byId.set(need.id, need);
  }
  return sortByPriority([...byId.values()]);
}

async function pickNeed(needs: readonly Need[]): Promise<string | undefined> {
  if (needs.length === 0) {
    void vscode.window.showInformationMessage('The needs file lists no needs to link to yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    // Needs-file text: `$(icon)` in it shows as written.
    needs.map((need) => ({
      label: escapeIconSyntax(flat(need.title)),
      description: escapeIconSyntax(`${need.id} · ${need.priority}`),
      detail: need.quote !== undefined ? escapeIconSyntax(`“${flat(need.quote)}”`) : undefined,
      id: need.id,
    })),
    {
      title: 'Link to Need',
      placeHolder: 'The need this code serves: @need goes above the line',
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  return picked?.id;
}

/** "Link to Need..." on the line under the cursor, when the user asks for code actions. */
export class LinkToNeedAction implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.Refactor.append('linkToNeed');

  constructor(private readonly store: NeedsStore) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    // On every line of every file: only when asked, never as a light bulb.
    if (context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) return [];
    if (context.only !== undefined && !context.only.contains(LinkToNeedAction.kind)) return [];
    if (!vscode.workspace.isTrusted || this.store.needsFileAt(document.uri) !== undefined)
      return [];
    const needs = governingNeeds(this.store, document.uri);
    if (needs === undefined || needs.length === 0) return [];
    const action = new vscode.CodeAction('Link to Need...', LinkToNeedAction.kind);
    action.command = {
      command: Command.LinkToNeed,
      title: 'Link to Need...',
      arguments: [{ uri: document.uri.toString(), line: range.start.line }],
    };
    return [action];
  }
}
