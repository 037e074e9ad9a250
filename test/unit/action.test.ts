/**
 * The GitHub Action as GitHub runs it: the committed bundle, in a child
 * process, with the GITHUB_* variables, INPUT_* inputs and an event payload,
 * against a local server that answers the REST calls the action makes (the
 * pull request, and listing, creating and updating its comments). No network.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMENT_MARKER } from '../../src/core/prComment';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';
import { REPO_ROOT } from './helpers/runCli';

const BUNDLE = path.join(REPO_ROOT, 'action', 'dist', 'index.js');

const NEEDS = `version: 1
personas:
  shopper:
    name: Returning shopper
needs:
  - id: no-double-charge
    title: I am never charged twice
    priority: critical
    persona: shopper
    quote: "I got charged twice."
    evidence:
      - source: Support tickets
    match:
      paths: ["src/pay/**"]
    review:
      - Can a retry charge the customer twice?
      - Is the payment idempotent?
  - id: clear-total
    title: The total I see is the total I pay
    priority: high
    persona: shopper
    evidence:
      - source: Interviews
    match:
      paths: ["src/cart/**"]
    review:
      - Does the cart total equal the charge?
  - id: gift-note
    title: I can add a note to a gift
    priority: low
    evidence:
      - source: Interviews
    match:
      paths: ["src/gift/**"]
    review:
      - Does the note still print on the slip?
`;

interface StoredComment {
  id: number;
  body: string;
  html_url: string;
}

/** The subset of GitHub's REST API the action uses, for one pull request (#7 of o/r). */
class FakeGitHub {
  readonly comments: StoredComment[] = [];
  readonly requests: string[] = [];
  pull = { base: { sha: '' }, head: { sha: '' } };
  private nextId = 100;
  private server = http.createServer((req, res) => this.answer(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const route = `${req.method ?? ''} ${url.pathname}`;
      this.requests.push(route);
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== 'token secret-token')
        return send(401, { message: 'Bad credentials' });
      if (route === 'GET /repos/o/r/pulls/7') return send(200, { number: 7, ...this.pull });
      if (route === 'GET /repos/o/r/issues/7/comments') return send(200, this.comments);
      if (route === 'POST /repos/o/r/issues/7/comments') {
        const id = this.nextId++;
        const c = { id, body: (JSON.parse(text) as { body: string }).body, html_url: `c/${id}` };
        this.comments.push(c);
        return send(201, c);
      }
      const m = /^PATCH \/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(route);
      const found = m === null ? undefined : this.comments.find((c) => c.id === Number(m[1]));
      if (found !== undefined) {
        found.body = (JSON.parse(text) as { body: string }).body;
        return send(200, found);
      }
      send(404, { message: 'Not Found' });
    });
  }
}

interface ActionRun {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: string;
}

