// Builds the .vsix: `npm run package [-- --out FILE]`.
//
// esbuild bundles every dependency into dist/extension.js, hence
// `--no-dependencies`. vsce walks the whole tree before it applies
// .vscodeignore, which takes 20-30 s with node_modules/ and .vscode-test/, so it
// runs on a staged copy of just the top-level entries that .vscodeignore lets in
// (its `!` lines): 2 s. .vscodeignore stays the one list of what goes in.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Top-level names named by .vscodeignore's `!` lines (it starts with `**`). */
function stagedEntries() {
  const names = new Set(['package.json', '.vscodeignore']);
  for (const line of readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n')) {
    const m = /^!\/?([^/*?[{]+)/.exec(line.trim());
    if (m) names.add(m[1]);
  }
  return names;
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[package] ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

export function packageVsix(out, { build = true } = {}) {
  if (build) run(process.execPath, [join(root, 'scripts', 'build.mjs')], root);
  const stage = mkdtempSync(join(tmpdir(), 'outside-in-package-'));
  try {
    const wanted = stagedEntries();
    for (const entry of readdirSync(root)) {
      if (!wanted.has(entry)) continue;
      cpSync(join(root, entry), join(stage, entry), { recursive: true });
    }
    // `files` is npm's list for the CLI's tarball (`npm pack`); vsce refuses a
    // manifest with both it and .vscodeignore, the .vsix's own list.
    const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
    delete manifest.files;
    writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    run(
      process.execPath,
      [
        vsce,
        'package',
        '--no-dependencies',
        // No repository URL yet: keep README's relative links as they are.
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        out,
      ],
      stage,
    );
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const out = resolve(i >= 0 ? process.argv[i + 1] : join(root, `${name}-${version}.vsix`));
  packageVsix(out, { build: !process.argv.includes('--no-build') });
}
