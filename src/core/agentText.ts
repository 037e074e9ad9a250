/**
 * The needs as compact plain text for a language model: what the editor's
 * language-model tools answer. No UI chrome, one need per block, the
 * customer's words first; a need without evidence says it is an assumption,
 * and each related need says why it relates (rule, match, line), so the agent
 * can tell the user where an answer came from. Needs-file content is flattened
 * to one line per field, so a value cannot forge another field or need.
 */
import { flat } from './markdown';
import type { Link, Need, NeedsFile } from './model';
import type { NeedSummary } from './needsCatalog';
import { evidencePhrase, linkReason, needEvidence, reasonsPhrase, statusWord } from './phrases';

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
  const evidence = needEvidence(need, options);
  const lines = [`## ${need.id}: ${flat(need.title)} (${need.priority}, ${statusWord(evidence)})`];
  if (need.quote !== undefined)
    lines.push(
      `Customer said: “${flat(need.quote)}”${persona === undefined ? '' : ` (${flat(persona)})`}`,
    );
  else if (persona !== undefined) lines.push(`Persona: ${flat(persona)}`);
  if (need.description !== undefined) lines.push(`Description: ${flat(need.description)}`);
  lines.push(`Evidence: ${evidencePhrase(evidence)}`);
  for (const s of need.signals) lines.push(`Observed: ${flat(s)}`);
  for (const q of need.review) lines.push(`Review question: ${flat(q)}`);
  lines.push(`Why it relates: ${reasonsPhrase(r.reasons.map(linkReason), 'text')}`);
  lines.push(`Defined in: ${r.needsFile}:${need.idSpan.start.line + 1}`);
  return lines.join('\n');
}

/** A list of needs to choose from: one line each, the customer's words after the title. */
export function needListText(needs: readonly NeedSummary[], filterText: string): string {
  if (needs.length === 0) return `No need matches ${filterText}.\n`;
  const head = `${needs.length} ${needs.length === 1 ? 'need matches' : 'needs match'} ${filterText}:`;
  const rows = needs.map((n) => {
    const who = n.personaName ?? n.persona;
    // A list knows whether there is evidence, not how much nor how old.
    const standing = statusWord({ status: n.status, count: n.assumption ? 0 : 1, stale: false });
    const facts = `${n.priority}, ${standing}`;
    const quote = n.quote === undefined ? '' : ` “${flat(n.quote)}”`;
    return `- ${n.id}: ${flat(n.title)} (${facts})${who === undefined ? '' : ` for ${flat(who)}`}.${quote} [${n.needsFile}:${n.line}]`;
  });
  return [head, ...rows].join('\n') + '\n';
}
