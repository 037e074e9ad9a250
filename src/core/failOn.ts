/**
 * CI policy on a checklist (`--fail-on`): which findings fail the job. Each
 * reason found is one line that names the need or the line, so a red check
 * says what to do.
 */
import type { Checklist } from './checklist';
import { flat } from './markdown';
import { NO_EVIDENCE, checklistEvidence, datedPhrase } from './phrases';

/** The policies, in the order they are reported. */
export const FAIL_ON = [
  'unknown-annotation',
  'assumed-critical',
  'stale',
  'critical',
  'suspect',
] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What each policy fails on, for the help and the docs. */
export const FAIL_ON_MEANING: Record<FailOn, string> = {
  'unknown-annotation': 'an added line annotates an id no needs file defines',
  'assumed-critical': `the change touches a critical need that ${NO_EVIDENCE}`,
  stale: 'the change touches a need whose newest evidence is older than the stale limit',
  critical: 'the change touches a critical need at all (a team that wants a named review)',
  suspect:
    'the change edits a need that code still links to, or removes or retires a need that code still annotates',
};

/** `a,b` -> the policies, or the first unknown name. */
export function parseFailOn(text: string): { policies: FailOn[] } | { unknown: string } {
  const policies: FailOn[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (!(FAIL_ON as readonly string[]).includes(name)) return { unknown: name };
    if (!policies.includes(name as FailOn)) policies.push(name as FailOn);
  }
  return { policies };
}

/**
 * One line per reason the checklist meets a policy; empty when it meets none.
 * Stale evidence is aged against `today` (`YYYY-MM-DD`, default today).
 */
export function failReasons(
  checklist: Checklist,
  policies: readonly FailOn[],
  today?: string,
): string[] {
  const out: string[] = [];
  for (const policy of FAIL_ON) {
    if (!policies.includes(policy)) continue;
    if (policy === 'unknown-annotation')
      for (const u of checklist.unknownAnnotations ?? [])
        out.push(
          `unknown-annotation: ${u.file}:${u.line} annotates "${flat(u.id)}", which no needs file defines`,
        );
    for (const need of checklist.needs) {
      const title = flat(need.title);
      if (policy === 'assumed-critical' && need.priority === 'critical' && need.evidenceCount === 0)
        out.push(`assumed-critical: ${need.id} (${title}) is critical and ${NO_EVIDENCE}`);
      if (policy === 'stale' && need.stale === true) {
        const { newest, age } = checklistEvidence(need, today);
        const when = newest === undefined ? '?' : datedPhrase(newest, age);
        out.push(`stale: ${need.id} (${title}) has no evidence newer than ${when}`);
      }
      if (policy === 'critical' && need.priority === 'critical')
        out.push(`critical: the change touches ${need.id} (${title})`);
      if (policy === 'suspect' && need.changed === true) {
        const n = (need.suspects?.length ?? 0) + (need.suspectsMore ?? 0);
        if (n > 0)
          out.push(
            `suspect: ${need.id} (${title}) changed (${(need.changedFields ?? []).join(', ')}) and ${n} ${n === 1 ? 'place in the code links' : 'places in the code link'} to it`,
          );
      }
    }
    if (policy === 'suspect')
      for (const e of checklist.endedAnnotations ?? [])
        out.push(
          `suspect: ${e.file}:${e.line} annotates "${flat(e.id)}", which the change ${e.change}`,
        );
  }
  return out;
}
