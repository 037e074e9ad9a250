/**
 * The checklist as one pull-request comment that keeps its ticks. The comment
 * is found again by a hidden marker; when the branch is pushed again the new
 * checklist replaces the old one, and every box the reviewer ticked stays
 * ticked where the same question of the same need (or value) is still asked.
 * A box is known by its owner, the id in the line that introduces a need or a
 * value (`… · \`need-id\``), and by its text, so a comment edited by hand
 * elsewhere keeps its ticks.
 */
import type { Checklist } from './checklist';
import type { Priority } from './model';
import { PRIORITIES } from './model';

/** Hidden in the comment, so the action finds its own comment among the others. */
export const COMMENT_MARKER = '<!-- outside-in-checklist -->';

/** GitHub refuses a comment (or a pull-request body) longer than this, in characters. */
export const COMMENT_LIMIT = 65536;

const FOOTER =
  '\n\n_Tick the questions as you review: when the branch is pushed again, this comment is updated and keeps every tick whose question still applies._\n';

/** One task-list box of a checklist in Markdown. */
export interface ChecklistBox {
  /** The id of the need or value the box belongs to; undefined before the first one. */
  readonly owner: string | undefined;
  /** The question as written in the Markdown (escaped), trimmed. */
  readonly text: string;
  readonly ticked: boolean;
  /** 0-based line in the Markdown. */
  readonly line: number;
}

// `- [ ] text`, `* [x] text`: GitHub ticks with a lower-case x and accepts X.
const BOX = /^(\s*[-*+] \[)([ xX])(\] )(.*)$/;
// A line that introduces a need or value ends with its id in a code span.
const OWNER = /`([A-Za-z][A-Za-z0-9._-]*)`\s*$/;

/** The boxes of a checklist in Markdown, each with the need or value it belongs to. */
export function checklistBoxes(markdown: string): ChecklistBox[] {
  const boxes: ChecklistBox[] = [];
  let owner: string | undefined;
  markdown.split('\n').forEach((raw, line) => {
    const text = raw.replace(/\r$/, '');
    if (text.startsWith('#')) {
      owner = undefined;
      return;
    }
    const box = BOX.exec(text);
    if (box !== null) {
      boxes.push({ owner, text: (box[4] ?? '').trim(), ticked: box[2] !== ' ', line });
      return;
    }
    // Bullets (reasons, observations) end with code spans too: they name no owner.
    if (/^\s*[-*+] /.test(text)) return;
    const id = OWNER.exec(text);
    if (id !== null) owner = id[1];
  });
  return boxes;
}

function boxKey(owner: string | undefined, text: string): string {
  return `${owner ?? ''}\n${text}`;
}

/**
 * `markdown` (a fresh checklist, every box open) with the boxes ticked that
 * were ticked in `previous` (the comment as it is now, maybe edited by hand)
 * under the same need or value with the same question.
 */
export function mergeTicks(previous: string | undefined, markdown: string): string {
  if (previous === undefined) return markdown;
  const ticked = new Set(
    checklistBoxes(previous)
      .filter((b) => b.ticked)
      .map((b) => boxKey(b.owner, b.text)),
  );
  const lines = markdown.split('\n');
  for (const box of checklistBoxes(markdown)) {
    if (box.ticked || !ticked.has(boxKey(box.owner, box.text))) continue;
    lines[box.line] = (lines[box.line] as string).replace(BOX, '$1x$3$4');
  }
  return lines.join('\n');
}

/** A need whose review is not done: its open questions, or that its questions are missing. */
export interface OpenReview {
  readonly needId: string;
  readonly title: string;
  readonly priority: Priority;
  /** The open questions as written in the comment; empty when the comment has none of the need's boxes. */
  readonly open: readonly string[];
  /** True when the comment holds no box of this need (cut for length, or deleted by hand). */
  readonly missing: boolean;
}

/**
 * The needs of `priorities` on the checklist whose boxes in `body` are not all
 * ticked. A need without review questions has one box (ask whether the change
 * still serves it), so it too needs a tick; a need whose boxes are not in the
 * comment at all counts as open, so a cut comment cannot pass by accident.
 */
export function openReviews(
  body: string,
  checklist: Checklist,
  priorities: readonly Priority[],
): OpenReview[] {
  const boxes = checklistBoxes(body);
  const out: OpenReview[] = [];
  for (const need of checklist.needs) {
    if (!priorities.includes(need.priority)) continue;
    const own = boxes.filter((b) => b.owner === need.id);
    const open = own.filter((b) => !b.ticked).map((b) => b.text);
    if (own.length === 0 || open.length > 0)
      out.push({
        needId: need.id,
        title: need.title,
        priority: need.priority,
        open,
        missing: own.length === 0,
      });
  }
  return out;
}

/**
 * The `require-ticks` input: priorities, comma-separated; `true` means
 * critical and high, `false`, `none` or empty means none. Unknown words come
 * back as `unknown`.
 */
export function parseRequireTicks(text: string): { priorities: Priority[] } | { unknown: string } {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'false' || t === 'none') return { priorities: [] };
  if (t === 'true') return { priorities: ['critical', 'high'] };
  const priorities: Priority[] = [];
  for (const raw of t.split(',')) {
    const word = raw.trim();
    if (word === '') continue;
    if (!(PRIORITIES as readonly string[]).includes(word)) return { unknown: word };
    if (!priorities.includes(word as Priority)) priorities.push(word as Priority);
  }
  return { priorities };
}

/** Whether a comment is the checklist comment (it carries the marker). */
export function isChecklistComment(body: string | null | undefined): boolean {
  return body !== null && body !== undefined && body.includes(COMMENT_MARKER);
}

/**
 * The comment: the marker, the checklist and a line on how ticks are kept,
 * within GitHub's limit. A checklist too long for it first loses its "Why
 * this need" blocks (the job summary keeps them); if it is still too long it
 * is cut at a line end with a note, never in the middle of a line.
 */
export function commentBody(markdown: string, limit: number = COMMENT_LIMIT): string {
  const head = `${COMMENT_MARKER}\n`;
  const room = limit - head.length - FOOTER.length;
  return head + fitMarkdown(markdown.replace(/\n+$/, ''), room) + FOOTER;
}

const CUT_REASONS =
  '\n\n_Why each need is here is left out: the checklist is longer than GitHub allows for a comment. The job summary has it._';
const CUT_NOTE =
  '\n\n_The checklist is cut here: it is longer than GitHub allows for a comment. The job summary and `outside-in checklist --format json` have all of it._';

function fitMarkdown(markdown: string, room: number): string {
  if (markdown.length <= room) return markdown;
  const lean = withoutReasons(markdown) + CUT_REASONS;
  if (lean.length <= room) return lean;
  const keep = room - CUT_NOTE.length;
  if (keep <= 0) return CUT_NOTE.trim();
  const cut = lean.slice(0, keep);
  const end = cut.lastIndexOf('\n');
  return (end > 0 ? cut.slice(0, end) : '') + CUT_NOTE;
}

/** The Markdown without its `<details>` blocks (the reasons of each need). */
function withoutReasons(markdown: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('<details>')) inside = true;
    else if (inside && line.startsWith('</details>')) inside = false;
    else if (!inside) out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+$/, '');
}
