/**
 * What the Marketplace package promises besides the code: the needs-file
 * schema registered with the YAML extension for every default name, and the
 * schema and the changelog inside the .vsix.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { NEEDS_FILE_NAMES } from '../../src/core/needsFileChoice';
import { readDoc } from './helpers/markdown';
import { REPO_ROOT } from './helpers/runCli';

interface YamlValidation {
  readonly fileMatch: string | string[];
  readonly url: string;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  contributes: { yamlValidation?: YamlValidation[] };
  activationEvents: string[];
};

/**
 * Whether the YAML extension (redhat.vscode-yaml) gives the schema of `entry`
 * to the file at `uriPath`: it puts a `/` before a pattern that starts with
 * neither `/` nor `!`, and its language server matches `**\/` + the pattern
 * without that `/` against the file's path, `!` patterns excluding and the
 * last matching pattern deciding.
 */
function yamlExtensionMatches(entry: YamlValidation, uriPath: string): boolean {
  const patterns = typeof entry.fileMatch === 'string' ? [entry.fileMatch] : entry.fileMatch;
  let matched = false;
  for (const raw of patterns) {
    const include = !raw.startsWith('!');
    const pattern = (include ? raw : raw.slice(1)).replace(/^\//, '');
    if (picomatch(`**/${pattern}`, { dot: true })(uriPath)) matched = include;
  }
  return matched;
}

/**
 * Whether vsce leaves `rel` out of the .vsix under `.vscodeignore`: a file
 * is left out when a pattern matches it and no `!` pattern takes it back.
 */
function leftOutOfVsix(rel: string): boolean {
  const lines = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const matches = (pattern: string): boolean => picomatch(pattern, { dot: true })(rel);
  const ignored = lines.filter((l) => !l.startsWith('!')).some(matches);
  const kept = lines.filter((l) => l.startsWith('!')).some((l) => matches(l.slice(1)));
  return ignored && !kept;
}

describe('package.json: contributes.yamlValidation', () => {
  const entries = manifest.contributes.yamlValidation ?? [];

  it('registers the needs-file JSON Schema, a file of the package', () => {
    assert.equal(entries.length, 1);
    const url = entries[0]?.url ?? '';
    assert.ok(url.startsWith('./'), `${url}: a path inside the extension`);
    const file = path.join(REPO_ROOT, url);
    assert.ok(existsSync(file), `${url} does not exist`);
    assert.equal(path.relative(REPO_ROOT, file), path.join('schema', 'customer-needs.schema.json'));
    assert.equal(leftOutOfVsix(url.slice(2)), false, `${url} is left out of the .vsix`);
  });

  it('gives the schema to every default needs-file name, at the root, in .github/, docs/ and nested folders', () => {
    assert.ok(NEEDS_FILE_NAMES.length >= 4);
    const missed: string[] = [];
    for (const name of NEEDS_FILE_NAMES) {
      for (const folder of ['', '.github/', 'docs/', 'packages/shop/', 'packages/shop/docs/']) {
        const uriPath = `home/dev/repo/${folder}${name}`;
        if (!entries.some((e) => yamlExtensionMatches(e, uriPath))) missed.push(uriPath);
      }
    }
    assert.deepEqual(missed, []);
  });

  it('gives it to no other YAML file', () => {
    for (const other of [
      'home/dev/repo/.github/workflows/ci.yml',
      'home/dev/repo/docker-compose.yaml',
      'home/dev/repo/my-customer-needs.yaml.bak',
      'home/dev/repo/customer-needs.json',
    ])
      assert.equal(
        entries.some((e) => yamlExtensionMatches(e, other)),
        false,
        other,
      );
  });
});

describe('.vscodeignore', () => {
  it('keeps the schemas, the changelog and the README in the .vsix', () => {
    for (const rel of [
      'schema/customer-needs.schema.json',
      'schema/checklist.schema.json',
      'CHANGELOG.md',
      'README.md',
      'package.json',
    ]) {
      assert.ok(existsSync(path.join(REPO_ROOT, rel)), `${rel} does not exist`);
      assert.equal(leftOutOfVsix(rel), false, `${rel} is left out of the .vsix`);
    }
  });

  it('keeps both entries the manifest names: main for Node, browser for vscode.dev', () => {
    const entries = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      main?: string;
      browser?: string;
    };
    assert.equal(entries.main, './dist/extension.js');
    assert.equal(entries.browser, './dist/web/extension.js');
    for (const rel of ['dist/extension.js', 'dist/web/extension.js'])
      assert.equal(leftOutOfVsix(rel), false, `${rel} is left out of the .vsix`);
    assert.equal(leftOutOfVsix('dist/web/extension.js.map'), true);
  });

  it('leaves the sources and the tests out', () => {
    for (const rel of [
      'src/core/load.ts',
      'test/unit/manifest.test.ts',
      'node_modules/yaml/package.json',
    ])
      assert.equal(leftOutOfVsix(rel), true, rel);
  });
});

describe('package.json: activationEvents', () => {
  const events = manifest.activationEvents;

  it('lists no onCommand or onView event: VS Code derives those from contributes', () => {
    assert.deepEqual(
      events.filter((e) => e.startsWith('onCommand:') || e.startsWith('onView:')),
      [],
    );
  });

  it('activates on a needs file under every default name, in the root, a package, .github/ and docs/', () => {
    const globs = events
      .filter((e) => e.startsWith('workspaceContains:'))
      .map((e) => e.slice('workspaceContains:'.length));
    for (const name of NEEDS_FILE_NAMES)
      for (const dir of ['', 'packages/shop/', '.github/', 'docs/']) {
        const rel = dir + name;
        assert.ok(
          globs.some((g) => picomatch(g, { dot: true })(rel)),
          `no workspaceContains glob matches ${rel}`,
        );
      }
  });
});

describe('CHANGELOG.md', () => {
  const changelog = readDoc('CHANGELOG.md');

  it('has an Unreleased section and one for the version in package.json', () => {
    const headings = changelog.split('\n').filter((l) => l.startsWith('## '));
    assert.equal(headings[0], '## [Unreleased]');
    assert.ok(
      headings.some((h) => h.startsWith(`## [${manifest.version}] - `)),
      `no section for ${manifest.version}`,
    );
  });

  it('dates each release as YYYY-MM-DD, newest first', () => {
    const dates = changelog
      .split('\n')
      .filter((l) => /^## \[\d/.test(l))
      .map((l) => /^## \[[^\]]+\] - (\d{4}-\d{2}-\d{2})$/.exec(l)?.[1] ?? `bad heading: ${l}`);
    assert.ok(dates.length > 0);
    for (const d of dates) assert.match(d, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual([...dates].sort().reverse(), dates);
  });
});
