// One extension-test session in code-server, the way VS Code's own test
// runners do it: the workbench is opened with an extension under development
// and an `extensionTestsPath`, runs those tests in its extension host and
// reports their exit code through `window.codeAutomationExit`. Shared by the
// integration tests (scripts/run-vscode-tests.mjs) and the editor benchmark
// (scripts/bench-editor.mjs).
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, startCodeServer } from './codeServer.mjs';

/**
 * Starts code-server on `folder` (options as for `startCodeServer`), opens its
 * workbench in Chromium with `developmentPath` and `testsPath`, and waits for
 * the tests' exit code. A timeout, a crash of the page, the browser or
 * code-server, or a workbench that cannot be opened is code 1 with a reason.
 * Browser and server are stopped before it returns; `server.log()` still reads
 * the log afterwards. `workspace` (a .code-workspace file) is opened instead of
 * `folder` when given. `vscode` picks the editor (an entry of `codeServers` of
 * scripts/setup-vscode.mjs; default the newest). `settings` are the session's
 * user settings. `env` is added to code-server's environment, which its
 * extension host inherits: how the tests learn what the session is for.
 *
 * @returns {Promise<{ outcome: { code: number, reason?: string },
 *   logLines: { type: string, text: string }[], server: object }>}
 *   logLines: all the workbench and the extension host logged, in order.
 */
export async function runExtensionTestSession({
  vscode,
  sessionDir,
  folder,
  workspace,
  extensionsDir,
  restricted,
  env,
  developmentPath,
  testsPath,
  timeoutMs,
  settings,
}) {
  const server = await startCodeServer({
    vscode,
    sessionDir,
    folder,
    extensionsDir,
    restricted,
    env,
    settings,
  });
  const logLines = [];
  let browser;
  let outcome;
  try {
    browser = await launchBrowser(join(sessionDir, 'chromium'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    let done;
    const finished = new Promise((resolve) => (done = resolve));
    // Both hooks must exist before the workbench loads: await them before goto.
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      logLines.push({ type, text: format(...(Array.isArray(logArgs) ? logArgs : [logArgs])) });
    });
    await page.exposeFunction('codeAutomationExit', (code) => done({ code: Number(code) }));
    const timer = setTimeout(
      () => done({ code: 1, reason: `timed out after ${timeoutMs / 1000} s` }),
      timeoutMs,
    );
    page.on('crash', () => done({ code: 1, reason: 'the browser page crashed' }));
    // Our own close in `finally` comes after the result, so it changes nothing.
    browser.on('close', () => done({ code: 1, reason: 'the browser closed' }));
    void server.exited.then((c) => done({ code: 1, reason: `code-server exited (${c})` }));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(developmentPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
      ['skipWelcome', 'true'],
    ];
    // A busy machine loads the workbench slowly: the session's own timer is the limit.
    page
      .goto(server.workbenchUrl({ folder, workspace, payload }), { timeout: timeoutMs })
      .catch((e) => done({ code: 1, reason: `could not open the workbench: ${e.message}` }));
    outcome = await finished;
    clearTimeout(timer);
  } catch (e) {
    outcome = { code: 1, reason: e.stack ?? String(e) };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  return { outcome, logLines, server };
}
