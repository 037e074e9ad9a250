/**
 * `npm start` and `npm test` install code-server with a nested npm. A nested
 * npm reads the outer run's `npm_config_*` variables as its own config: that is
 * how the outer user agent (Node 20) once stopped code-server's install on every
 * fresh clone while CI, which ran the set-up outside npm, stayed green. These
 * tests run a real outer `npm run` with a config value of its own and look at
 * what a nested npm sees through each environment the set-up script uses.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './helpers/runCli';

type Env = Record<string, string | undefined>;

describe('nested npm runs get a clean environment', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'outside-in-npm-env-'));
    const setup = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'setup-vscode.mjs')).href;
    const clean = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'cleanEnv.mjs')).href;
    // The probe runs inside `npm run`, as the set-up does under `npm test`, and
    // asks a nested npm for the outer run's config value through each env.
    writeFileSync(
      path.join(dir, 'probe.mjs'),
      [
        `import { spawnSync } from 'node:child_process';`,
        `import { codeServers, node24Env } from ${JSON.stringify(setup)};`,
        `import { cleanNpmEnv } from ${JSON.stringify(clean)};`,
        `const ask = (env) => spawnSync('npm', ['config', 'get', 'outside-in-probe'], { env, encoding: 'utf8' }).stdout.trim();`,
        `console.log(JSON.stringify({ inherited: ask(process.env), clean: ask(cleanNpmEnv()), node24: ask(node24Env()), oldest: ask(codeServers.oldest.env()) }));`,
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'probe', private: true, scripts: { probe: 'node probe.mjs' } }),
    );
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an outer npm run config reaches a nested npm only through an inherited env', function () {
    this.timeout(60_000);
    const outer = spawnSync('npm', ['run', '--silent', 'probe', '--outside-in-probe=leaked'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(outer.status, 0, outer.stderr);
    const seen = JSON.parse(outer.stdout.trim().split('\n').pop() as string) as Env;
    // The control: without cleaning, the nested npm takes the outer value.
    assert.equal(seen.inherited, 'leaked');
    assert.equal(seen.clean, 'undefined');
    assert.equal(seen.node24, 'undefined');
    assert.equal(seen.oldest, 'undefined');
  });

  it('strips npm_* variables, the npm run markers and npm-added PATH entries only', async () => {
    const { cleanNpmEnv } = (await import(
      pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'cleanEnv.mjs')).href
    )) as { cleanNpmEnv: (env: Env) => Env };
    const env = cleanNpmEnv({
      npm_config_user_agent: 'npm/11.0.0 node/v20.0.0 linux x64',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_lifecycle_event: 'start',
      INIT_CWD: '/repo',
      NODE: '/usr/bin/node',
      HOME: '/root',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/ca.pem',
      PATH: [
        '/repo/node_modules/.bin',
        '/node_modules/.bin',
        '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
        '/usr/local/bin',
        '/usr/bin',
      ].join(path.delimiter),
    });
    assert.deepEqual(env, {
      HOME: '/root',
      NODE_EXTRA_CA_CERTS: '/etc/ssl/ca.pem',
      PATH: ['/usr/local/bin', '/usr/bin'].join(path.delimiter),
    });
  });
});
