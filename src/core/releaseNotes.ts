/**
 * Release notes per persona (docs/notes-json.md): for the commits of a range,
 * the needs their changes touched, grouped by the persona each need serves,
 * each with the customer's words and the commits that touched it. Which needs
 * a commit touched is the checklist's answer for that commit's diff, so the
 * notes and the review checklist never disagree.
 */
import type { Checklist } from './checklist';
import { codeSpan, escapeMarkdown, quietReferences } from './markdown';
import type { NeedsSet } from './needsSet';
import { compareNeeds } from './present';
import type { Priority } from './model';

export interface NotesCommit {
  readonly sha: string;
  readonly subject: string;
}

export interface NotesNeed {
  readonly id: string;
  readonly title: string;
  /** The customer's words; null when the need has none. */
  readonly quote: string | null;
  /** The commits that touched the need, oldest first. */
  readonly commits: readonly NotesCommit[];
  /** Extension of the contract: the need's priority, for ordering and display. */
  readonly priority: Priority;
}

export interface NotesPersona {
  /** The persona's id; null for the needs that name no persona (listed last). */
  readonly id: string | null;
  /** The persona's name from the needs file, else its id; null with the id. */
  readonly name: string | null;
  readonly needs: readonly NotesNeed[];
}

export interface ReleaseNotes {
  readonly version: 1;
  readonly personas: readonly NotesPersona[];
}

/**
 * The notes of `commits` (oldest first), each with the checklist of its own
 * diff. Personas come in needs-file order (the root needs file first), a
 * persona no touched need serves is left out, and needs come highest
 * priority first.
 */
export function releaseNotes(
  set: NeedsSet,
  commits: readonly { commit: NotesCommit; checklist: Checklist }[],
): ReleaseNotes {
  const touched = new Map<string, { need: Checklist['needs'][number]; commits: NotesCommit[] }>();
  for (const { commit, checklist } of commits) {
    for (const need of checklist.needs) {
      // Two needs files may both define an id; each is its own need.
      const key = `${need.needsFile}\n${need.id}`;
      const entry = touched.get(key) ?? { need, commits: [] };
      entry.commits.push({ sha: commit.sha, subject: commit.subject });
      touched.set(key, entry);
    }
  }
  const order = personaOrder(set);
  const groups = new Map<string | null, NotesNeed[]>();
  for (const { need, commits: by } of touched.values()) {
    const persona = need.persona ?? null;
    if (persona !== null && !order.has(persona)) order.set(persona, persona);
    const list = groups.get(persona) ?? [];
    list.push({
      id: need.id,
      title: need.title,
      quote: need.quote ?? null,
      commits: by,
      priority: need.priority,
    });
    groups.set(persona, list);
  }
  const personas: NotesPersona[] = [];
  for (const [id, name] of order) {
    const needs = groups.get(id);
    if (needs !== undefined) personas.push({ id, name, needs: needs.sort(compareNeeds) });
  }
  const none = groups.get(null);
  if (none !== undefined) personas.push({ id: null, name: null, needs: none.sort(compareNeeds) });
  return { version: 1, personas };
}

/** Persona id -> name, in the order the needs files list them, the root file first. */
function personaOrder(set: NeedsSet): Map<string | null, string> {
  const order = new Map<string | null, string>();
  // Scopes are deepest first; the team's root file speaks first.
  for (const scope of [...set.scopes].reverse())
    for (const persona of scope.index.file.personas.values())
      if (!order.has(persona.id)) order.set(persona.id, persona.name ?? persona.id);
  return order;
}

/** The notes as Markdown: a section per persona, a need's words and the commits under it. */
export function renderNotesMarkdown(notes: ReleaseNotes, range: string): string {
  const out = [
    `## What changed for our customers`,
    '',
    `_Outside-In release notes for ${codeSpan(range)}._`,
    '',
  ];
  if (notes.personas.length === 0) out.push('No commit of the range touched a customer need.', '');
  for (const persona of notes.personas) {
    out.push(`### ${persona.name === null ? 'Needs of no persona' : text(persona.name)}`, '');
    for (const need of persona.needs) {
      out.push(`#### ${text(need.title)} (${need.priority}) ${codeSpan(need.id)}`, '');
      if (need.quote !== null) out.push(`> “${text(need.quote)}”`, '');
      for (const c of need.commits)
        out.push(`- ${text(c.subject)} (${codeSpan(c.sha.slice(0, 12))})`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** The notes as JSON, the contract of docs/notes-json.md. */
export function renderNotesJson(notes: ReleaseNotes): string {
  return JSON.stringify(notes, null, 2) + '\n';
}

/** Needs-file text and commit subjects: escaped, and quiet about mentions. */
function text(s: string): string {
  return quietReferences(escapeMarkdown(s));
}
