/**
 * YAML syntax problems in plain words, where they start, each once; and the
 * loader's own problems that a syntax error causes are not reported again.
 * Every line and column here is counted by hand (1-based, as an editor shows).
 */
import * as assert from 'node:assert/strict';
import { loadNeedsText } from '../../src/core/load';
import { yaml } from './helpers/needsIndex';

const TODAY = { today: '2026-11-26' };

/** Each problem as `line:col severity rule`, in text order. */
function brief(text: string): string[] {
  return loadNeedsText(text, TODAY)
    .problems.map((p) => ({ p, line: p.span.start.line + 1, col: p.span.start.character + 1 }))
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .map(({ p, line, col }) => `${line}:${col} ${p.severity} ${p.rule}`);
}

/** The syntax problems only, as `line:col message`. */
function syntax(text: string): string[] {
  return loadNeedsText(text, TODAY)
    .problems.filter((p) => p.rule === 'yaml-syntax')
    .map((p) => `${p.span.start.line + 1}:${p.span.start.character + 1} ${p.message}`);
}

describe('yaml-syntax: unclosed quotes, at the opening quote', () => {
  it('a double quote never closed, though the file goes on for lines', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: "Checkout', // the quote is column 12
      '    priority: high',
      '  - id: b',
      '    title: B',
    );
    assert.deepEqual(syntax(text), [
      '4:12 Unclosed quote: the text that starts here has no closing " .',
    ]);
    assert.deepEqual(brief(text), ['3:9 warning no-evidence', '4:12 error yaml-syntax']);
  });

  it('a double quote closed only by the quote of a later value', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: "Checkout',
      '    priority: high',
      '  - id: b',
      '    title: "B"',
    );
    assert.deepEqual(syntax(text), [
      '4:12 Unclosed quote: the text that starts here has no closing " .',
    ]);
  });

  it('a single quote at the end of the file', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      "    quote: 'It is slow",
    );
    assert.deepEqual(syntax(text), [
      "5:12 Unclosed quote: the text that starts here has no closing ' .",
    ]);
  });

  it('an unclosed quote in a flow list is the one problem, not the list too', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    match:',
      '      keywords: ["checkout", "pay*]', // the second quote is column 30
      '  - id: b',
    );
    assert.deepEqual(syntax(text), [
      '6:30 Unclosed quote: the text that starts here has no closing " .',
    ]);
  });

  it('with no line break at the end of the file, still inside the text', () => {
    const result = loadNeedsText('version: 1\nneeds:\n  - id: a\n    title: "abc', TODAY);
    const [only] = result.problems.filter((p) => p.rule === 'yaml-syntax');
    assert.deepEqual(only?.span, {
      start: { line: 3, character: 11 },
      end: { line: 3, character: 15 },
    });
  });
});

describe('yaml-syntax: indentation, at the line indented wrong, once', () => {
  it('a line deeper than the key above it: one error, no echo of it', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: fast-checkout',
      '    title: Checkout feels instant',
      '      priority: high', // 6 spaces: the line starts in column 7
      '    status: assumed',
    );
    assert.deepEqual(syntax(text), [
      '5:7 This line is indented deeper than "title" above it: line it up with "title" (4 spaces, not 6).',
    ]);
    // No wrong-type for "title" (the parser made it a mapping), no missing title.
    assert.deepEqual(brief(text), ['5:7 error yaml-syntax']);
  });

  it('a block of lines one space too deep is one error, at its first line', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '     priority: high',
      '     status: assumed',
      '     owner: Ann',
      '  - id: b',
      '    title: B',
    );
    assert.deepEqual(syntax(text), [
      '5:6 This line is indented deeper than "title" above it: line it up with "title" (4 spaces, not 5).',
    ]);
  });

  it('a line less indented than the key above it', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '    title: A', '   priority: high');
    assert.deepEqual(syntax(text), [
      '5:4 This line is indented less than "title" above it: line it up with "title" (4 spaces, not 3).',
    ]);
    // The parser starts a second need there: its missing id and title are echoes.
    assert.deepEqual(brief(text), ['3:9 warning no-evidence', '5:4 error yaml-syntax']);
  });

  it('a line between a nested key and its parent names the nested key', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    match:',
      '      keywords: [pay]',
      '     paths: [src/**]',
    );
    assert.deepEqual(syntax(text), [
      '7:6 This line is indented less than "keywords" above it: line it up with "keywords" (6 spaces, not 5).',
    ]);
  });

  it('a list item deeper than the items before it', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    - id: b',
      '      title: B',
    );
    assert.deepEqual(syntax(text), [
      '5:5 This list item is indented deeper than the one on line 3: line them up (2 spaces, not 4).',
    ]);
  });

  it('a list item one space off, and the line under it measured against it, is one error', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '   - id: b',
      '    title: B',
    );
    assert.deepEqual(syntax(text), [
      '5:4 This list item is indented deeper than the one on line 3: line them up (2 spaces, not 3).',
    ]);
  });

  it('the top level indented', () => {
    assert.deepEqual(syntax(yaml('version: 1', ' needs: []')), [
      '2:2 This line is indented deeper than "version" above it: line it up with "version" (0 spaces, not 1).',
    ]);
  });

  it('a tab in the indentation, at the tab; lines in a row indented so are one error', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '\ttitle: A', '\tpriority: high');
    assert.deepEqual(syntax(text), [
      '4:1 This line is indented with a tab: YAML indents with spaces only.',
    ]);
    // Its title is lost to the parser: not a second error.
    assert.deepEqual(brief(text), ['4:1 error yaml-syntax']);
  });

  it('a tab after spaces, at the tab', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '  \t  title: A');
    assert.deepEqual(syntax(text), [
      '4:3 This line is indented with a tab: YAML indents with spaces only.',
    ]);
  });

  it('at the same lines and columns in a CRLF file', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '      priority: high',
    ).replace(/\n/g, '\r\n');
    assert.deepEqual(syntax(text), [
      '5:7 This line is indented deeper than "title" above it: line it up with "title" (4 spaces, not 6).',
    ]);
  });
});

