/** What the editor suite's tests share: opening fixture files, waiting without sleeping. */
import * as vscode from 'vscode';
import { activeApi, positionOf, workspaceUri } from '../helpers';

export async function open(relativePath: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(workspaceUri(...relativePath.split('/')));
}

/** Our hover texts (those with a bold title or a need id) at `needle` + `offset`. */
export async function hoverTexts(
  relativePath: string,
  needle: string,
  offset = 1,
): Promise<{ texts: string[]; hovers: vscode.Hover[] }> {
  const document = await open(relativePath);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    positionOf(document, needle, offset),
  );
  const texts = hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((t) => t.includes('**') || t.includes('Linked from') || t.includes('No code links'));
  return { texts, hovers };
}

/** Resolves when the diagnostics of `uri` satisfy `done` (now or after a change event). */
export function diagnosticsWhen(
  uri: vscode.Uri,
  done: (d: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  ms = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri);
      if (!done(d)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(d);
      return true;
    };
    const timer = setTimeout(() => {
      listener.dispose();
      reject(
        new Error(
          `Timed out waiting for ${what}; have ${JSON.stringify(ours(vscode.languages.getDiagnostics(uri)).map(brief))}`,
        ),
      );
    }, ms);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

export function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'Outside-In');
}

/** `line:char-line:char severity code message`, for hand-written expectations. */
export function brief(d: vscode.Diagnostic): string {
  const r = d.range;
  const severity = d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning';
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${severity} ${String(code)}`;
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Applies `edit` and waits for the needs store to reload after it. */
export async function editNeedsAndWait(edit: vscode.WorkspaceEdit): Promise<void> {
  const api = await activeApi();
  const reloaded = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('the needs store did not reload after an edit'));
    }, 15_000);
    const sub = api.onDidChangeNeeds(() => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
  await reloaded;
  await api.ready();
}

/** Sets one of our settings in the workspace and waits until the extension saw it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`outsideIn.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace
    .getConfiguration('outsideIn')
    .update(key, value, vscode.ConfigurationTarget.Workspace);
  await seen;
}

export async function lensesOf(relativePath: string): Promise<string[]> {
  const document = await open(relativePath);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    document.uri,
  );
  return lenses
    .filter((l) => l.command?.command === 'outside-in.showNeedsQuickPick')
    .map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`)
    .sort((a, b) => parseInt(a) - parseInt(b));
}

/** Expected from pay.ts by hand: the file by path, then each method or function its links touch. */
export const PAY_LENSES = [
  '0: Customer needs: Checkout feels instant (high)',
  '4: Customer needs: Cards are remembered (medium)',
  '8: Customer needs: Checkout feels instant (high)',
  '14: Customer needs: Gifts arrive wrapped (low)',
];
