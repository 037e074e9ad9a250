/**
 * Whether the agent instruction files in a tree still say what the needs file
 * says: `check` warns about each one that is out of date, left over, or
 * missing, so agents never read customer words the team has since changed.
 * Only formats the tree already uses are compared: a team that never ran
 * `outside-in instructions` gets no warning.
 */
import type { InstructionFormat } from './agentInstructions';
import {
  AGENTS_FILE,
  INSTRUCTION_DIRS,
  agentsSectionOf,
  instructionPlan,
} from './agentInstructions';
import type { FileProblem } from './coverage';
import { GENERATED_BEGIN, isGeneratedName } from './generatedText';
import type { NeedsSet } from './needsSet';

export const OUTDATED_RULE = 'outdated-instructions';

/** A file of the tree that may hold generated instructions, relative to the root. */
export interface TreeFile {
  readonly path: string;
  readonly text: string;
}

/** Which format a root-relative path belongs to, if it is one the command writes. */
export function instructionFormatOf(path: string): InstructionFormat | undefined {
  if (path === AGENTS_FILE) return 'agents';
  if (!isGeneratedName(path)) return undefined;
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (dir === INSTRUCTION_DIRS.copilot && path.endsWith('.instructions.md')) return 'copilot';
  if (dir === INSTRUCTION_DIRS.cursor && path.endsWith('.mdc')) return 'cursor';
  return undefined;
}

/** The warnings for `files` (candidates from instructionFormatOf) against `set`. */
export function outdatedInstructions(set: NeedsSet, files: readonly TreeFile[]): FileProblem[] {
  const out: FileProblem[] = [];
  const byFormat = new Map<InstructionFormat, TreeFile[]>();
  for (const f of files) {
    const format = instructionFormatOf(f.path);
    if (format === undefined || !f.text.includes(GENERATED_BEGIN)) continue;
    byFormat.set(format, [...(byFormat.get(format) ?? []), f]);
  }
  for (const [format, existing] of byFormat) {
    const run = `run "outside-in instructions --format ${format}"`;
    const plan = instructionPlan(set, format);
    if (format === 'agents') {
      const file = existing[0] as TreeFile;
      const expected = plan.files[0]?.text;
      if (agentsSectionOf(file.text) !== expected)
        out.push(
          warn(file.path, `Its customer-needs section is out of date with the needs file: ${run}.`),
        );
      continue;
    }
    const wanted = new Map(plan.files.map((f) => [f.path, f.text]));
    for (const f of existing) {
      const text = wanted.get(f.path);
      if (text === undefined)
        out.push(
          warn(
            f.path,
            `Generated for a need the needs file no longer gives code to: ${run} to remove it.`,
          ),
        );
      else if (text !== f.text)
        out.push(warn(f.path, `Generated from the needs file, and out of date with it: ${run}.`));
    }
    const have = new Set(existing.map((f) => f.path));
    for (const f of plan.files)
      if (!have.has(f.path))
        out.push(warn(f.path, `Missing: the needs file has a need for it; ${run}.`));
  }
  return out;
}

function warn(file: string, message: string): FileProblem {
  const origin = { line: 0, character: 0 };
  return {
    file,
    severity: 'warning',
    rule: OUTDATED_RULE,
    message,
    span: { start: origin, end: origin },
  };
}
