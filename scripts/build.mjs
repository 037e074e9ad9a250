// Bundles the CLI, the extension (for Node and for the browser) and the GitHub Action with esbuild. `--watch` rebuilds on change.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { actionBuild } from './actionBuild.mjs';
import { webBuild } from './lib/webBuild.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
};
const builds = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    // `outside-in --version`: the bundle is all an installed CLI has.
    define: { OUTSIDE_IN_VERSION: JSON.stringify(version) },
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  },
  { ...webBuild, minify: !watch },
  actionBuild,
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
