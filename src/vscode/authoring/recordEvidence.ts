/**
 * "Outside-In: Record Evidence...": asks where the evidence was heard, its
 * kind, the customer's words, a URL and the date (today unless changed), then
 * appends it to the need's `evidence` in its needs file. Runs on a need of the
 * sidebar, on the need under the cursor in a needs file, or on one picked.
 */
import * as vscode from 'vscode';
import type { EvidenceRecord } from '../../core/addEvidence';
import { addEvidenceInsertion } from '../../core/addEvidence';
import { dateProblem, localIsoDate, sourceProblem, urlProblem } from '../../core/evidenceInput';
import { escapeIconSyntax } from '../../core/iconSyntax';
import type { EvidenceKind } from '../../core/model';
import { EVIDENCE_KINDS } from '../../core/model';
import { flat } from '../../core/markdown';
import { needAt } from '../editor/needAt';
import type { NeedsStore } from '../needsStore';
import { asUri, editNeedsFile, stringArg, trustedOrSay } from './needsEdit';

interface Target {
  readonly needsFile: vscode.Uri;
  readonly id: string;
}

const STEPS = 5;

/**
 * Runs the command. `arg` is a need of the sidebar, or `{ needsFile, id,
 * evidence }` where `evidence` (source, kind, quote, url, date) answers the
 * questions, for a keybinding or a test. Resolves to the needs file's URI
 * once the evidence was recorded.
 */
export async function recordEvidence(
  store: NeedsStore,
  arg?: unknown,
): Promise<vscode.Uri | undefined> {
  if (!trustedOrSay()) return undefined;
  await store.ready();
  const target = targetOf(arg) ?? atCursor(store) ?? (await pickTarget(store));
  if (target === undefined) return undefined;
  const given = (arg as { evidence?: unknown } | undefined)?.evidence;
  const evidence = given !== undefined ? fromArg(given) : await askEvidence(target.id);
  if (evidence === undefined) return undefined;
  const shown = await editNeedsFile(target.needsFile, (text) =>
    addEvidenceInsertion(text, target.id, evidence),
  );
  return shown && target.needsFile;
}

/** A sidebar need (its tree node) or `{ needsFile, id }`. */
function targetOf(arg: unknown): Target | undefined {
  const node = arg as { kind?: unknown; filed?: { source?: unknown; need?: { id?: unknown } } };
  if (node?.kind === 'need') {
    const needsFile = asUri(node.filed?.source);
    const id = node.filed?.need?.id;
    return needsFile && typeof id === 'string' ? { needsFile, id } : undefined;
  }
  const needsFile = asUri(
    stringArg(arg, 'needsFile') ?? (arg as { needsFile?: unknown })?.needsFile,
  );
  const id = stringArg(arg, 'id');
  return needsFile && id !== undefined ? { needsFile, id } : undefined;
}

/** The need whose id the cursor is on, in a needs file or an `@need`. */
function atCursor(store: NeedsStore): Target | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return undefined;
  const found = needAt(store, editor.document, editor.selection.active);
  return found && { needsFile: found.needsFileUri, id: found.need.id };
}

async function pickTarget(store: NeedsStore): Promise<Target | undefined> {
  const items = store.loaded.flatMap(({ uri, result }) =>
    (result.file?.needs ?? []).map((need) => ({
      // Needs-file text: `$(icon)` in it shows as written.
      label: escapeIconSyntax(flat(need.title)),
      description: escapeIconSyntax(`${need.id} · ${vscode.workspace.asRelativePath(uri, true)}`),
      detail: need.quote !== undefined ? escapeIconSyntax(`“${flat(need.quote)}”`) : undefined,
      target: { needsFile: uri, id: need.id },
    })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('No needs to record evidence on yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Record Evidence: on which need?',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.target;
}

/** The evidence given as an argument, checked as the input boxes would check them. */
function fromArg(given: unknown): EvidenceRecord | undefined {
  const field = (key: string): string => stringArg(given, key)?.trim() ?? '';
  const kind = field('kind');
  const problem =
    sourceProblem(field('source')) ??
    urlProblem(field('url')) ??
    dateProblem(field('date')) ??
    (kind === '' || (EVIDENCE_KINDS as readonly string[]).includes(kind)
      ? undefined
      : `"${kind}" is not a kind of evidence.`);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  return compact({
    source: field('source'),
    kind: kind === '' ? undefined : (kind as EvidenceKind),
    quote: field('quote'),
    url: field('url'),
    // Left out, the date is today's, as in the input box; given empty, there is none.
    date: stringArg(given, 'date') === undefined ? localIsoDate(new Date()) : field('date'),
  });
}

async function askEvidence(id: string): Promise<EvidenceRecord | undefined> {
  const title = (step: number, what: string): string =>
    `Record Evidence on ${id} (${step}/${STEPS}): ${what}`;
  const source = await ask(
    title(1, 'source'),
    'Where it was heard: a survey, a ticket, an interview...',
    '',
    sourceProblem,
  );
  if (source === undefined) return undefined;
  const kind = await pickKind(title(2, 'kind'));
  if (kind === undefined) return undefined;
  const quote = await ask(title(3, 'quote'), "The customer's own words (optional).", '');
  if (quote === undefined) return undefined;
  const url = await ask(title(4, 'URL'), 'A link to it (optional): http or https.', '', urlProblem);
  if (url === undefined) return undefined;
  const date = await ask(
    title(5, 'date'),
    'When it was heard, YYYY-MM-DD (optional).',
    localIsoDate(new Date()),
    dateProblem,
  );
  if (date === undefined) return undefined;
  return compact({ source, kind: kind === 'none' ? undefined : kind, quote, url, date });
}

/** An input box; undefined when the user pressed Escape. */
async function ask(
  title: string,
  prompt: string,
  value: string,
  problem?: (text: string) => string | undefined,
): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: problem && ((text) => problem(text.trim())),
  });
  return answer?.trim();
}

async function pickKind(title: string): Promise<EvidenceKind | 'none' | undefined> {
  const items: (vscode.QuickPickItem & { kind_: EvidenceKind | 'none' })[] = [
    ...EVIDENCE_KINDS.map((k) => ({ label: k, kind_: k })),
    { label: 'No kind', description: 'leave it out', kind_: 'none' as const },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true });
  return picked?.kind_;
}

/** Empty answers are left out of the entry. */
function compact(record: {
  source: string;
  kind?: EvidenceKind;
  quote: string;
  url: string;
  date: string;
}): EvidenceRecord {
  return {
    source: record.source,
    ...(record.kind ? { kind: record.kind } : {}),
    ...(record.quote ? { quote: record.quote } : {}),
    ...(record.url ? { url: record.url } : {}),
    ...(record.date ? { date: record.date } : {}),
  };
}
