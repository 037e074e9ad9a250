/**
 * The oldest VS Code we claim to run on is the one we test on: `engines.vscode`,
 * the `@types/vscode` the code compiles against, and the oldest code-server the
 * integration tests install must name the same VS Code, so raising one without
 * the others fails here.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './helpers/runCli';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
};

describe('the oldest VS Code: engine, types and tests agree', () => {
  it('engines.vscode is a caret range from a 1.x.0 release', () => {
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.0$/);
  });

  it('@types/vscode is pinned to the engine’s minor version, so newer API fails to compile', () => {
    const engineMinor = manifest.engines.vscode.replace(/^\^/, '').split('.').slice(0, 2).join('.');
    assert.equal(manifest.devDependencies['@types/vscode'], engineMinor);
  });

  it('the oldest code-server carries the engine’s VS Code (code-server 4.N carries VS Code 1.N)', async () => {
    const setup = (await import(
      pathToFileURL(path.join(REPO_ROOT, 'scripts', 'setup-vscode.mjs')).href
    )) as { CODE_SERVER_OLDEST_VERSION: string };
    const engineMinor = manifest.engines.vscode.split('.')[1];
    const [major, minor] = setup.CODE_SERVER_OLDEST_VERSION.split('.');
    assert.equal(major, '4');
    assert.equal(minor, engineMinor);
  });
});
