/**
 * The checklist's ReviewSource where no git can run: the browser build
 * (vscode.dev, github.dev). Every question is answered with one plain
 * ReviewError that the view shows in place of the checklist, saying what the
 * reviewer can do instead; nothing throws past the view.
 */
import * as vscode from 'vscode';
import type { ReviewedChange, ReviewRepository, ReviewSource } from './reviewSource';
import { ReviewError } from './reviewSource';

/** What the checklist view says in the browser. */
export const NO_DIFF_MESSAGE =
  'The Review Checklist needs the change as git sees it, and this editor runs in the browser, where git cannot run. ' +
  'To review this change: open the folder in desktop VS Code, or run `outside-in checklist` in CI (see the README). ' +
  'Hovers, CodeLens, diagnostics and the sidebar work here as usual.';

export class NoDiffReview implements ReviewSource {
  readonly unavailable = NO_DIFF_MESSAGE;

  repository(): Promise<ReviewRepository> {
    return Promise.reject(new ReviewError(NO_DIFF_MESSAGE));
  }

  change(): Promise<ReviewedChange> {
    return Promise.reject(new ReviewError(NO_DIFF_MESSAGE));
  }

  needChanges(): Promise<never> {
    return Promise.reject(new ReviewError(NO_DIFF_MESSAGE));
  }

  watchHead(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  gitUri(): Promise<vscode.Uri | undefined> {
    return Promise.resolve(undefined);
  }
}