describe('the GitHub Action (action/dist/index.js)', function () {
  this.timeout(120000);
  let repo: TempRepo;
  let tmp: string;
  let github: FakeGitHub;
  let api: string;

  before(async () => {
    tmp = makeTempDir('outside-in-action-');
    repo = new TempRepo();
    repo.write('customer-needs.yaml', NEEDS);
    repo.write('src/pay/charge.ts', 'export const charge = 1;\n');
    repo.write('src/cart/total.ts', 'export const total = 1;\n');
    repo.write('src/gift/note.ts', 'export const note = 1;\n');
    const base = repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/pay/charge.ts', 'export const charge = 2;\n');
    repo.write('src/gift/note.ts', 'export const note = 2;\n');
    const head = repo.commitAll('Charge once');
    github = new FakeGitHub();
    github.pull = { base: { sha: base }, head: { sha: head } };
    api = await github.start();
    writeFileSync(path.join(tmp, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
  });

  after(async () => {
    await github.stop();
    repo.remove();
    removeDir(tmp);
  });

  function runAction(inputs: Record<string, string>): Promise<ActionRun> {
    const summary = path.join(tmp, `summary-${github.requests.length}.md`);
    const outputs = path.join(tmp, `outputs-${github.requests.length}.txt`);
    writeFileSync(summary, '');
    writeFileSync(outputs, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: tmp,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
      GITHUB_API_URL: api,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(tmp, 'event.json'),
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputs,
      'INPUT_GITHUB-TOKEN': 'secret-token',
      'INPUT_REQUIRE-TICKS': 'false',
      INPUT_CHECK: 'true',
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    // Asynchronous: the server answering the action lives in this process.
    return new Promise((resolve, reject) => {
      execFile(process.execPath, [BUNDLE], { cwd: repo.dir, env }, (error, stdout) => {
        if (error !== null && typeof error.code !== 'number') return reject(error);
        resolve({
          code: error === null ? 0 : (error.code as number),
          stdout,
          summary: readFileSync(summary, 'utf8'),
          outputs: readFileSync(outputs, 'utf8'),
        });
      });
    });
  }

  function tick(question: string): void {
    const c = github.comments[0] as StoredComment;
    const open = `- [ ] ${question}`;
    assert.ok(c.body.includes(open), `the comment asks "${question}"`);
    c.body = c.body.replace(open, `- [x] ${question}`);
  }

  it('a push creates one comment, the summary has the checklist, and require-ticks fails the step', async () => {
    const run = await runAction({ 'require-ticks': 'critical,high' });
    assert.equal(run.code, 1, run.stdout);
    assert.equal(github.comments.length, 1);
    const body = (github.comments[0] as StoredComment).body;
    assert.ok(body.startsWith(COMMENT_MARKER));
    assert.ok(body.includes('- [ ] Can a retry charge the customer twice?'));
    assert.ok(body.includes('- [ ] Does the note still print on the slip?'));
    assert.ok(!body.includes('Does the cart total equal the charge?'), 'cart is not touched');
    assert.match(run.summary, /### I am never charged twice \(critical\)/);
    assert.match(run.outputs, /comment-id<<.+\n100\n/);
    assert.match(run.outputs, /open-reviews<<.+\n1\n/);
    assert.match(
      run.stdout,
      /::error::.*no-double-charge \(critical\): 2 question\(s\) not ticked/,
    );
    assert.deepEqual(
      github.requests.filter((r) => !r.startsWith('GET')),
      ['POST /repos/o/r/issues/7/comments'],
    );
  });

  it('a second push updates the same comment and keeps the ticks whose question still applies', async () => {
    // The reviewer ticks two boxes and edits other text by hand.
    tick('Can a retry charge the customer twice?');
    tick('Is the payment idempotent?');
    const c = github.comments[0] as StoredComment;
    c.body =
      c.body.replace('### I am never charged twice', '### Never charged twice!!') + '\nLGTM\n';
    // The new push rewords one question and touches the cart too.
    repo.write(
      'customer-needs.yaml',
      NEEDS.replace('Is the payment idempotent?', 'Is the payment keyed?'),
    );
    repo.write('src/cart/total.ts', 'export const total = 2;\n');
    github.pull.head.sha = repo.commitAll('Show the total');
    const before = github.requests.length;

    const run = await runAction({ 'require-ticks': 'true' });
    assert.equal(run.code, 1, run.stdout);
    assert.equal(github.comments.length, 1, 'still one comment');
    assert.deepEqual(
      github.requests.slice(before).filter((r) => !r.startsWith('GET')),
      ['PATCH /repos/o/r/issues/comments/100'],
    );
    const body = (github.comments[0] as StoredComment).body;
    assert.ok(body.includes('- [x] Can a retry charge the customer twice?'), 'kept');
    assert.ok(body.includes('- [ ] Is the payment keyed?'), 'a reworded question is open again');
    assert.ok(!body.includes('idempotent'));
    assert.ok(body.includes('- [ ] Does the cart total equal the charge?'));
    assert.ok(
      body.includes('### I am never charged twice (critical)'),
      'rewritten from the checklist',
    );
    assert.ok(!body.includes('LGTM'));
    assert.match(run.stdout, /no-double-charge \(critical\): 1 question\(s\) not ticked/);
    assert.match(run.stdout, /clear-total \(high\): 1 question\(s\) not ticked/);
  });

  it('passes once every question of critical and high needs is ticked, low ones left open', async () => {
    tick('Is the payment keyed?');
    tick('Does the cart total equal the charge?');
    const before = github.requests.length;
    const run = await runAction({ 'require-ticks': 'critical,high' });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.outputs, /open-reviews<<.+\n0\n/);
    const body = (github.comments[0] as StoredComment).body;
    assert.ok(body.includes('- [ ] Does the note still print on the slip?'));
    assert.deepEqual(
      github.requests.slice(before).filter((r) => !r.startsWith('GET')),
      [],
      'an unchanged comment is not written again',
    );
  });

  it('says what is wrong with an event that names no pull request', async () => {
    writeFileSync(path.join(tmp, 'push.json'), JSON.stringify({ ref: 'refs/heads/main' }));
    const run = await new Promise<ActionRun>((resolve) => {
      const env = {
        PATH: process.env.PATH,
        GITHUB_API_URL: api,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: path.join(tmp, 'push.json'),
        'INPUT_GITHUB-TOKEN': 'secret-token',
      };
      execFile(process.execPath, [BUNDLE], { cwd: repo.dir, env }, (error, stdout) =>
        resolve({
          code: error === null ? 0 : (error.code as number),
          stdout,
          summary: '',
          outputs: '',
        }),
      );
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::outside-in: the push event names no pull request/);
  });
});

describe('the committed action bundle', () => {
  it('is what scripts/actionBuild.mjs builds from the current sources', async function () {
    this.timeout(60000);
    const esbuild = await import('esbuild');
    const url = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'actionBuild.mjs')).href;
    const { actionBuild } = (await import(url)) as { actionBuild: Record<string, unknown> };
    const built = await esbuild.build({ ...actionBuild, absWorkingDir: REPO_ROOT, write: false });
    const fresh = built.outputFiles[0]?.text ?? '';
    assert.ok(fresh.length > 0);
    assert.equal(
      readFileSync(BUNDLE, 'utf8') === fresh,
      true,
      'action/dist/index.js is stale: run "node scripts/build.mjs" and commit it',
    );
  });
});
