// The GitHub Action's bundle: GitHub runs action/dist/index.js straight from
// the repository, so it is committed, and a unit test rebuilds it from these
// options and compares. Minified (most of it is the HTTP client that @actions/core
// carries) and without a source map: the sources are what is reviewed.
export const actionBuild = {
  entryPoints: ['action/main.mts'],
  outfile: 'action/dist/index.js',
  bundle: true,
  platform: 'node',
  // GitHub runs it on Node 24 (action.yml); the syntax stays Node 20's so the
  // tests, which run the bundle with the project's own Node, can run it too.
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
};
