/**
 * The checklist as GitHub Actions workflow commands: one annotation per need
 * on the first added or changed line that relates to it, so the pull request's
 * "Files changed" tab shows the customer's words where the code changed.
 * GitHub shows at most ten annotations of a kind per step; the rest are
 * counted in one plain line, never dropped silently.
 */
import type { Checklist, ChecklistNeed } from './checklist';
import { flat } from './markdown';
import { checklistEvidence, evidencePhrase, reasonsPhrase } from './phrases';

/** GitHub's limit of annotations of one kind (notice, warning) per step. */
export const ANNOTATIONS_PER_KIND = 10;

/** GitHub's limit for a job summary (`GITHUB_STEP_SUMMARY`), in bytes. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export interface AnnotationOptions {
  /** The root's path from the top of the repository (`packages/app`), `''` at the top: GitHub wants repository paths. */
  readonly prefix?: string;
  /** `YYYY-MM-DD` the evidence is aged against; default today. */
  readonly today?: string;
}

/** The workflow commands, one per line, and a last plain line counting what did not fit. */
export function githubAnnotations(checklist: Checklist, options: AnnotationOptions = {}): string {
  const prefix = options.prefix === undefined || options.prefix === '' ? '' : `${options.prefix}/`;
  const lines: string[] = [];
  const used = { notice: 0, warning: 0 };
  let over = 0;
  let pathOnly = 0;
  // The checklist is in priority order already: critical needs get the places first.
  for (const need of checklist.needs) {
    const at = need.because.find((b) => b.line !== undefined && b.removed !== true);
    if (at === undefined || at.line === undefined) {
      pathOnly++;
      continue;
    }
    const kind = need.priority === 'critical' ? 'warning' : 'notice';
    if (used[kind] >= ANNOTATIONS_PER_KIND) {
      over++;
      continue;
    }
    used[kind]++;
    const props = [
      `file=${escapeProperty(prefix + at.file)}`,
      `line=${at.line}`,
      `title=${escapeProperty(`Customer need: ${flat(need.title)} (${need.priority})`)}`,
    ].join(',');
    lines.push(`::${kind} ${props}::${escapeData(annotationMessage(need, at, options.today))}`);
  }
  const notes: string[] = [];
  if (over > 0)
    notes.push(
      `${over} more ${over === 1 ? 'need relates' : 'needs relate'} to changed lines than GitHub shows as annotations`,
    );
  if (pathOnly > 0)
    notes.push(
      `${pathOnly} ${pathOnly === 1 ? 'need relates' : 'needs relate'} to changed files by path alone (no line to annotate)`,
    );
  if (notes.length > 0)
    lines.push(`outside-in: ${notes.join('; ')}: the checklist lists every need.`);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** The customer's words first, then the evidence, the questions and why this line. */
function annotationMessage(
  need: ChecklistNeed,
  at: ChecklistNeed['because'][number],
  today: string | undefined,
): string {
  const parts: string[] = [];
  const who = need.personaName ?? need.persona;
  if (need.quote !== undefined)
    parts.push(`“${flat(need.quote)}”${who === undefined ? '' : ` (${flat(who)})`}`);
  parts.push(`${evidencePhrase(checklistEvidence(need, today))}.`);
  for (const q of need.review) parts.push(`Review: ${flat(q)}`);
  parts.push(`Why here: ${reasonsPhrase([at], 'text')} (need ${need.id}, ${need.needsFile}).`);
  return parts.join('\n');
}

/** A message: GitHub decodes `%25`, `%0D` and `%0A`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as a message, and `:` and `,` end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `markdown` cut to fit GitHub's job-summary limit with what is already in the
 * file (`usedBytes`), with a note saying it was cut; `''` when nothing fits.
 */
export function fitStepSummary(markdown: string, usedBytes: number): string {
  const room = STEP_SUMMARY_LIMIT - usedBytes;
  const encoded = new TextEncoder().encode(markdown);
  if (encoded.length <= room) return markdown;
  const note =
    '\n\n_The checklist is cut here: it is longer than GitHub allows for a job summary. `outside-in checklist --format json` has all of it._\n';
  const keep = room - new TextEncoder().encode(note).length;
  if (keep <= 0) return '';
  // Cut at a line end within the room, so no line (nor character) is cut in two.
  const head = new TextDecoder().decode(encoded.subarray(0, keep));
  const end = head.lastIndexOf('\n');
  return (end > 0 ? head.slice(0, end) : '') + note;
}
