/**
 * Which pull request a GitHub Actions event is about, read from the event
 * payload (the JSON file `GITHUB_EVENT_PATH` names). The payload is data from
 * outside: anything unexpected gives undefined, never a crash.
 */

/**
 * The pull request's number: `pull_request.number` (pull_request and
 * pull_request_target events), `issue.number` when the issue is a pull
 * request (issue_comment events, e.g. a box ticked in the comment), else a
 * top-level `number`.
 */
export function pullNumberOf(payload: unknown): number | undefined {
  if (!isObject(payload)) return undefined;
  const pr = payload['pull_request'];
  if (isObject(pr) && isNumber(pr['number'])) return pr['number'];
  const issue = payload['issue'];
  if (isObject(issue) && isObject(issue['pull_request']) && isNumber(issue['number']))
    return issue['number'];
  const n = payload['number'];
  return isNumber(n) ? n : undefined;
}

/** `owner/name` (`GITHUB_REPOSITORY`) split, or undefined when it is not of that shape. */
export function ownerAndRepo(
  text: string | undefined,
): { owner: string; repo: string } | undefined {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(text ?? '');
  return m === null ? undefined : { owner: m[1] as string, repo: m[2] as string };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
