import * as assert from 'node:assert/strict';
import { setDigest } from '../../src/node/setDigest';
import { needsSet, yaml } from './helpers/needsIndex';

// The key of the editor's scan cache: anything that changes an answer changes it.
const NEED = [
  'version: 1',
  'needs:',
  '  - id: fast-checkout',
  '    title: Checkout is fast',
  '    match:',
  '      paths: ["src/pay/**"]',
  '      keywords: ["checkout"]',
];

const digestOf = (lines: readonly string[], file = 'customer-needs.yaml'): Promise<string> =>
  setDigest(needsSet({ [file]: yaml(...lines) }), 'extra');

describe('setDigest', () => {
  it('is the same for the same needs, read twice', async () => {
    assert.equal(await digestOf(NEED), await digestOf(NEED));
  });

  it('changes with a keyword, a glob, a need, the needs file or the extra key', async () => {
    const base = await digestOf(NEED);
    const changed = [
      await digestOf(NEED.map((l) => l.replace('"checkout"', '"basket"'))),
      await digestOf(NEED.map((l) => l.replace('src/pay/**', 'src/cart/**'))),
      await digestOf([...NEED, '  - id: second', '    title: Another']),
      await digestOf(NEED, 'packages/a/customer-needs.yaml'),
      await setDigest(needsSet({ 'customer-needs.yaml': yaml(...NEED) }), 'other'),
    ];
    for (const d of changed) assert.notEqual(d, base);
    assert.equal(new Set(changed).size, changed.length);
  });

  it('changes with what the needs file keeps in Maps (personas here)', async () => {
    const withPersona = (name: string): string[] => [
      'version: 1',
      'personas:',
      '  shopper:',
      `    name: ${name}`,
      ...NEED.slice(1),
    ];
    assert.notEqual(
      await digestOf(withPersona('The shopper')),
      await digestOf(withPersona('A buyer')),
    );
  });
});
