/**
 * The browser entry runs in a web worker (vscode.dev, github.dev), where Node
 * is not there: the bundle must not need a Node built-in, nor any of
 * `src/node/` (the command line's file walking and git), and it must stay
 * within the size the bench reports against.
 */
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './helpers/runCli';

interface WebBuildModule {
  readonly webBuild: esbuild.BuildOptions;
}

/** The modules a CommonJS bundle still `require`s at run time, other than `vscode`. */
function runtimeRequires(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    if (m[1] !== 'vscode') found.add(m[1] as string);
  }
  return [...found].sort();
}

/** A Node built-in by any of its names (`fs`, `node:fs`, `fs/promises`). */
function isNodeBuiltin(name: string): boolean {
  const bare = name.replace(/^node:/, '');
  return name.startsWith('node:') || builtinModules.includes(bare.split('/')[0] as string);
}

describe('the web extension bundle', function () {
  this.timeout(60_000);
  let text = '';
  let inputs: string[] = [];

  before(async () => {
    const { webBuild } = (await import(
      path.join(REPO_ROOT, 'scripts', 'lib', 'webBuild.mjs')
    )) as WebBuildModule;
    const result = await esbuild.build({
      ...webBuild,
      absWorkingDir: REPO_ROOT,
      write: false,
      sourcemap: false,
      metafile: true,
      logLevel: 'silent',
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
    assert.ok(js, 'esbuild wrote no JavaScript');
    text = js.text;
    inputs = Object.keys(result.metafile.inputs);
  });

  it('is built from the browser entry for a web worker', () => {
    assert.ok(inputs.includes('src/vscode/extensionWeb.ts'), inputs.join('\n'));
    assert.ok(inputs.includes('src/vscode/webHost.ts'));
    // The desktop's git and Node walk stay out.
    assert.ok(!inputs.includes('src/vscode/nodeHost.ts'));
    assert.ok(!inputs.includes('src/vscode/checklist/git.ts'));
  });

  it('takes nothing from src/node/ and no Node built-in', () => {
    assert.deepEqual(
      inputs.filter((i) => i.startsWith('src/node/') || isNodeBuiltin(i)),
      [],
    );
  });

  it('requires nothing at run time but vscode', () => {
    assert.deepEqual(runtimeRequires(text), []);
  });

  it('stays within 400 KB', () => {
    assert.ok(text.length <= 400 * 1024, `${text.length} bytes`);
  });
});

describe('the web bundle check', () => {
  it('finds a Node built-in that a bundle requires', () => {
    const bundle = 'var a=require("vscode"),b=require("node:fs"),c=require( "child_process" );';
    assert.deepEqual(runtimeRequires(bundle), ['child_process', 'node:fs']);
    assert.ok(isNodeBuiltin('node:fs'));
    assert.ok(isNodeBuiltin('fs/promises'));
    assert.ok(isNodeBuiltin('child_process'));
    assert.ok(!isNodeBuiltin('yaml'));
  });
});
