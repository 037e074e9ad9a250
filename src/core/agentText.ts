/**
 * The needs as compact plain text for a language model: what the editor's
 * language-model tools answer. No UI chrome, one need per block, the
 * customer's words first; a need without evidence says it is an assumption,
 * and each related need says why it relates (rule, match, line), so the agent
 * can tell the user where an answer came from. Needs-file content is flattened
 * to one line per field, so a value cannot forge another field or need.
 */
import type { Link, Need, NeedsFile } from './model';
import { evidenceSummary, flat } from './present';
import type { NeedSummary } from './needsCatalog';

/** A related need with its needs file and the reasons it relates. */
export interface RelatedForAgent {
  readonly need: Need;
  readonly file: NeedsFile;
  /** The needs file, relative to the workspace folder. */
  readonly needsFile: string;
  readonly reasons: readonly Pick<Link, 'rule' | 'match' | 'line'>[];
}

export interface AgentTextOptions {
  readonly staleDays: number;
  /** `YYYY-MM-DD` to age evidence against; default today. */
  readonly today?: string;
}

/** At most this many lines are listed per reason; the rest are counted. */
const LINES_SHOWN = 8;

/**
 * The needs related to `where` (a path, `path:12` or `path:12-20`), most
 * important first as given; an empty list says so in words.
 */
export function relatedNeedsText(
  where: string,
  related: readonly RelatedForAgent[],
  options: AgentTextOptions,
): string {
  if (related.length === 0)
    return `No customer need relates to ${where}. Nothing in the needs file speaks for this code.`;
  const head = `${related.length} customer ${related.length === 1 ? 'need relates' : 'needs relate'} to ${where}.`;
  return [head, ...related.map((r) => needBlock(r, options))].join('\n\n') + '\n';
}

function needBlock(r: RelatedForAgent, options: AgentTextOptions): string {
  const { need, file } = r;
  const persona =
    need.persona === undefined
      ? undefined
      : (file.personas.get(need.persona)?.name ?? need.persona);
  const lines = [`## ${need.id}: ${flat(need.title)} (${need.priority}, ${need.status})`];
  if (need.quote !== undefined)
    lines.push(
      `Customer said: “${flat(need.quote)}”${persona === undefined ? '' : ` (${flat(persona)})`}`,
    );
  else if (persona !== undefined) lines.push(`Persona: ${flat(persona)}`);
  if (need.description !== undefined) lines.push(`Description: ${flat(need.description)}`);
  lines.push(`Evidence: ${evidenceSummary(need, options).text}`);
  for (const s of need.signals) lines.push(`Observed: ${flat(s)}`);
  for (const q of need.review) lines.push(`Review question: ${flat(q)}`);
  lines.push(`Why it relates: ${reasonsText(r.reasons)}`);
  lines.push(`Defined in: ${r.needsFile}:${need.idSpan.start.line + 1}`);
  return lines.join('\n');
}

/** `keyword "saved card" on lines 71, 80; path "src/checkout/**"`: one row per rule and match. */
function reasonsText(reasons: RelatedForAgent['reasons']): string {
  const rows = new Map<string, { rule: string; match: string; lines: number[] }>();
  for (const r of reasons) {
    const key = `${r.rule}\u0000${r.match}`;
    const row = rows.get(key) ?? { rule: r.rule, match: r.match, lines: [] };
    if (r.line !== undefined) row.lines.push(r.line + 1);
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => {
      const what = `${row.rule} "${flat(row.match)}"`;
      if (row.lines.length === 0) return what;
      const shown = row.lines.slice(0, LINES_SHOWN).join(', ');
      const more =
        row.lines.length > LINES_SHOWN ? ` and ${row.lines.length - LINES_SHOWN} more` : '';
      return `${what} on ${row.lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
    })
    .join('; ');
}

/** A list of needs to choose from: one line each, the customer's words after the title. */
export function needListText(needs: readonly NeedSummary[], filterText: string): string {
  if (needs.length === 0) return `No need matches ${filterText}.\n`;
  const head = `${needs.length} ${needs.length === 1 ? 'need matches' : 'needs match'} ${filterText}:`;
  const rows = needs.map((n) => {
    const who = n.personaName ?? n.persona;
    const standing = !n.assumption
      ? n.status
      : n.status === 'assumed'
        ? 'assumption: no evidence'
        : `${n.status}, yet no evidence: an assumption`;
    const facts = `${n.priority}, ${standing}`;
    const quote = n.quote === undefined ? '' : ` “${flat(n.quote)}”`;
    return `- ${n.id}: ${flat(n.title)} (${facts})${who === undefined ? '' : ` for ${flat(who)}`}.${quote} [${n.needsFile}:${n.line}]`;
  });
  return [head, ...rows].join('\n') + '\n';
}
