// `npm start [-- FOLDER]`: the extension in a real VS Code in your browser.
//
// Sets up code-server (first time only), builds the extension, installs it
// unpacked into a code-server of its own (a symlink to this repository, so
// `npm run build` and "Developer: Reload Window" pick up changes), opens FOLDER
// (default: examples/shop) and prints the URL. Ctrl-C stops the whole server.
// State (settings, open editors) is kept in .vscode-test/start/ between runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installUnpacked, startCodeServer } from './lib/codeServer.mjs';
import { paths, setup } from './setup-vscode.mjs';

const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
const folder = resolve(arg ?? join(paths.root, 'examples', 'shop'));
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  if (arg !== undefined) {
    console.error(`[start] ${folder} is not a folder`);
    process.exit(2);
  }
  console.warn(`[start] ${folder} does not exist yet; opening VS Code without a folder`);
}

setup();
const build = spawnSync(process.execPath, [join(paths.root, 'scripts', 'build.mjs')], {
  cwd: paths.root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('[start] the build failed');
  process.exit(1);
}

const sessionDir = join(paths.base, 'start');
mkdirSync(sessionDir, { recursive: true });
const extensionsDir = join(sessionDir, 'extensions');
installUnpacked(extensionsDir);
const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const server = await startCodeServer({
  sessionDir,
  folder: existsSync(folder) ? folder : undefined,
  extensionsDir,
  port,
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] stopping code-server');
  await server.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
void server.exited.then((c) => {
  if (stopping) return;
  console.error(`[start] code-server exited (${c}); its log: ${server.logFile}`);
  void stop(1);
});

console.log(`[start] code-server log: ${server.logFile}`);
console.log('[start] press Ctrl-C to stop');
console.log(`Outside-In: ${server.workbenchUrl(existsSync(folder) ? { folder } : {})}`);
