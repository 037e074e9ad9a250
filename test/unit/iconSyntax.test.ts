import * as assert from 'node:assert/strict';
import { escapeIconSyntax } from '../../src/core/iconSyntax';

// Expected results written by hand from VS Code's renderLabelWithIcons: it
// renders `$(name)` and `$(name~modifier)` (name: ASCII letters, digits, '-';
// modifier: letters) as an icon and `\$(name)` as the literal `$(name)`.
describe('escapeIconSyntax', () => {
  it('leaves text without icon syntax as it is', () => {
    for (const text of ['', 'Checkout feels instant', 'Pay $5 (or more)', 'a\\b', '“quoted” · x'])
      assert.equal(escapeIconSyntax(text), text);
  });

  it('escapes an icon reference', () => {
    assert.equal(escapeIconSyntax('$(alert) Pay now'), '\\$(alert) Pay now');
    assert.equal(escapeIconSyntax('Pay $(alert)'), 'Pay \\$(alert)');
  });

  it('escapes a reference with a modifier', () => {
    assert.equal(escapeIconSyntax('$(loading~spin)'), '\\$(loading~spin)');
    assert.equal(escapeIconSyntax('$(zap~spin) theme'), '\\$(zap~spin) theme');
  });

  it('escapes every reference, names with digits and dashes too', () => {
    assert.equal(
      escapeIconSyntax('$(alert) Pay now $(loading~spin)'),
      '\\$(alert) Pay now \\$(loading~spin)',
    );
    assert.equal(escapeIconSyntax('$(a)$(b)'), '\\$(a)\\$(b)');
    assert.equal(escapeIconSyntax('$(git-branch) $(-) $(x2)'), '\\$(git-branch) \\$(-) \\$(x2)');
  });

  it('gives a reference that is already escaped its own escape: the backslash is text', () => {
    // Shown as `\$(alert)`: the renderer drops one backslash and keeps the other.
    assert.equal(escapeIconSyntax('\\$(alert)'), '\\\\$(alert)');
    assert.equal(escapeIconSyntax('\\\\$(alert)'), '\\\\\\$(alert)');
  });

  it('leaves a $ without a parenthesis, or an unclosed one, alone', () => {
    assert.equal(escapeIconSyntax('$alert'), '$alert');
    assert.equal(escapeIconSyntax('$ (alert)'), '$ (alert)');
    assert.equal(escapeIconSyntax('$(alert'), '$(alert');
    assert.equal(escapeIconSyntax('US$'), 'US$');
  });

  it('leaves what VS Code would not render as an icon alone', () => {
    // Not names: empty, a space, a dot, non-ASCII, two modifiers, a modifier with a digit.
    for (const text of ['$()', '$(a b)', '$(a.b)', '$(ålert)', '$(a~b~c)', '$(a~1)', '$(~spin)'])
      assert.equal(escapeIconSyntax(text), text);
  });

  it('escapes only the well-formed reference in nested or odd text', () => {
    assert.equal(escapeIconSyntax('$($(alert))'), '$(\\$(alert))');
    assert.equal(escapeIconSyntax('$$(alert)'), '$\\$(alert)');
    assert.equal(escapeIconSyntax('$(alert))'), '\\$(alert))');
    assert.equal(escapeIconSyntax('(($(alert)'), '((\\$(alert)');
    assert.equal(escapeIconSyntax('${7*7} $(7)'), '${7*7} \\$(7)');
  });

  it('answers at once on long hostile text (the suite timeout guards a hang)', () => {
    const text = '$('.repeat(50_000) + 'a'.repeat(50_000) + '$(a~'.repeat(20_000);
    assert.equal(escapeIconSyntax(text), text);
    const name = 'a'.repeat(100_000);
    assert.equal(escapeIconSyntax(`$(${name})`), `\\$(${name})`);
  });
});
