/**
 * The GitHub Action: inputs, outputs and the REST calls, nothing else. It
 * runs `outside-in check` and the checklist of the pull request (its base and
 * head, asked of the REST API), writes the job summary, and keeps one comment
 * on the pull request up to date with the checklist, with the reviewer's
 * ticks kept. What the comment says is decided in src/core/prComment.ts.
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import { Octokit } from '@octokit/rest';
import { runCheck } from '../src/cli/check.js';
import { fitStepSummary } from '../src/core/githubAnnotations.js';
import {
  commentBody,
  isChecklistComment,
  mergeTicks,
  openReviews,
  parseRequireTicks,
} from '../src/core/prComment.js';
import { ownerAndRepo, pullNumberOf } from '../src/core/pullRequestEvent.js';
import { renderMarkdown } from '../src/core/render.js';
import { reviewChecklist } from '../src/node/reviewChecklist.js';

async function run(): Promise<void> {
  const token = core.getInput('github-token', { required: true });
  const ticks = parseRequireTicks(core.getInput('require-ticks'));
  if ('unknown' in ticks)
    throw new Error(
      `require-ticks: "${ticks.unknown}" is no priority; give critical, high, medium or low, comma-separated, or true or false`,
    );
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = path.resolve(workspace, core.getInput('root') || '.');
  const repository = ownerAndRepo(process.env.GITHUB_REPOSITORY);
  if (repository === undefined) throw new Error('GITHUB_REPOSITORY is not set as owner/name');
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (eventPath === undefined || eventPath === '') throw new Error('GITHUB_EVENT_PATH is not set');
  const number = pullNumberOf(JSON.parse(await readFile(eventPath, 'utf8')));
  if (number === undefined)
    throw new Error(
      `the ${process.env.GITHUB_EVENT_NAME ?? ''} event names no pull request: run the action on pull_request (or on issue_comment of a pull request)`,
    );

  const octokit = new Octokit({
    auth: token,
    baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: 'outside-in-action',
  });
  const where = { ...repository, issue_number: number };
  const pull = await octokit.rest.pulls.get({ ...repository, pull_number: number });
  const base = pull.data.base.sha;
  const head = pull.data.head.sha;

  let failures: string[] = [];
  if (core.getInput('check') !== 'false') failures = await check(root);

  const review = await reviewChecklist({ root, base, head, load: {} });
  for (const w of review.warnings) core.warning(w);
  const markdown = renderMarkdown(review.checklist);
  await appendSummary(markdown);

  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...where,
    per_page: 100,
  });
  const existing = comments.find((c) => isChecklistComment(c.body));
  const body = commentBody(mergeTicks(existing?.body ?? undefined, markdown));
  let url: string;
  let id: number;
  if (existing === undefined) {
    const created = await octokit.rest.issues.createComment({ ...where, body });
    ({ id, html_url: url } = created.data);
    core.info(`outside-in: commented the checklist on pull request #${number}`);
  } else if (existing.body !== body) {
    const updated = await octokit.rest.issues.updateComment({
      ...repository,
      comment_id: existing.id,
      body,
    });
    ({ id, html_url: url } = updated.data);
    core.info(`outside-in: updated the checklist comment on pull request #${number}`);
  } else {
    ({ id, html_url: url } = existing);
    core.info('outside-in: the checklist comment is up to date');
  }

  const open = openReviews(body, review.checklist, ticks.priorities);
  core.setOutput('comment-id', String(id));
  core.setOutput('comment-url', url);
  core.setOutput('needs', String(review.checklist.needs.length));
  core.setOutput('open-reviews', String(open.length));
  for (const o of open)
    failures.push(
      o.missing
        ? `${o.needId} (${o.priority}): its questions are not in the comment; review it from the job summary`
        : `${o.needId} (${o.priority}): ${o.open.length} question(s) not ticked in the checklist comment: ${o.open.join(' | ')}`,
    );
  if (failures.length > 0) core.setFailed(failures.join('\n'));
}

/** `outside-in check` on the tree: its problems as log lines, its errors as failures. */
async function check(root: string): Promise<string[]> {
  const lines: string[] = [];
  const code = await runCheck(
    { cwd: root, out: (t) => lines.push(t), err: (t) => lines.push(t) },
    { root, format: 'text', load: {} },
  );
  for (const line of lines.join('').split('\n')) if (line !== '') core.info(line);
  return code === 0 ? [] : ['outside-in check found errors in the needs files (see the log)'];
}

/** The checklist in the job summary, cut to what GitHub still accepts. */
async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return;
  const used = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  const fitted = fitStepSummary(markdown, used);
  if (fitted !== '') await appendFile(file, fitted);
}

run().catch((e: unknown) => {
  core.setFailed(`outside-in: ${e instanceof Error ? e.message : String(e)}`);
});
