import * as assert from 'node:assert/strict';
import { coverageProblems } from '../../src/core/coverage';
import type { NeedsSet } from '../../src/core/needsSet';
import { needsSet, yaml } from './helpers/needsIndex';

/** Scans in-memory files as the CLI scans a tree: every path, every link. */
function scan(set: NeedsSet, files: Record<string, string>): ReturnType<typeof coverageProblems> {
  const scanned = Object.entries(files).map(([path, text]) => ({
    links: set.fileLinks(path, text),
  }));
  return coverageProblems(set, { paths: Object.keys(files), files: scanned });
}

/** `file:line:col rule`, 1-based, as `outside-in check` prints it. */
function where(problems: ReturnType<typeof coverageProblems>): string[] {
  return problems
    .map(
      (p) =>
        `${p.file}:${p.span.start.line + 1}:${p.span.start.character + 1} ${p.severity} ${p.rule}`,
    )
    .sort();
}

describe('coverageProblems', () => {
  const set = needsSet({
    'customer-needs.yaml': yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    match:',
      '      paths: ["src/checkout/**", "!src/checkout/legacy/**", "src/nothing/**"]',
      '      keywords: ["checkout", "zebra"]',
      '  - id: old',
      '    title: Old',
      '    status: retired',
      '    match:',
      '      paths: ["src/gone/**"]',
      '      keywords: ["gone"]',
    ),
  });

  it('warns at a glob that matches no file and a keyword that matches no line', () => {
    const problems = scan(set, { 'src/checkout/pay.ts': 'checkout();\n', 'README.md': '# Shop\n' });
    // Line 6: `      paths: [` is 14 characters, then "src/checkout/**" (17) and ", ",
    // "!src/checkout/legacy/**" (25) and ", ": "src/nothing/**" starts at 60.
    // Line 7: `      keywords: [` is 17 characters, "checkout" (10) and ", ": 29.
    assert.deepEqual(where(problems), [
      'customer-needs.yaml:6:61 warning unmatched-path',
      'customer-needs.yaml:7:30 warning unmatched-keyword',
    ]);
  });

  it('never warns about a negated glob, nor about a retired need', () => {
    const problems = scan(set, { 'src/checkout/pay.ts': 'checkout();\n' });
    assert.ok(problems.every((p) => p.span.start.line === 5 || p.span.start.line === 6));
    assert.ok(!problems.some((p) => p.message.includes('legacy')));
  });

  it('warns about everything when the tree is empty', () => {
    assert.deepEqual(where(scan(set, {})), [
      'customer-needs.yaml:6:15 warning unmatched-path',
      'customer-needs.yaml:6:61 warning unmatched-path',
      'customer-needs.yaml:7:18 warning unmatched-keyword',
      'customer-needs.yaml:7:30 warning unmatched-keyword',
    ]);
  });

  it('reads a nested file against its own folder only', () => {
    const nested = needsSet({
      'packages/a/customer-needs.yaml': yaml(
        'version: 1',
        'needs:',
        '  - id: n',
        '    title: N',
        '    match:',
        '      paths: ["lib/**", "src/**"]',
      ),
    });
    // lib/x.ts is outside packages/a: it cannot satisfy "lib/**" of that file.
    const problems = scan(nested, { 'lib/x.ts': '', 'packages/a/src/y.ts': '' });
    assert.deepEqual(where(problems), [
      'packages/a/customer-needs.yaml:6:15 warning unmatched-path',
    ]);
  });
});
