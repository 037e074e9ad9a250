/**
 * The extension's settings as one typed snapshot, read when they change and
 * never at import, so every feature sees the same values and a change takes
 * effect without a reload.
 */
import * as vscode from 'vscode';
import type { Priority } from '../core/model';
import { PRIORITIES } from '../core/model';
import { DEFAULT_STALE_DAYS } from '../core/load';

export interface Settings {
  /** Extra needs files, relative to each workspace folder, beside the default names. */
  readonly needsFiles: readonly string[];
  readonly hoverEnabled: boolean;
  readonly codeLensEnabled: boolean;
  /** Needs below this priority show only in the sidebar and the checklist. */
  readonly inlineMinimumPriority: Priority;
  readonly staleDays: number;
  /** Folder names never scanned, beside node_modules, dist, out and .git. */
  readonly excludes: readonly string[];
}

const SECTION = 'outsideIn';

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const priority = c.get<string>('inlineMinimumPriority', 'low');
  const staleDays = c.get<number>('staleDays', DEFAULT_STALE_DAYS);
  return {
    needsFiles: strings(c.get<unknown>('needsFiles')),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    inlineMinimumPriority: (PRIORITIES as readonly string[]).includes(priority)
      ? (priority as Priority)
      : 'low',
    staleDays:
      Number.isFinite(staleDays) && staleDays >= 0 ? Math.floor(staleDays) : DEFAULT_STALE_DAYS,
    excludes: strings(c.get<unknown>('excludes')),
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}

/** Holds the current settings and fires when any of ours changes. */
export class Config implements vscode.Disposable {
  private current: Settings = readSettings();
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly listener: vscode.Disposable;
  readonly onDidChange: vscode.Event<Settings> = this.changed.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.current = readSettings();
      this.changed.fire(this.current);
    });
  }

  get settings(): Settings {
    return this.current;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
