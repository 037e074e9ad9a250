// The table of integration suites (test/integration/suites.ts, compiled to
// out/test/integration/suites.js), read by both runners: scripts/run-vscode-tests.mjs
// (code-server) and .vscode-test.mjs (desktop VS Code). It is checked against
// the folders of test/integration before anything runs, so that a suite folder
// without a row, or a row without a folder, stops the run with its name instead
// of being skipped.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sourceDir = join(root, 'test', 'integration');
const tableSource = 'test/integration/suites.ts';
export const compiledTable = join(root, 'out', 'test', 'integration', 'suites.js');

/** The `*.test.ts` files of test/integration/<name>/, or none when it is no folder. */
function testFiles(name) {
  const dir = join(sourceDir, name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
}

/**
 * What is wrong between the table and the folders, one message each: a folder
 * of test/integration holding `*.test.ts` that no row names (helper folders
 * without tests are not suites), a row whose folder is missing or holds no
 * test, a row whose fixture is missing, a duplicate row, and a row marked for
 * test-electron that needs what only the code-server runner does.
 */
export function tableProblems(suites) {
  const problems = [];
  const names = new Set();
  for (const s of suites) {
    if (names.has(s.name)) problems.push(`suite "${s.name}" has two rows in ${tableSource}`);
    names.add(s.name);
    if (!existsSync(join(sourceDir, s.name)))
      problems.push(
        `suite "${s.name}" is in ${tableSource} but test/integration/${s.name}/ does not exist`,
      );
    else if (testFiles(s.name).length === 0)
      problems.push(
        `suite "${s.name}" is in ${tableSource} but test/integration/${s.name}/ has no *.test.ts`,
      );
    const fixture = join(root, 'test', 'fixtures', 'workspaces', s.fixture);
    if (!existsSync(fixture))
      problems.push(`suite "${s.name}": fixture test/fixtures/workspaces/${s.fixture}/ is missing`);
    else if (s.workspace && !existsSync(join(fixture, s.workspace)))
      problems.push(`suite "${s.name}": ${s.workspace} is not in its fixture ${s.fixture}`);
    if (s.electron && (s.install !== 'development' || s.restricted))
      problems.push(
        `suite "${s.name}": only the code-server runner installs a .vsix or opens untrusted; set electron: false`,
      );
  }
  const folders = readdirSync(sourceDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const folder of folders)
    if (!names.has(folder) && testFiles(folder).length > 0)
      problems.push(
        `test/integration/${folder}/ has tests but no row in ${tableSource}: add one to run it`,
      );
  return problems;
}

/**
 * The compiled table module (SUITES, SUITE_ENV, START_MARKER, STATS_MARKER),
 * after checking it against the folders. Throws, with every problem, when they
 * disagree or the table is not compiled.
 */
export async function loadIntegrationSuites() {
  if (!existsSync(compiledTable))
    throw new Error(`${compiledTable} is missing: run \`npm run compile\` first.`);
  // A row just added would otherwise be reported missing from the table.
  if (statSync(join(root, tableSource)).mtimeMs > statSync(compiledTable).mtimeMs)
    throw new Error(`${tableSource} changed since it was compiled: run \`npm run compile\` first.`);
  const table = await import(pathToFileURL(compiledTable).href);
  const problems = tableProblems(table.SUITES);
  if (problems.length > 0)
    throw new Error(`the suites table and test/integration disagree:\n  ${problems.join('\n  ')}`);
  return table;
}
