/**
 * `outside-in instructions`: writes agent instruction files from the needs
 * file, so agents that speak no MCP still read the customer's words for the
 * files they edit. Only files the command wrote before are ever replaced or
 * removed: a file without the generated marker is the team's own.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { InstructionFormat } from '../core/agentInstructions';
import {
  AGENTS_FILE,
  INSTRUCTION_DIRS,
  instructionPlan,
  withAgentsSection,
} from '../core/agentInstructions';
import { GENERATED_BEGIN, isGeneratedName } from '../core/generatedText';
import type { LoadOptions } from '../core/load';
import { findNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import type { Io } from './io';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './io';

export interface InstructionsArgs {
  readonly root: string;
  readonly format: InstructionFormat;
  /** The folder to write into; default the root. */
  readonly out?: string;
  readonly load: LoadOptions;
}

export async function runInstructions(io: Io, args: InstructionsArgs): Promise<number> {
  const outDir = args.out === undefined ? args.root : path.resolve(io.cwd, args.out);
  const stat = await fs.stat(outDir).catch(() => undefined);
  if (stat !== undefined && !stat.isDirectory())
    throw new UsageError(`--out ${args.out ?? outDir}: not a folder`);
  const { counted } = await findNeedsFiles(args.root);
  if (counted.length === 0)
    throw new UsageError('no needs file under the root: nothing to write from');
  const loaded = await loadNeedsFiles(args.root, counted, args.load);
  const broken = loaded.files.filter((f) => f.problems.some((p) => p.severity === 'error'));
  if (broken.length > 0) {
    // Half a needs file would write half the customer's words: refuse.
    for (const f of broken)
      io.err(
        `outside-in: ${f.path} has errors; run "outside-in check", fix them, then run this again\n`,
      );
    return EXIT_PROBLEMS;
  }
  const plan = instructionPlan(loaded.set, args.format);
  const written: string[] = [];
  const removed: string[] = [];
  if (args.format === 'agents') {
    const file = path.join(outDir, AGENTS_FILE);
    const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
    const next = withAgentsSection(existing, (plan.files[0] as { text: string }).text);
    if (next !== existing) {
      await fs.mkdir(outDir, { recursive: true });
      await fs.writeFile(file, next);
      written.push(AGENTS_FILE);
    }
  } else {
    const dir = path.join(outDir, INSTRUCTION_DIRS[args.format]);
    await fs.mkdir(dir, { recursive: true });
    const existing = new Map<string, string | undefined>();
    for (const f of plan.files) {
      const text = await fs.readFile(path.join(outDir, f.path), 'utf8').catch(() => undefined);
      // Checked before anything is written: never half a run, never a team's own file.
      if (text !== undefined && !text.includes(GENERATED_BEGIN))
        throw new UsageError(
          `${f.path}: exists and was not written by outside-in; move it away first`,
        );
      existing.set(f.path, text);
    }
    for (const f of plan.files) {
      if (existing.get(f.path) === f.text) continue;
      await fs.writeFile(path.join(outDir, f.path), f.text);
      written.push(f.path);
    }
    const wanted = new Set(plan.files.map((f) => f.path));
    for (const name of await fs.readdir(dir)) {
      const rel = `${INSTRUCTION_DIRS[args.format]}/${name}`;
      if (wanted.has(rel) || !isGeneratedName(rel)) continue;
      const text = await fs.readFile(path.join(dir, name), 'utf8').catch(() => '');
      if (!text.includes(GENERATED_BEGIN)) continue;
      await fs.rm(path.join(dir, name));
      removed.push(rel);
    }
  }
  for (const rel of written) io.out(`wrote ${rel}\n`);
  for (const rel of removed) io.out(`removed ${rel}\n`);
  const total = args.format === 'agents' ? 1 : plan.files.length;
  const unchanged = total - written.length;
  io.err(
    `outside-in: ${written.length} written, ${unchanged} unchanged, ${removed.length} removed (${args.format})\n`,
  );
  if (plan.withoutPaths.length > 0)
    io.err(
      `outside-in: ${plan.withoutPaths.length} need(s) have no path glob, so no ${args.format} file can apply them: ` +
        `${plan.withoutPaths.join(', ')}; --format agents lists every need\n`,
    );
  return EXIT_OK;
}
