/**
 * The CLI as a team installs it for CI: `npm pack` in the repository, then
 * `npm install -g` of that tarball into a private prefix, offline and with an
 * empty npm cache, then the installed `outside-in` run from outside the
 * repository. Any package the CLI needed besides its bundle would make the
 * install or the run fail.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir, removeDir } from './helpers/gitRepo';
import { REPO_ROOT } from './helpers/runCli';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI packed with npm pack and installed with npm install -g', function () {
  // The pack builds both bundles first; on a busy machine that takes a while.
  this.timeout(240_000);
  let tmp: string;
  let bin: string;
  let installed: string;
  let version: string;
  /** What the installed CLI runs with: no npm variables, git reading no user config. */
  let cliEnv: NodeJS.ProcessEnv;

  before(async () => {
    tmp = makeTempDir('outside-in-pack-');
    const cleanEnv = path.join(REPO_ROOT, 'scripts', 'lib', 'cleanEnv.mjs');
    const { cleanNpmEnv } = (await import(pathToFileURL(cleanEnv).href)) as {
      cleanNpmEnv: (env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
    };
    const npmEnv = {
      ...cleanNpmEnv(process.env),
      // An empty cache: nothing can come from an earlier install.
      npm_config_cache: path.join(tmp, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    cliEnv = {
      ...cleanNpmEnv(process.env),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_TERMINAL_PROMPT: '0',
    };

    const pack = run('npm', ['pack', '--pack-destination', tmp], REPO_ROOT, npmEnv);
    assert.equal(pack.code, 0, pack.stderr);
    const tarballs = readdirSync(tmp).filter((f) => /^outside-in-.+\.tgz$/.test(f));
    assert.equal(tarballs.length, 1, `tarballs: ${tarballs.join(', ')}`);

    const prefix = path.join(tmp, 'prefix');
    const tarball = path.join(tmp, tarballs[0] as string);
    const install = run(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', tarball],
      tmp,
      npmEnv,
    );
    assert.equal(install.code, 0, install.stderr);
    bin = path.join(prefix, 'bin', 'outside-in');
    installed = path.join(prefix, 'lib', 'node_modules', 'outside-in');
    ({ version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    });
  });

  after(() => {
    if (tmp !== undefined) removeDir(tmp);
  });

  it('installs the bundle and no other package', () => {
    assert.ok(existsSync(path.join(installed, 'dist', 'cli.js')));
    assert.equal(existsSync(path.join(installed, 'node_modules')), false);
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      dependencies?: unknown;
    };
    assert.equal(manifest.dependencies, undefined);
  });

  it('outside-in --version prints the version of package.json', () => {
    const r = run(bin, ['--version'], tmp, cliEnv);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${version}\n`);
  });

  it('outside-in check --root examples/shop: warnings only, exit 0', () => {
    const r = run(bin, ['check', '--root', path.join(REPO_ROOT, 'examples', 'shop')], tmp, cliEnv);
    assert.equal(r.code, 0, r.stderr);
    // The shop's gift note is its one need without evidence, on purpose.
    assert.match(
      r.stdout,
      /^customer-needs\.yaml:\d+:\d+: warning: Need "gift-note" rests on no evidence: an assumption\. \[no-evidence\]$/m,
    );
    for (const line of r.stdout.split('\n').filter((l) => l !== ''))
      assert.match(line, /^customer-needs\.yaml:\d+:\d+: warning: /);
    assert.match(
      r.stderr,
      /^outside-in: 1 needs file\(s\), \d+ source file\(s\) read: 0 error\(s\), \d+ warning\(s\)\n$/,
    );
  });
});
