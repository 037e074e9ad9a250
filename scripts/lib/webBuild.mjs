// The browser entry's bundle (vscode.dev, github.dev): a web worker has no
// Node, so nothing of Node may end up in it. Shared by scripts/build.mjs, the
// unit test that inspects the bundle (test/unit/webBundle.test.ts) and the
// size figure of `npm run bench`.
export const webBuild = {
  entryPoints: ['src/vscode/extensionWeb.ts'],
  outfile: 'dist/web/extension.js',
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  // Packages with a browser build (the `browser` field) get it, as in a web worker.
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
};
