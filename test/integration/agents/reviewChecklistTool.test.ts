import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import * as path from 'node:path';
import { activeApi, EXTENSION_ID, workspaceUri } from '../helpers';

// The fixture is test/fixtures/workspaces/basic (product "Fixture Shop"):
// fast-checkout (high, keyword "checkout") among others. The workspace is no
// git repository until the second test makes it one; this file runs after the
// suite's other files (they run in name order).

/** The packaged CLI's answer for the same workspace: what CI would print. */
function cli(...args: string[]): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return execFileSync(
    process.execPath,
    [
      path.join(extension.extensionPath, 'dist', 'cli.js'),
      ...args,
      '--root',
      workspaceUri().fsPath,
    ],
    { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
  );
}

async function ask(input: object): Promise<string> {
  const result = await vscode.lm.invokeTool('outside-in_checklist', {
    input,
    toolInvocationToken: undefined,
  });
  return result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
    .join('');
}

function git(...args: string[]): void {
  execFileSync('git', args, { cwd: workspaceUri().fsPath, stdio: 'pipe' });
}

suite('Language-model tool: the review checklist, and one answer with the CLI', () => {
  suiteSetup(async () => {
    await (await activeApi()).ready();
  });

  test('outside a git repository: a sentence the agent can act on', async () => {
    const text = await ask({});
    const name = vscode.workspace.workspaceFolders?.[0]?.name ?? '';
    assert.ok(text.startsWith(`No checklist for ${name}: `), text);
  });

  test('the needs the uncommitted change touches, as the Markdown of outside-in checklist', async () => {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'shop');
    await vscode.workspace.fs.writeFile(
      workspaceUri('src', 'pay.ts'),
      new TextEncoder().encode('export const checkoutButton = "Pay";\n'),
    );
    const text = await ask({});
    assert.match(text, /^## Fixture Shop: customer needs this change touches/m);
    assert.ok(text.includes('### Checkout feels instant (high)'), text);
    assert.ok(text.includes('> “I just want to pay and go.”'), text);
    assert.ok(text.includes('- `src/pay.ts:1`: keyword `checkout`'), text);
    assert.ok(!text.includes('Cards are remembered'), text);
    // One answer: the editor's tool and the CLI print the same checklist.
    assert.equal(text, cli('checklist', '--format', 'markdown'));
  });

  test('the needs of a line: the editor tool and outside-in explain name the same needs in the same order', async () => {
    // Line 8: "// Remembers the card for next time. @need fast-checkout, saved-cards"
    const result = await vscode.lm.invokeTool('outside-in_relatedNeeds', {
      input: { path: 'src/checkout.ts', line: 8 },
      toolInvocationToken: undefined,
    });
    const text = result.content
      .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
      .join('');
    const editor = [...text.matchAll(/^## ([\w.-]+):/gm)].map((m) => m[1]);
    const json = JSON.parse(
      cli('explain', workspaceUri('src', 'checkout.ts').fsPath + ':8', '--format', 'json'),
    ) as { needs: { id: string }[] };
    assert.deepEqual(editor, ['fast-checkout', 'saved-cards']);
    assert.deepEqual(
      json.needs.map((n) => n.id),
      editor,
    );
  });

  test('a folder that is not open is named in the answer', async () => {
    const text = await ask({ folder: 'elsewhere' });
    const name = vscode.workspace.workspaceFolders?.[0]?.name ?? '';
    assert.equal(text, `No workspace folder is named elsewhere: ${name}.`);
  });
});
