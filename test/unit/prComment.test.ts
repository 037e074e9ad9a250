/**
 * The pull-request comment in pure core: which boxes belong to which need,
 * ticks carried over to a new checklist, the reviews still open, the
 * `require-ticks` input, the event payload, and GitHub's length limit.
 */
import * as assert from 'node:assert/strict';
import type { Checklist, ChecklistNeed } from '../../src/core/checklist';
import {
  COMMENT_LIMIT,
  COMMENT_MARKER,
  checklistBoxes,
  commentBody,
  isChecklistComment,
  mergeTicks,
  openReviews,
  parseRequireTicks,
} from '../../src/core/prComment';
import { ownerAndRepo, pullNumberOf } from '../../src/core/pullRequestEvent';
import { renderMarkdown } from '../../src/core/render';

function need(id: string, overrides: Partial<ChecklistNeed> = {}): ChecklistNeed {
  return {
    id,
    title: `Title of ${id}`,
    priority: 'medium',
    status: 'validated',
    review: [],
    because: [{ file: 'src/a.ts', line: 3, rule: 'keyword', match: 'cart' }],
    evidenceCount: 1,
    signals: [],
    needsFile: 'customer-needs.yaml',
    ...overrides,
  };
}

function checklist(needs: ChecklistNeed[], extra: Partial<Checklist> = {}): Checklist {
  return {
    version: 1,
    base: 'b'.repeat(40),
    head: 'c'.repeat(40),
    needs,
    values: [],
    files: { changed: 1, related: 1, excluded: 0, binary: 0 },
    ...extra,
  };
}

// Written by hand in the shape renderMarkdown gives, with the edits a reviewer makes.
const EDITED = `${COMMENT_MARKER}
## Customer needs this change touches (edited)

### Paying (critical)

Shopper · validated · \`pay\`

- [x] Can a retry charge twice?
- [X] Is the key stored?
- [ ] Is the receipt sent?

<details><summary>Why this need</summary>

- \`src/a.ts:3\`: keyword \`cart\`
- [x] A box a reviewer added under the reasons

</details>

### Gifts (low)

validated · \`gift\`

- [x] Can a retry charge twice?

Some words the reviewer wrote.
`;

