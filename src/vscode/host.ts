/**
 * What the extension needs from the machine it runs on, as one object handed
 * to the features: walking and reading the workspace, the git history behind
 * Needs Health, and the change the checklist reviews. The desktop build
 * (nodeHost.ts) answers with Node and git; the browser build (webHost.ts)
 * with `vscode.workspace.fs` alone. The features never ask which one they got.
 */
import type * as vscode from 'vscode';
import type { CommitHistory } from '../core/needsCoverage';
import type { NeedsSet, ScopedLink } from '../core/needsSet';
import type { ReviewSource } from './checklist/reviewSource';

/** A source file's text, or why it was not read. */
export type SourceText =
  { readonly text: string } | { readonly skipped: 'binary' | 'large' | 'unreadable' };

/** One workspace folder related to its needs, as `outside-in` scans it. */
export interface FolderScan {
  /** Every file the walk reached (`.gitignore` honoured), relative to the folder. */
  readonly paths: readonly string[];
  /** The files with links, relative to the folder. */
  readonly files: readonly { readonly path: string; readonly links: readonly ScopedLink[] }[];
  /** Files not read: binary, too large or unreadable. */
  readonly skipped: number;
}

export interface Host {
  /** Walks `folder` and relates its files to `set`; undefined when this host cannot walk it. */
  scanFolder(
    folder: vscode.Uri,
    set: NeedsSet,
    excludes: readonly string[],
  ): Promise<FolderScan | undefined>;
  /** One source file, as the scan reads it. */
  readSource(uri: vscode.Uri): Promise<SourceText>;
  /** Commits per file over the last `days`, or why there are none. */
  history(folder: vscode.WorkspaceFolder, days: number): Promise<CommitHistory>;
  /** Where the Review Checklist gets the change under review. */
  readonly review: ReviewSource;
}
