// Starting and stopping code-server (a real VS Code served to a browser) and
// opening its workbench in Debian's Chromium. Shared by the integration tests,
// the UI tests and `npm start`. See docs/testing.md for why.
import { spawn } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { codeServers, paths } from '../setup-vscode.mjs';

export const EXTENSION_ID = 'outside-in.outside-in';

export function readManifest() {
  return JSON.parse(readFileSync(join(paths.root, 'package.json'), 'utf8'));
}

/** A fresh temporary folder for one session: HOME, workspace copy, user data, extensions. */
export function makeSessionDir(label) {
  return mkdtempSync(join(tmpdir(), `outside-in-${label}-`));
}

/** Copies a fixture workspace so a session can change it without leaking into the next. */
export function copyWorkspace(source, sessionDir, name) {
  const target = join(sessionDir, name);
  cpSync(source, target, { recursive: true });
  return target;
}

/** Installs the repository unpacked (a symlink, so a rebuild is picked up on reload). */
export function installUnpacked(extensionsDir) {
  const m = readManifest();
  mkdirSync(extensionsDir, { recursive: true });
  const target = join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
  rmSync(target, { recursive: true, force: true });
  symlinkSync(paths.root, target, 'dir');
  return target;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs the code-server CLI (e.g. `--install-extension`) to completion, under
 * its own Node. `vscode` is an entry of `codeServers` (default the newest).
 */
export async function codeServerCli(args, sessionDir, vscode = codeServers.newest) {
  const log = [];
  const child = spawn(vscode.node, [vscode.entry, ...args], {
    env: sessionEnv(vscode, sessionDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => log.push(d));
  child.stderr.on('data', (d) => log.push(d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const output = Buffer.concat(log).toString();
  if (code !== 0) throw new Error(`code-server ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

function sessionEnv(vscode, sessionDir, extra = {}) {
  const home = join(sessionDir, 'home');
  for (const d of ['', '.config', '.local/share', '.cache'])
    mkdirSync(join(home, d), { recursive: true });
  return vscode.env({
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    ...extra,
  });
}

/**
 * Starts code-server in its own process group on a free port of 127.0.0.1 and
 * waits until it answers. Workspaces are trusted unless `restricted`. `settings`
 * are the user settings of the session. `stop()` ends the whole group: killing
 * the wrapper alone leaves a helper process running. `vscode` is an entry of
 * `codeServers` (default the newest).
 */
export async function startCodeServer({
  vscode = codeServers.newest,
  sessionDir,
  folder,
  extensionsDir,
  port,
  env = {},
  restricted = false,
  settings = {},
}) {
  port ??= await freePort();
  const userDataDir = join(sessionDir, 'user-data');
  extensionsDir ??= join(sessionDir, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Its own config file, or it writes ~/.config/code-server/config.yaml.
  const config = join(sessionDir, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = join(sessionDir, 'code-server.log');
  const logFd = openSync(logFile, 'a');
  // Restricted Mode: workspace trust on, and the start-up prompt (a modal no
  // one would answer) off, so the folder opens untrusted.
  const userSettings = {
    ...(restricted ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
    ...settings,
  };
  if (Object.keys(userSettings).length > 0) {
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings));
  }
  const args = [
    vscode.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(restricted ? [] : ['--disable-workspace-trust']),
    ...vscode.args,
    '--config',
    config,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (folder) args.push(folder);
  const child = spawn(vscode.node, args, {
    detached: true, // setsid: a process group of its own, stopped as one
    env: sessionEnv(vscode, sessionDir, env),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  let exited = false;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(code ?? signal);
    }),
  );
  const pgid = child.pid;
  const killGroup = (signal) => {
    try {
      process.kill(-pgid, signal);
      return true;
    } catch {
      return false;
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const server = {
    port,
    pid: pgid,
    origin: `http://127.0.0.1:${port}`,
    userDataDir,
    extensionsDir,
    logFile,
    exited: exitPromise,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    /** A `vscode-remote://` URI for a path on this machine, as the payload wants. */
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${encodeURI(path)}`,
    workbenchUrl: ({ folder: f, workspace: w, payload } = {}) => {
      const q = new URLSearchParams();
      if (w) q.set('workspace', w);
      else if (f) q.set('folder', f);
      if (payload) q.set('payload', JSON.stringify(payload));
      const query = q.toString();
      return `http://127.0.0.1:${port}/${query ? `?${query}` : ''}`;
    },
    async stop() {
      process.off('exit', onExit);
      if (!killGroup('SIGTERM')) return;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && killGroup(0)) await delay(100);
      killGroup('SIGKILL');
      while (killGroup(0)) await delay(50);
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${server.log()}`);
    try {
      const res = await fetch(`${server.origin}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer within 60 s:\n${server.log()}`);
    }
    await delay(100);
  }
  return server;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium driven by playwright-core (its own browser downloads are unreachable). */
export async function launchBrowser(profileDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: paths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

/** The extension host's log files under a session, for printing after a failure. */
export function extensionHostLogs(sessionDir) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (e !== 'extensions' && e !== 'node_modules') walk(p);
      } else if (/^(remote)?exthost\.log$|^extensionHost\.log$/i.test(e)) {
        found.push(p);
      }
    }
  };
  walk(join(sessionDir, 'user-data'));
  return found;
}

export function tail(text, lines) {
  const all = text.split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}
