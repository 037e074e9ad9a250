/** Span (core, 0-based) <-> vscode.Range: the one place positions are converted. */
import * as vscode from 'vscode';
import type { Span } from '../core/model';

export function toRange(span: Span): vscode.Range {
  return new vscode.Range(span.start.line, span.start.character, span.end.line, span.end.character);
}

/** A range on one line, as line links and annotations give them. */
export function lineRange(line: number, start: number, end: number): vscode.Range {
  return new vscode.Range(line, start, line, end);
}

export function spanContains(span: Span, position: vscode.Position): boolean {
  return toRange(span).contains(position);
}
