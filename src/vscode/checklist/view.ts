/**
 * The "Review Checklist" tree: needs by priority, each with the customer's
 * words first, who said them and how sure we are, the review questions as
 * checkboxes, and why the need is on the list (each reason opens its line).
 * A tree rather than a webview: checkboxes, keyboard use, themes and screen
 * readers come with it, and no text from the needs file is ever HTML.
 */
import * as vscode from 'vscode';
import type {
  Because,
  Checklist,
  ChecklistNeed,
  ChecklistValue,
  EndedAnnotation,
} from '../../core/checklist';
import { questionKey } from '../../core/checklist';
import { flat } from '../../core/markdown';
import {
  NO_RELATED_NEEDS,
  changedFilesPhrase,
  checklistEvidence,
  evidencePhrase,
  evidenceWarns,
  reasonPhrase,
  statusWord,
  wherePhrase,
} from '../../core/phrases';
import { shortRevision } from '../../core/present';
import { Command, ContextKey, View } from '../ids';
import type { ChecklistModel, ChecklistState } from './model';
import { describeReview } from './target';

/**
 * The view lives in a view container of its own in the panel (package.json,
 * `viewsContainers.panel`), and the review command reveals it with
 * `outside-in.checklist.focus`. A reviewer reads the checklist beside the
 * change: the side bar keeps Source Control's changed files (or the
 * Explorer), the editor the diff, and the panel the checklist, all in sight at
 * once. The panel is as wide as the editor, so the customer's words and the
 * questions, sentences that a tree row never wraps, read whole; a side bar
 * cuts them at its width. In Source Control the view would be a section
 * under Changes and the Graph, a few rows high, and no API lets an extension
 * give a section room; beside Customer Needs it would be as narrow and would
 * hide the changed files. Extensions may contribute to the secondary side bar
 * only from VS Code 1.106 (`viewsContainers.secondarySidebar`), newer than
 * this extension's minimum, 1.100. A reviewer who prefers another place drags
 * the view there, and the command follows it.
 */

type Node =
  | { readonly kind: 'need'; readonly need: ChecklistNeed }
  | {
      readonly kind: 'text';
      readonly id: string;
      readonly label: string;
      readonly icon: string;
      readonly tooltip?: string;
    }
  | { readonly kind: 'question'; readonly owner: string; readonly question: string }
  | { readonly kind: 'why'; readonly need: ChecklistNeed }
  | {
      readonly kind: 'because';
      readonly need: ChecklistNeed;
      readonly because: Because;
      readonly index: number;
    }
  | { readonly kind: 'suspects'; readonly need: ChecklistNeed }
  | { readonly kind: 'ended' }
  | { readonly kind: 'endedAnnotation'; readonly annotation: EndedAnnotation }
  | { readonly kind: 'values' }
  | { readonly kind: 'value'; readonly value: ChecklistValue };

const PRIORITY_ICON = {
  critical: 'flame',
  high: 'arrow-up',
  medium: 'dash',
  low: 'arrow-down',
} as const;

class ChecklistTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData: vscode.Event<void> = this.changed.event;

  constructor(private readonly model: ChecklistModel) {}

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(node?: Node): Node[] {
    const review = this.model.current.review;
    if (review === undefined) return [];
    const checklist = review.checklist;
    if (node === undefined) return topLevel(checklist);
    switch (node.kind) {
      case 'need':
        return needChildren(node.need);
      case 'why':
        return node.need.because.map((because, index) => ({
          kind: 'because',
          need: node.need,
          because,
          index,
        }));
      case 'suspects':
        return (node.need.suspects ?? []).map((s, index) => ({
          kind: 'because',
          need: node.need,
          because: { file: s.file, line: s.line, rule: s.rule },
          index: -1 - index,
        }));
      case 'ended':
        return (checklist.endedAnnotations ?? []).map((annotation) => ({
          kind: 'endedAnnotation',
          annotation,
        }));
      case 'values':
        return checklist.values.map((value) => ({ kind: 'value', value }));
      case 'value':
        return node.value.review.map((question) => ({
          kind: 'question',
          owner: node.value.id,
          question,
        }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { review, ticks } = this.model.current;
    switch (node.kind) {
      case 'need': {
        const need = node.need;
        const item = new vscode.TreeItem(
          flat(need.title),
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `need:${need.id}`;
        item.description = `${need.priority} · ${statusWord(checklistEvidence(need))}`;
        item.iconPath = new vscode.ThemeIcon(PRIORITY_ICON[need.priority]);
        item.tooltip = `${flat(need.title)} (${need.id}, ${need.priority}) in ${need.needsFile}`;
        item.contextValue = 'need';
        return item;
      }
      case 'text': {
        const item = new vscode.TreeItem(node.label);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip ?? node.label;
        return item;
      }
      case 'question': {
        const item = new vscode.TreeItem(flat(node.question));
        const key = questionKey(node.owner, node.question);
        item.id = `q:${key}`;
        item.checkboxState = ticks.has(key)
          ? vscode.TreeItemCheckboxState.Checked
          : vscode.TreeItemCheckboxState.Unchecked;
        item.tooltip = flat(node.question);
        item.contextValue = 'question';
        return item;
      }
      case 'why': {
        const n = node.need.because.length;
        const item = new vscode.TreeItem(
          'Why this need',
          n <= 5
            ? vscode.TreeItemCollapsibleState.Expanded
            : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `why:${node.need.id}`;
        item.description = `${n} ${n === 1 ? 'reason' : 'reasons'}`;
        item.iconPath = new vscode.ThemeIcon('search');
        return item;
      }
      case 'because': {
        const b = node.because;
        const item = new vscode.TreeItem(flat(wherePhrase(b)));
        item.id = `because:${node.need.id}:${node.index}`;
        item.description = reasonPhrase(b, 'text');
        item.iconPath = new vscode.ThemeIcon(
          b.removed ? 'diff-removed' : b.line === undefined ? 'file' : 'go-to-file',
        );
        const base = review === undefined ? 'the base' : shortRevision(review.checklist.base);
        item.tooltip = b.removed
          ? `Removed line ${b.line} of ${flat(b.file)} (in ${base}): opens the diff's left side`
          : `Opens ${flat(b.file)}${b.line === undefined ? '' : ` at line ${b.line}`}`;
        if (review !== undefined)
          item.command = {
            command: Command.OpenChecklistReason,
            title: 'Open',
            arguments: [b],
          };
        return item;
      }
      case 'suspects': {
        const need = node.need;
        const shown = need.suspects?.length ?? 0;
        const n = shown + (need.suspectsMore ?? 0);
        const item = new vscode.TreeItem(
          `Changed by this change: ${(need.changedFields ?? []).join(', ')}`,
          shown > 0
            ? vscode.TreeItemCollapsibleState.Expanded
            : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `suspects:${need.id}`;
        item.description =
          n === 0
            ? 'no code links to it'
            : `${n} suspect ${n === 1 ? 'link' : 'links'}${shown < n ? `, ${shown} shown` : ''}`;
        item.iconPath = new vscode.ThemeIcon('edit');
        item.tooltip =
          'The change edits what this need says: does the code written for it still serve what it now says?';
        return item;
      }
      case 'ended': {
        const n = review?.checklist.endedAnnotations?.length ?? 0;
        const item = new vscode.TreeItem(
          'Code that still speaks for needs this change ends',
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = 'ended';
        item.description = `${n} ${n === 1 ? 'annotation' : 'annotations'}`;
        item.iconPath = new vscode.ThemeIcon('error');
        return item;
      }
      case 'endedAnnotation': {
        const a = node.annotation;
        const item = new vscode.TreeItem(flat(`${a.file}:${a.line}`));
        item.id = `ended:${a.file}:${a.line}:${a.id}`;
        item.description = `@need ${flat(a.id)}: ${a.change} by this change`;
        item.iconPath = new vscode.ThemeIcon('go-to-file');
        item.tooltip = `Opens ${flat(a.file)} at line ${a.line}: remove the annotation, or name the need that replaces it`;
        item.command = {
          command: Command.OpenChecklistReason,
          title: 'Open',
          arguments: [{ file: a.file, line: a.line, rule: 'annotation' }],
        };
        return item;
      }
      case 'values': {
        const item = new vscode.TreeItem(
          'Standing values',
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = 'values';
        item.description = 'asked on every change';
        item.iconPath = new vscode.ThemeIcon('shield');
        return item;
      }
      case 'value': {
        const item = new vscode.TreeItem(
          flat(node.value.statement),
          vscode.TreeItemCollapsibleState.Expanded,
        );
        item.id = `value:${node.value.id}`;
        item.description = node.value.id;
        item.tooltip = flat(node.value.statement);
        return item;
      }
    }
  }
}

/**
 * Needs first, standing values last: the needs are what is specific to this
 * change and the reason to open the checklist, while the values are asked on
 * every change and would push the needs below the fold. It is also the order of
 * the Markdown that goes into the pull request.
 */
function topLevel(checklist: Checklist): Node[] {
  const nodes: Node[] = checklist.needs.map((need) => ({ kind: 'need', need }));
  if (checklist.endedAnnotations !== undefined) nodes.push({ kind: 'ended' });
  if (checklist.values.length > 0) nodes.push({ kind: 'values' });
  return nodes;
}

/** The customer's words first, then who they are and how sure we are, then what to ask, then why. */
function needChildren(need: ChecklistNeed): Node[] {
  const nodes: Node[] = [];
  if (need.quote !== undefined)
    nodes.push({
      kind: 'text',
      id: `quote:${need.id}`,
      label: `“${flat(need.quote)}”`,
      icon: 'quote',
    });
  const who = need.persona !== undefined ? `${flat(need.personaName ?? need.persona)} · ` : '';
  const evidence = checklistEvidence(need);
  nodes.push({
    kind: 'text',
    id: `status:${need.id}`,
    label: `${who}${evidencePhrase(evidence)}`,
    icon: evidenceWarns(evidence) ? 'warning' : 'verified',
  });
  need.signals.forEach((signal, i) =>
    nodes.push({
      kind: 'text',
      id: `signal:${need.id}:${i}`,
      label: `Observed: ${flat(signal)}`,
      icon: 'eye',
    }),
  );
  for (const question of need.review) nodes.push({ kind: 'question', owner: need.id, question });
  if (need.review.length === 0)
    nodes.push({
      kind: 'text',
      id: `noquestion:${need.id}`,
      label: 'No review questions: ask whether this change still serves the need',
      icon: 'question',
    });
  if (need.changed) nodes.push({ kind: 'suspects', need });
  if (need.because.length > 0) nodes.push({ kind: 'why', need });
  return nodes;
}

/** Creates the view and keeps it in step with the model; ticking a box writes the tick at once. */
export function registerChecklistView(
  model: ChecklistModel,
  onFirstVisible: () => void,
): vscode.Disposable {
  const tree = new ChecklistTree(model);
  const view = vscode.window.createTreeView(View.Checklist, {
    treeDataProvider: tree,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  const show = (state: ChecklistState): void => {
    tree.refresh();
    view.message = message(state);
    const c = state.review?.checklist;
    view.description =
      c === undefined ? undefined : `${shortRevision(c.base)}...${shortRevision(c.head)}`;
    void vscode.commands.executeCommand(
      'setContext',
      ContextKey.ChecklistHasReview,
      c !== undefined,
    );
  };
  show(model.current);
  // After a window reload the view comes back empty: the last review is rebuilt
  // when the view is first seen, not at start-up, so a closed view costs no git
  // diff; in Restricted Mode, when the view is seen after trust is granted.
  let seen = false;
  const seeing = (): void => {
    if (seen || !view.visible || !vscode.workspace.isTrusted) return;
    seen = true;
    onFirstVisible();
  };
  seeing();
  return vscode.Disposable.from(
    view.onDidChangeVisibility(seeing),
    vscode.workspace.onDidGrantWorkspaceTrust(seeing),
    tree,
    view,
    model.onDidChange(show),
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, state] of e.items) {
        if (node.kind !== 'question') continue;
        await model.setTick(
          node.owner,
          node.question,
          state === vscode.TreeItemCheckboxState.Checked,
        );
      }
    }),
  );
}

function message(state: ChecklistState): string | undefined {
  if (state.loading && state.review === undefined) return 'Reading the change…';
  if (state.error !== undefined) return state.error;
  const review = state.review;
  // Before the first review the view's welcome content says what to do.
  if (review === undefined) return undefined;
  const c = review.checklist;
  const files = changedFilesPhrase(c.files);
  const none = c.needs.length === 0 ? ` ${NO_RELATED_NEEDS}` : '';
  const note = review.change.note !== undefined ? ` ${review.change.note}` : '';
  return `${describeReview(review.choice, c.base, c.head)}: ${files}.${none}${note}`;
}
