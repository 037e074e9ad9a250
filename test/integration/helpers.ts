/** What the integration suites share: finding fixtures and asking VS Code for hovers. */
import * as vscode from 'vscode';
import type { OutsideInApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'outside-in.outside-in';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('No workspace folder.');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function activeApi(): Promise<OutsideInApi> {
  const extension = vscode.extensions.getExtension<OutsideInApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`${EXTENSION_ID} is not installed.`);
  return extension.activate();
}

/** The position of `needle` on the first line that contains it (its first character). */
export function positionOf(
  document: vscode.TextDocument,
  needle: string,
  offset = 0,
): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    const character = document.lineAt(line).text.indexOf(needle);
    if (character >= 0) return new vscode.Position(line, character + offset);
  }
  throw new Error(`"${needle}" is not in ${document.uri.toString()}`);
}

/** Every hover VS Code gives at `needle` (from all providers), as Markdown strings. */
export async function hoversAt(
  relativePath: string,
  needle: string,
  offset = 1,
): Promise<{ texts: string[]; hovers: vscode.Hover[] }> {
  const document = await vscode.workspace.openTextDocument(
    workspaceUri(...relativePath.split('/')),
  );
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    positionOf(document, needle, offset),
  );
  const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  return { texts, hovers };
}

/** The one hover text that carries `title`; fails when there is none. */
export function hoverWith(texts: string[], title: string): string {
  const found = texts.find((t) => t.includes(title));
  if (found === undefined)
    throw new Error(`No hover with "${title}"; got ${JSON.stringify(texts)}`);
  return found;
}

/** Resolves on the next event, or rejects after `ms` so a missing event fails instead of hanging. */
export function nextEvent<T>(event: vscode.Event<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`));
    }, ms);
    const subscription = event((value) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Polls `probe` until `done` holds, for what VS Code announces with no event
 * (CodeLens and symbol providers warming up); fails with the last value.
 */
export async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}
