import * as assert from 'node:assert/strict';
import type { Evidence, Need } from '../../src/core/model';
import type { EvidenceFacts } from '../../src/core/phrases';
import {
  ageText,
  changedFilesPhrase,
  checklistEvidence,
  evidenceLine,
  evidencePhrase,
  evidenceWarns,
  linkReason,
  needEvidence,
  reasonPhrase,
  reasonRows,
  reasonsPhrase,
  statusWord,
  wherePhrase,
} from '../../src/core/phrases';

// Every expected string below is written from the wording the module promises
// (its JSDoc), not copied from its output.

const TODAY = '2026-06-01';

function need(
  status: Need['status'],
  dates: (string | undefined)[],
): Pick<Need, 'status' | 'evidence'> {
  const evidence = dates.map((date) => ({ source: 'Interview', date }) as Evidence);
  return { status, evidence };
}

function facts(f: Partial<EvidenceFacts>): EvidenceFacts {
  return { status: 'validated', count: 1, stale: false, ...f };
}

describe('phrases: evidence', () => {
  it('no evidence is an assumption, whatever the status claims', () => {
    assert.equal(
      evidencePhrase(needEvidence(need('assumed', []), { today: TODAY })),
      'Assumption: rests on no evidence',
    );
    assert.equal(
      evidencePhrase(needEvidence(need('validated', []), { today: TODAY })),
      'Assumption: marked validated, but rests on no evidence',
    );
    assert.equal(statusWord(facts({ count: 0 })), 'assumption');
    assert.equal(statusWord(facts({ count: 0, status: 'assumed' })), 'assumption');
    assert.equal(evidenceWarns(facts({ count: 0 })), true);
  });

  it('one piece of evidence: the status, the count, the date and its age', () => {
    const one = needEvidence(need('validated', ['2026-05-02']), { today: TODAY });
    assert.deepEqual(one, {
      status: 'validated',
      count: 1,
      newest: '2026-05-02',
      age: 30,
      stale: false,
    });
    assert.equal(
      evidencePhrase(one),
      'Validated · 1 piece of evidence, newest 2026-05-02 (30 days ago)',
    );
    assert.equal(statusWord(one), 'validated');
    assert.equal(evidenceWarns(one), false);
  });

  it('several pieces: the newest date counts, undated ones are counted too', () => {
    const several = needEvidence(need('validated', ['2025-06-01', undefined, '2026-03-01']), {
      today: TODAY,
    });
    assert.equal(
      evidencePhrase(several),
      'Validated · 3 pieces of evidence, newest 2026-03-01 (3 months ago)',
    );
    assert.equal(
      evidencePhrase(needEvidence(need('validated', [undefined, undefined]), { today: TODAY })),
      'Validated · 2 pieces of evidence, none dated',
    );
  });

  it('stale evidence says its date, its age and what to do', () => {
    const stale = needEvidence(need('validated', ['2024-05-01']), { today: TODAY, staleDays: 365 });
    assert.equal(stale.stale, true);
    assert.equal(
      evidencePhrase(stale),
      'Validated · 1 piece of evidence, newest 2024-05-01 (2 years ago) · stale: re-validate with customers',
    );
    assert.equal(statusWord(stale), 'validated, stale');
    assert.equal(evidenceWarns(stale), true);
    // The same evidence within a longer limit is not stale.
    assert.equal(
      needEvidence(need('validated', ['2024-05-01']), { today: TODAY, staleDays: 1000 }).stale,
      false,
    );
  });

  it('stale by the default limit of 365 days when none is given', () => {
    assert.equal(needEvidence(need('validated', ['2025-05-31']), { today: TODAY }).stale, true);
    assert.equal(needEvidence(need('validated', ['2025-06-01']), { today: TODAY }).stale, false);
  });

  it('a need marked assumed keeps its word and its warning, even with evidence', () => {
    const assumed = needEvidence(need('assumed', ['2026-05-31']), { today: TODAY });
    assert.equal(
      evidencePhrase(assumed),
      'Assumed · 1 piece of evidence, newest 2026-05-31 (yesterday)',
    );
    assert.equal(statusWord(assumed), 'assumed');
    assert.equal(evidenceWarns(assumed), true);
  });

  it('a retired need is never flagged', () => {
    const old = needEvidence(need('retired', ['2020-01-01']), { today: TODAY });
    assert.equal(
      evidencePhrase(old),
      'Retired · 1 piece of evidence, newest 2020-01-01 (6 years ago)',
    );
    assert.equal(statusWord(old), 'retired');
    assert.equal(evidenceWarns(old), false);
    const none = needEvidence(need('retired', []), { today: TODAY });
    assert.equal(evidencePhrase(none), 'Retired · no evidence');
    assert.equal(evidenceWarns(none), false);
  });

  it('without an age the date stands alone', () => {
    assert.equal(
      evidencePhrase(facts({ count: 2, newest: '2026-10-02' })),
      'Validated · 2 pieces of evidence, newest 2026-10-02',
    );
  });

  it('a checklist need gives the same facts, aged against the day asked', () => {
    const fromChecklist = checklistEvidence(
      { status: 'validated', evidenceCount: 2, newestEvidence: '2024-05-01', stale: true },
      TODAY,
    );
    assert.equal(
      evidencePhrase(fromChecklist),
      'Validated · 2 pieces of evidence, newest 2024-05-01 (2 years ago) · stale: re-validate with customers',
    );
    assert.equal(
      evidencePhrase(checklistEvidence({ status: 'validated', evidenceCount: 0 }, TODAY)),
      'Assumption: marked validated, but rests on no evidence',
    );
  });

  it('as a line, a warning is flagged with ⚠ and sound evidence is not', () => {
    assert.equal(
      evidenceLine(facts({ count: 0, status: 'assumed' })),
      '⚠ Assumption: rests on no evidence',
    );
    assert.equal(
      evidenceLine(facts({ newest: '2024-05-01', age: 761, stale: true })),
      '⚠ Validated · 1 piece of evidence, newest 2024-05-01 (2 years ago) · stale: re-validate with customers',
    );
    assert.equal(
      evidenceLine(facts({ newest: '2026-05-31', age: 1 })),
      'Validated · 1 piece of evidence, newest 2026-05-31 (yesterday)',
    );
  });

  it('ages in words', () => {
    assert.equal(ageText(0), 'today');
    assert.equal(ageText(1), 'yesterday');
    assert.equal(ageText(59), '59 days ago');
    assert.equal(ageText(61), '2 months ago');
    assert.equal(ageText(729), '24 months ago');
    assert.equal(ageText(731), '2 years ago');
  });
});

