// Bundles one web suite (a row with `web: true` in test/integration/suites.ts)
// for the web worker extension host, which loads the `extensionTestsPath` as a
// single script with no `require` but `vscode`: test/integration/webIndex.ts
// (mocha's browser build, set up first), then the suite's `*.test.ts` files.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { paths } from '../setup-vscode.mjs';

/** Writes out/test/web/<suite>.js and returns its path. */
export async function bundleWebSuite(name) {
  const dir = join(paths.root, 'test', 'integration', name);
  const tests = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  if (tests.length === 0) throw new Error(`No test files in ${dir}.`);
  const outDir = join(paths.root, 'out', 'test', 'web');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.js`);
  await esbuild.build({
    stdin: {
      contents: [
        `export { run } from './test/integration/webIndex.ts';`,
        ...tests.map((f) => `import './test/integration/${name}/${f}';`),
      ].join('\n'),
      resolveDir: paths.root,
      sourcefile: `${name}-web-suite.ts`,
      loader: 'ts',
    },
    absWorkingDir: paths.root,
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
