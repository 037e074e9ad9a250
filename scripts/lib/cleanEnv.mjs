// The environment for an npm run nested inside another (`npm start` and
// `npm test` install code-server with npm). npm passes its whole config down
// to the scripts it runs as `npm_config_*` variables, and a nested npm reads
// them back as its own config: the outer run's `npm_config_user_agent` (which
// names the machine's Node 20) made code-server's install refuse to run under
// Node 24, and `npm_config_nodedir` would build native modules against the
// wrong headers. npm also puts `node_modules/.bin` folders and its node-gyp
// shim first on PATH. None of that belongs to the nested run.
import { delimiter } from 'node:path';

/** Variables npm sets for the scripts it runs, besides `npm_*`. */
const NPM_RUN_VARIABLES = new Set(['INIT_CWD', 'NODE', 'COLOR']);

/** `env` without what an outer npm run put there: a nested npm starts as if from a shell. */
export function cleanNpmEnv(env = process.env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || NPM_RUN_VARIABLES.has(key)) continue;
    out[key] = value;
  }
  if (env.PATH !== undefined) out.PATH = withoutNpmPaths(env.PATH);
  return out;
}

function withoutNpmPaths(path) {
  return path
    .split(delimiter)
    .filter((dir) => !/[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir))
    .filter((dir) => !/[\\/]node-gyp-bin[\\/]?$/.test(dir))
    .join(delimiter);
}