describe('phrases: reasons', () => {
  it('each rule in text: globs and keywords quoted, an annotation as written in code', () => {
    assert.equal(
      reasonPhrase({ rule: 'path', match: 'src/checkout/**' }, 'text'),
      'path "src/checkout/**"',
    );
    assert.equal(
      reasonPhrase({ rule: 'keyword', match: 'saved card' }, 'text'),
      'keyword "saved card"',
    );
    assert.equal(
      reasonPhrase({ rule: 'annotation', match: 'fast-checkout' }, 'text'),
      'annotation @need fast-checkout',
    );
    assert.equal(
      reasonPhrase({ rule: 'keyword', match: 'pay', removed: true }, 'text'),
      'keyword "pay" (removed line)',
    );
  });

  it('each rule in Markdown: the match is a code span', () => {
    assert.equal(reasonPhrase({ rule: 'path', match: 'src/**' }, 'markdown'), 'path `src/**`');
    assert.equal(reasonPhrase({ rule: 'keyword', match: 'a`b' }, 'markdown'), 'keyword ``a`b``');
    assert.equal(
      reasonPhrase({ rule: 'annotation', match: 'fast-checkout' }, 'markdown'),
      'annotation `@need fast-checkout`',
    );
  });

  it('text is one line with no control characters', () => {
    assert.equal(
      reasonPhrase({ rule: 'keyword', match: 'two\nlines\u001b[2J' }, 'text'),
      'keyword "two lines[2J"',
    );
  });

  it('groups reasons by rule and match, lines listed, removed lines apart', () => {
    const rows = reasonRows(
      [
        { rule: 'path', match: 'src/**' },
        { rule: 'keyword', match: 'saved card', line: 3 },
        { rule: 'annotation', match: 'fast-checkout', line: 3 },
        { rule: 'keyword', match: 'saved card', line: 7 },
        { rule: 'keyword', match: 'saved card', line: 7 },
        { rule: 'keyword', match: 'saved card', line: 2, removed: true },
      ],
      'text',
    );
    assert.deepEqual(rows, [
      'path "src/**"',
      'keyword "saved card" on lines 3, 7',
      'annotation @need fast-checkout on line 3',
      'keyword "saved card" on removed line 2',
    ]);
  });

  it('lists eight lines and counts the rest', () => {
    const lines = Array.from({ length: 11 }, (_, i) => ({
      rule: 'keyword' as const,
      match: 'pay',
      line: i + 1,
    }));
    assert.equal(
      reasonsPhrase(lines, 'text'),
      'keyword "pay" on lines 1, 2, 3, 4, 5, 6, 7, 8 and 3 more',
    );
  });

  it('joins rows with semicolons; a link counts lines from 0, a reason from 1', () => {
    const links = [
      { rule: 'keyword' as const, match: 'saved card', line: 70 },
      { rule: 'path' as const, match: 'src/checkout/**' },
    ];
    assert.equal(
      reasonsPhrase(links.map(linkReason), 'markdown'),
      'keyword `saved card` on line 71; path `src/checkout/**`',
    );
  });

  it('says where: the file and its line, or the file alone', () => {
    assert.equal(wherePhrase({ file: 'src/a.ts', line: 3 }), 'src/a.ts:3');
    assert.equal(wherePhrase({ file: 'src/a.ts' }), 'src/a.ts');
  });
});

describe('phrases: what a checklist looked at', () => {
  it('counts changed and related files, and says what it did not read', () => {
    assert.equal(
      changedFilesPhrase({ changed: 1, related: 0, binary: 0, excluded: 0 }),
      '1 changed file, 0 related to customer needs',
    );
    assert.equal(
      changedFilesPhrase({ changed: 5, related: 2, binary: 1, excluded: 2 }),
      '5 changed files, 2 related to customer needs; 1 binary (matched by path only); 2 in excluded folders (not checked)',
    );
  });
});