describe('the pull-request comment', () => {
  describe('checklistBoxes', () => {
    it('gives each box the id of the need introduced above it, and x or X as ticked', () => {
      const boxes = checklistBoxes(EDITED).map((b) => [b.owner, b.text, b.ticked]);
      assert.deepEqual(boxes, [
        ['pay', 'Can a retry charge twice?', true],
        ['pay', 'Is the key stored?', true],
        ['pay', 'Is the receipt sent?', false],
        // A bullet ending in a code span (a reason) names no owner.
        ['pay', 'A box a reviewer added under the reasons', true],
        ['gift', 'Can a retry charge twice?', true],
      ]);
    });

    it('a heading ends the need above it', () => {
      const boxes = checklistBoxes('x · `a`\n\n### Standing values\n\n- [ ] Q\n');
      assert.deepEqual(
        boxes.map((b) => b.owner),
        [undefined],
      );
    });
  });

  describe('mergeTicks', () => {
    const fresh = renderMarkdown(
      checklist([
        need('pay', {
          priority: 'critical',
          review: ['Can a retry charge twice?', 'Is the key kept?', 'Is the receipt sent?'],
        }),
        need('gift', { priority: 'low', review: ['Is the key stored?'] }),
      ]),
    );

    it('keeps a tick where the same need asks the same question, and only there', () => {
      const merged = mergeTicks(EDITED, fresh);
      assert.deepEqual(
        checklistBoxes(merged).map((b) => [b.owner, b.text, b.ticked]),
        [
          ['pay', 'Can a retry charge twice?', true],
          // Reworded ("stored" became "kept"): open again.
          ['pay', 'Is the key kept?', false],
          ['pay', 'Is the receipt sent?', false],
          // The same words were ticked under another need, not this one.
          ['gift', 'Is the key stored?', false],
        ],
      );
    });

    it('changes nothing but the boxes', () => {
      const merged = mergeTicks(EDITED, fresh);
      assert.equal(merged.replace('- [x] Can a retry', '- [ ] Can a retry'), fresh);
    });

    it('without a previous comment, gives the checklist as it is', () => {
      assert.equal(mergeTicks(undefined, fresh), fresh);
    });

    it('keeps the tick of a standing value', () => {
      const c = checklist([], {
        values: [{ id: 'honest', statement: 'We say what went wrong.', review: ['Plain errors?'] }],
      });
      const ticked = renderMarkdown(c).replace('- [ ] Plain errors?', '- [x] Plain errors?');
      assert.ok(mergeTicks(ticked, renderMarkdown(c)).includes('- [x] Plain errors?'));
    });

    it('matches the question as the checklist escapes it', () => {
      const c = checklist([need('n', { review: ['Is <b>bold</b> *safe*?'] })]);
      const ticked = renderMarkdown(c).replace('- [ ]', '- [x]');
      assert.equal(checklistBoxes(mergeTicks(ticked, renderMarkdown(c)))[0]?.ticked, true);
    });
  });

  describe('openReviews', () => {
    const c = checklist([
      need('pay', { priority: 'critical', title: 'Paying' }),
      need('total', { priority: 'high' }),
      need('gift', { priority: 'low' }),
    ]);

    it('lists the open questions of the needs of the given priorities', () => {
      const open = openReviews(EDITED, c, ['critical', 'high']);
      assert.deepEqual(open, [
        {
          needId: 'pay',
          title: 'Paying',
          priority: 'critical',
          open: ['Is the receipt sent?'],
          missing: false,
        },
        // Not in the comment at all: open, so a cut comment cannot pass.
        { needId: 'total', title: 'Title of total', priority: 'high', open: [], missing: true },
      ]);
    });

    it('is empty when every box of those needs is ticked', () => {
      const body = EDITED.replace('- [ ] Is the receipt sent?', '- [x] Is the receipt sent?');
      assert.deepEqual(openReviews(body, c, ['critical']), []);
      assert.deepEqual(openReviews(body, c, []), []);
    });

    it('asks for the tick of a need without review questions', () => {
      const body = renderMarkdown(checklist([need('bare', { priority: 'high' })]));
      assert.equal(
        openReviews(body, checklist([need('bare', { priority: 'high' })]), ['high']).length,
        1,
      );
      const ticked = body.replace('- [ ]', '- [x]');
      assert.deepEqual(
        openReviews(ticked, checklist([need('bare', { priority: 'high' })]), ['high']),
        [],
      );
    });
  });

  describe('parseRequireTicks', () => {
    it('reads priorities, true, false and none', () => {
      assert.deepEqual(parseRequireTicks('critical, high'), { priorities: ['critical', 'high'] });
      assert.deepEqual(parseRequireTicks('true'), { priorities: ['critical', 'high'] });
      assert.deepEqual(parseRequireTicks('False'), { priorities: [] });
      assert.deepEqual(parseRequireTicks(''), { priorities: [] });
      assert.deepEqual(parseRequireTicks('none'), { priorities: [] });
      assert.deepEqual(parseRequireTicks('critical,urgent'), { unknown: 'urgent' });
    });
  });

  describe('commentBody', () => {
    it('starts with the marker and says how ticks are kept', () => {
      const body = commentBody('## Checklist\n');
      assert.ok(body.startsWith(`${COMMENT_MARKER}\n## Checklist`));
      assert.ok(isChecklistComment(body));
      assert.ok(!isChecklistComment('## Checklist'));
      assert.ok(!isChecklistComment(null));
      assert.match(body, /keeps every tick whose question still applies/);
    });

    it('a long checklist loses its reasons first, and keeps every question', () => {
      const long = Array.from({ length: 40 }, (_, i) => `- \`src/f${i}.ts:1\`: path \`src/**\``);
      const md = `### A (high)\n\nvalidated · \`a\`\n\n- [ ] Q?\n\n<details><summary>Why this need</summary>\n\n${long.join('\n')}\n\n</details>\n`;
      const body = commentBody(md, 1000);
      assert.ok(body.length <= 1000);
      assert.ok(body.includes('- [ ] Q?'));
      assert.ok(!body.includes('src/f0.ts'));
      assert.match(body, /Why each need is here is left out/);
    });

    it("fits GitHub's limit, cut at a line end with a note", () => {
      const lines = Array.from({ length: 5000 }, (_, i) => `- [ ] Question number ${i} of many`);
      const md = `### A (high)\n\nvalidated · \`a\`\n\n${lines.join('\n')}\n`;
      const body = commentBody(md);
      assert.ok(md.length > COMMENT_LIMIT);
      assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
      assert.match(body, /_The checklist is cut here/);
      const cutBefore = body.slice(0, body.indexOf('\n\n_The checklist is cut here'));
      assert.match(cutBefore, /of many$/, 'no line cut in two');
    });
  });

  describe('the event payload', () => {
    it('finds the pull request of pull_request and issue_comment events', () => {
      assert.equal(pullNumberOf({ pull_request: { number: 7 } }), 7);
      assert.equal(pullNumberOf({ issue: { number: 8, pull_request: {} } }), 8);
      assert.equal(pullNumberOf({ number: 9 }), 9);
      // An issue that is no pull request, and junk.
      assert.equal(pullNumberOf({ issue: { number: 8 } }), undefined);
      assert.equal(pullNumberOf({ pull_request: { number: '7' } }), undefined);
      assert.equal(pullNumberOf(null), undefined);
      assert.equal(pullNumberOf([]), undefined);
    });

    it('splits owner/name', () => {
      assert.deepEqual(ownerAndRepo('o/r'), { owner: 'o', repo: 'r' });
      assert.equal(ownerAndRepo('o'), undefined);
      assert.equal(ownerAndRepo(undefined), undefined);
    });
  });
});