describe('yaml-syntax: keys', () => {
  it('a duplicate key in a need names the key and the line of the first', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    priority: high',
      '    status: assumed',
      '    priority: low',
    );
    assert.deepEqual(syntax(text), ['7:5 Duplicate key "priority" (first on line 5).']);
    assert.equal(loadNeedsText(text, TODAY).file?.needs[0]?.priority, 'high');
  });

  it('a duplicate key at the top level', () => {
    assert.deepEqual(syntax(yaml('version: 1', 'needs: []', 'needs: []')), [
      '3:1 Duplicate key "needs" (first on line 2).',
    ]);
  });

  it('a key written three times: each repeat names the first', () => {
    const text = yaml('version: 1', 'product: A', 'product: B', 'product: C', 'needs: []');
    assert.deepEqual(syntax(text), [
      '3:1 Duplicate key "product" (first on line 2).',
      '4:1 Duplicate key "product" (first on line 2).',
    ]);
  });

  it('a key with no ":"', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '    title A', '    priority: high');
    assert.deepEqual(syntax(text), [
      '4:5 Missing ":" after the key in "title A": a field is written "key: value".',
    ]);
  });

  it('a key with no space after its ":"', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '    title:A');
    assert.deepEqual(syntax(text), [
      '4:5 Write a space after ":" in "title:A": without one, YAML reads one word, not a key and its value.',
    ]);
  });

  it('a "-" with no space after it, on its own line, not at the line below', () => {
    const text = yaml('version: 1', 'needs:', '  -id: a', '    title: A');
    assert.deepEqual(syntax(text), [
      '3:3 Put a space after "-" to start a list item: "-id" reads as a key.',
    ]);
  });
});

describe('yaml-syntax: stray characters', () => {
  it('a stray ": " in a value, at the value, with no echo for the field', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '    title: Fast: checkout');
    assert.deepEqual(syntax(text), [
      '4:12 The value of "title" holds ": ", which YAML reads as a key: put the whole value in quotes.',
    ]);
    assert.deepEqual(brief(text), ['4:12 error yaml-syntax']);
  });

  it('a "]" that closes nothing', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '    title: A', '    ]');
    assert.deepEqual(syntax(text), ['5:5 This "]" closes nothing: no "[" is open here.']);
  });

  it('a value starting with a reserved character', () => {
    const text = yaml('version: 1', 'needs:', '  - id: a', '    title: @home');
    assert.deepEqual(syntax(text), [
      '4:12 A value cannot start with "@": put the value in quotes.',
    ]);
  });

  it('a second document', () => {
    assert.deepEqual(syntax(yaml('version: 1', '---', 'needs: []')), [
      '2:1 A needs file is one YAML document: this "---" starts a second.',
    ]);
  });
});

describe('yaml-syntax: unclosed [ and {, at the bracket', () => {
  it('an unclosed [ in a need: one error, though the parser trips on the next need too', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    match:',
      '      keywords: [checkout, pay', // the [ is column 17
      '  - id: b',
      '    title: B',
    );
    assert.deepEqual(syntax(text), [
      '6:17 Unclosed "[": the list that starts here has no closing "]".',
    ]);
  });

  it('an unclosed [ inside a { }: the [ is the slip, not the {', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    match: {keywords: [a, b}',
    );
    assert.deepEqual(syntax(text), [
      '5:23 Unclosed "[": the list that starts here has no closing "]".',
    ]);
  });

  it('an unclosed { at the end of the file', () => {
    assert.deepEqual(syntax(yaml('version: 1', 'needs:', '  - {id: a, title: A')), [
      '3:5 Unclosed "{": the mapping that starts here has no closing "}".',
    ]);
  });

  it('a [ list going on at a line indented too little, at that line', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    match:',
      '      keywords: [a,',
      '    b]',
    );
    assert.deepEqual(syntax(text), [
      '7:5 This line goes on with the list that starts on line 6: indent it deeper than "keywords".',
    ]);
  });
});

describe('yaml-syntax: what stays as it was', () => {
  it('a file without syntax errors has none', () => {
    assert.deepEqual(syntax(yaml('version: 1', 'needs:', '  - id: a', '    title: "A: b"')), []);
  });

  it('problems away from the syntax error are still reported', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '    priority: urgent', // invalid-enum at column 15, two lines above the slip
      '    status: assumed',
      '     owner: Ann',
    );
    assert.deepEqual(brief(text), [
      '3:9 warning no-evidence',
      '5:15 error invalid-enum',
      '7:6 error yaml-syntax',
    ]);
  });

  it('300 separate slips give the first 100', () => {
    const found = syntax('version: 1\nneeds:\n' + '  - a: b: c\n'.repeat(300));
    assert.equal(found.length, 100);
    assert.equal(found[99]?.split(' ')[0], '102:8');
  });
});
