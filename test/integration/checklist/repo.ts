/** The checklist suite's git repository, made at test time inside the workspace copy. */
import * as vscode from 'vscode';
import { gitIn, makeChecklistRepository, writeIn } from './gitRepository';

export function folderPath(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('No workspace folder.');
  return folder.uri.fsPath;
}

export function git(...args: string[]): string {
  return gitIn(folderPath(), ...args);
}

export function write(relative: string, text: string): void {
  writeIn(folderPath(), relative, text);
}

/** The repository of gitRepository.ts's makeChecklistRepository, in this session's folder. */
export function makeRepository(): void {
  makeChecklistRepository(folderPath());
}
