/**
 * The status bar item "$(person) 3 needs": how many customer needs the active
 * file relates to (at or above `inlineMinimumPriority`), from the core's
 * matching on the document's own text, never a workspace scan. Hidden when the
 * file touches none or the workspace has no needs file; a click lists them.
 */
import * as vscode from 'vscode';
import { needsCountText } from '../../core/needsGroups';
import type { Need } from '../../core/model';
import { needsLabel } from '../../core/present';
import { relatedNeeds } from '../../core/relatedNeeds';
import { Command, STATUS_BAR_ITEM_ID } from '../ids';
import type { Config } from '../config';
import { Delayer, Disposable } from '../lifecycle';
import type { NeedsStore } from '../needsStore';

/** Typing updates the count this long after the last keystroke. */
const TYPING_DELAY_MS = 300;
/** Larger documents are not matched on every pause in typing. */
const MAX_CHARS = 2_000_000;

export class NeedsStatusBar extends Disposable {
  private readonly typing = this._register(new Delayer());
  private readonly item = this._register(
    vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50),
  );
  private shown: string | undefined;
  private readonly updated = this._register(new vscode.EventEmitter<void>());
  /** Fires after every update of the item (for tests: there is no API to read it). */
  readonly onDidUpdate: vscode.Event<void> = this.updated.event;

  constructor(
    private readonly store: NeedsStore,
    private readonly config: Config,
  ) {
    super();
    this.item.name = 'Outside-In: Customer Needs';
    const update = (): void => this.update();
    this._register(store.onDidChange(update));
    this._register(config.onDidChange(update));
    this._register(vscode.window.onDidChangeActiveTextEditor(update));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== vscode.window.activeTextEditor?.document) return;
        this.typing.trigger(update, TYPING_DELAY_MS);
      }),
    );
    this.update();
  }

  /** The item's text while it is shown, else undefined. */
  get text(): string | undefined {
    return this.shown;
  }

  update(): void {
    const needs = this.needsOfActiveFile();
    if (needs.length === 0) {
      this.item.hide();
      this.shown = undefined;
    } else {
      // Only the text renders `$(icon)`, and it holds no needs-file text. A string
      // tooltip is shown as plain text, so the title there needs no escape (one
      // would show as a stray backslash).
      this.item.text = `$(person) ${needsCountText(needs.length)}`;
      this.item.tooltip = `Customer needs this file relates to: ${needsLabel(needs.map((n) => n.need))}`;
      this.item.accessibilityInformation = {
        label: `${needsCountText(needs.length)} of your customers relate to this file`,
      };
      this.item.command = {
        command: Command.ShowNeedsQuickPick,
        title: 'Show the Customer Needs of This File',
        arguments: [needs.map((n) => ({ needsFile: n.needsFile, id: n.need.id }))],
      };
      this.item.show();
      this.shown = this.item.text;
    }
    this.updated.fire();
  }

  private needsOfActiveFile(): { need: Need; needsFile: string }[] {
    const document = vscode.window.activeTextEditor?.document;
    const text = document?.getText();
    if (document === undefined || text === undefined || text.length > MAX_CHARS) return [];
    const found = this.store.setFor(document.uri);
    if (!found || found.set.scopes.length === 0) return [];
    // A needs file names its own keywords: it is not code that serves them.
    if (this.store.needsFileAt(document.uri) !== undefined) return [];
    const related = relatedNeeds(
      found.set,
      found.path,
      { text },
      { minimum: this.config.settings.inlineMinimumPriority },
    );
    return related.map(({ need, needsFile }) => ({
      need,
      needsFile: vscode.Uri.joinPath(found.folder.uri, needsFile).toString(),
    }));
  }
}
