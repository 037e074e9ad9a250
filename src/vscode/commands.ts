/** The needs commands: reload, open a need, pick one of several needs. */
import * as vscode from 'vscode';
import { escapeIconSyntax } from '../core/iconSyntax';
import { flat } from '../core/markdown';
import { sortByPriority } from '../core/present';
import { toRange } from './convert';
import { Command } from './ids';
import type { NeedsStore } from './needsStore';

/** A need named by its needs file and id: survives a reload, unlike a Need object. */
export interface NeedRef {
  readonly needsFile: string;
  readonly id: string;
}

export function registerCommands(store: NeedsStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.ReloadNeeds, () => store.reload()),
    vscode.commands.registerCommand(Command.OpenNeed, (file: unknown, id: unknown) =>
      openNeed(store, file, id),
    ),
    vscode.commands.registerCommand(Command.ShowNeedsQuickPick, (refs: unknown) =>
      showNeedsQuickPick(store, refs),
    ),
  );
}

function toUri(file: unknown): vscode.Uri | undefined {
  if (file instanceof vscode.Uri) return file;
  if (typeof file === 'string') return vscode.Uri.parse(file, true);
  return undefined;
}

/** Opens the needs file with the need's id selected. */
async function openNeed(
  store: NeedsStore,
  file: unknown,
  id: unknown,
): Promise<vscode.TextEditor | undefined> {
  const uri = toUri(file);
  if (uri === undefined) return undefined;
  await store.ready();
  const loaded = store.needsFileAt(uri);
  // The latest load's spans match the text on screen; the last good one may not.
  const need = [loaded?.result.file, loaded?.file]
    .map((f) => f?.needs.find((n) => n.id === id))
    .find((n) => n !== undefined);
  const selection = need && toRange(need.idSpan);
  return vscode.window.showTextDocument(uri, { selection, preview: true });
}

async function showNeedsQuickPick(store: NeedsStore, refs: unknown): Promise<void> {
  if (!Array.isArray(refs)) return;
  await store.ready();
  const items = sortByPriority(
    (refs as NeedRef[]).flatMap((ref) => {
      const need = store
        .needsFileAt(toUri(ref.needsFile) as vscode.Uri)
        ?.file?.needs.find((n) => n.id === ref.id);
      return need ? [{ ...need, ref }] : [];
    }),
  ).map((need) => ({
    // A quick pick renders `$(icon)` in all three fields (and in the hover of the
    // description and detail): escaped, the needs file's text shows as written.
    // One gap is VS Code's: a filter that highlights the escaping backslash alone
    // (typing `\`) splits it from the reference, which then shows as an icon.
    label: escapeIconSyntax(flat(need.title)),
    description: escapeIconSyntax(`${need.priority} · ${need.id}`),
    detail: need.quote !== undefined ? escapeIconSyntax(`“${flat(need.quote)}”`) : undefined,
    ref: need.ref,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Customer needs',
    placeHolder: 'Open a need in its needs file',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked !== undefined)
    await vscode.commands.executeCommand(Command.OpenNeed, picked.ref.needsFile, picked.ref.id);
}
