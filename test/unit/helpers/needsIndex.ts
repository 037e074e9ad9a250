import * as assert from 'node:assert/strict';
import { loadNeedsText } from '../../../src/core/load';
import { buildIndex } from '../../../src/core/match';
import type { NeedsIndex } from '../../../src/core/match';
import type { Link, NeedsFile } from '../../../src/core/model';
import { NeedsSet } from '../../../src/core/needsSet';
import { scopeDir } from '../../../src/core/scopes';
import type { ScopedLink } from '../../../src/core/needsSet';

/** Joins lines with '\n' and ends with one, as an editor saves a file. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Loads a needs file that the test means to be free of errors. */
export function loadValid(text: string): NeedsFile {
  const { file, problems } = loadNeedsText(text, { today: '2026-11-26' });
  const errors = problems.filter((p) => p.severity === 'error');
  assert.deepEqual(errors, [], 'the test needs file should have no errors');
  assert.ok(file);
  return file;
}

export function indexOf(text: string): NeedsIndex {
  return buildIndex(loadValid(text));
}

/** A NeedsSet from needs-file texts keyed by their path relative to the root. */
export function needsSet(files: Record<string, string>): NeedsSet {
  return new NeedsSet(
    Object.entries(files).map(([needsFile, text]) => ({
      needsFile,
      dir: scopeDir(needsFile),
      index: indexOf(text),
    })),
  );
}

/** A NeedsSet of one needs file at the root, as the product relates a tree with one. */
export function rootSet(index: NeedsIndex): NeedsSet {
  return new NeedsSet([{ needsFile: 'customer-needs.yaml', dir: '', index }]);
}

/** The links without the need and needs file they carry, for expectations written as plain rows. */
export function plainLinks(links: readonly ScopedLink[]): Link[] {
  return links.map(({ needId, rule, line, start, end, match }) => ({
    needId,
    rule,
    ...(line === undefined ? {} : { line, start, end }),
    match,
  }));
}
