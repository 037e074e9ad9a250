/** Which need the cursor names: an id in `@need id`, or the `id:` value of a need in a needs file. */
import type * as vscode from 'vscode';
import { annotationAt } from '../../core/annotations';
import type { Need } from '../../core/model';
import { lineRange, spanContains, toRange } from '../convert';
import type { NeedsStore } from '../needsStore';

export interface NeedAtCursor {
  readonly need: Need;
  readonly needsFileUri: vscode.Uri;
  /** The id under the cursor. */
  readonly range: vscode.Range;
}

export function needAt(
  store: NeedsStore,
  document: vscode.TextDocument,
  position: vscode.Position,
): NeedAtCursor | undefined {
  const loaded = store.needsFileAt(document.uri);
  if (loaded !== undefined) {
    // The latest load's spans are those of the text on screen.
    const need = loaded.result.file?.needs.find((n) => spanContains(n.idSpan, position));
    return need && { need, needsFileUri: loaded.uri, range: toRange(need.idSpan) };
  }
  const annotation = annotationAt(document.lineAt(position.line).text, position.character);
  if (annotation === undefined) return undefined;
  const found = store.findNeed(document.uri, annotation.id);
  return (
    found && {
      need: found.need,
      needsFileUri: found.needsFileUri,
      range: lineRange(position.line, annotation.start, annotation.end),
    }
  );
}
