import * as assert from 'node:assert/strict';
import { linkCountText } from '../../src/core/linkCounts';
import type { Link } from '../../src/core/model';

const path: Link = { needId: 'n', rule: 'path', match: 'src/**' };
const kw = (line: number, match = 'card'): Link => ({ needId: 'n', rule: 'keyword', line, match });
const ann = (line: number): Link => ({ needId: 'n', rule: 'annotation', line, match: 'n' });

describe('linkCountText', () => {
  it('says so when no code links to the need', () => {
    assert.equal(linkCountText([]), 'No code links to this need yet.');
  });

  it('counts files, annotations, keyword lines (once per line) and path files', () => {
    const text = linkCountText([
      { links: [path, kw(3), kw(3, 'pay*'), ann(7)] },
      { links: [kw(3)] },
    ]);
    assert.equal(text, 'Linked from 2 files: 1 annotation, 2 keyword lines, 1 file by path.');
  });

  it('singular and plural', () => {
    assert.equal(
      linkCountText([{ links: [ann(1), ann(2)] }]),
      'Linked from 1 file: 2 annotations.',
    );
  });
});
