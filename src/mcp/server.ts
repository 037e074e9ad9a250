/**
 * `outside-in mcp`: the needs as a Model Context Protocol server over stdio,
 * for coding agents in any MCP client. The tools give the same answers as the
 * CLI (explain and checklist run as they do on the command line), read the
 * tree afresh on every call so an edited needs file counts at once, and never
 * reach the network: needs files hold customers' words. Stdout carries the
 * protocol alone; anything else goes to stderr.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { LoadOptions } from '../core/load';
import { PRIORITIES, STATUSES } from '../core/model';
import { listNeeds, needDetails } from '../core/needsCatalog';
import { GitError } from '../node/gitProcess';
import { findNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import { runChecklist } from '../cli/checklistCommand';
import { runExplain } from '../cli/explain';
import type { Io } from '../cli/io';
import { EXIT_OK, UsageError } from '../cli/io';
import { cliVersion } from '../cli/version';

export interface McpArgs {
  readonly root: string;
  readonly load: LoadOptions;
}

const NEEDS_FILE_URI = 'outside-in://needs-file/';

/** Builds the server for `root`; `runMcp` connects it to stdio, tests to their own transport. */
export function needsServer(args: McpArgs, log: (text: string) => void): McpServer {
  const server = new McpServer({ name: 'outside-in', version: cliVersion() });
  const { root, load } = args;

  server.registerTool(
    'related_needs',
    {
      title: 'Customer needs of a file or line',
      description:
        'The customer needs a file (or one line of it) relates to, and why: each with the ' +
        "customer's own words (quote), persona, priority, status, the needs file that defines it, " +
        'and the reasons (rule path|keyword|annotation, line, matched text). Call it before changing ' +
        'a file, and keep the change true to the quotes. An empty list means no need relates to it. ' +
        'Paths are relative to the repository root.',
      inputSchema: {
        path: z.string().min(1).describe('A file, relative to the repository root.'),
        line: z.number().int().min(1).optional().describe('A 1-based line of the file.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path: file, line }) =>
      cliAnswer(root, log, (io) =>
        runExplain(io, {
          root,
          target: line === undefined ? file : `${file}:${line}`,
          format: 'json',
          load,
        }),
      ),
  );

  server.registerTool(
    'checklist',
    {
      title: 'Review checklist of the change',
      description:
        'The customer needs the change under review touches (git diff BASE...HEAD), critical first, ' +
        "with the customer's words, the evidence (or that the need is an assumption), the review " +
        'questions to answer and why each need is on the list. Without base: the merge-base with the ' +
        'default branch; without head: the working tree, untracked files included.',
      inputSchema: {
        base: z.string().min(1).optional().describe('The revision the change is compared with.'),
        head: z.string().min(1).optional().describe('The revision under review.'),
        format: z
          .enum(['markdown', 'json'])
          .optional()
          .describe('markdown (default) to read, json for every field.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ base, head, format }) =>
      cliAnswer(root, log, (io) =>
        runChecklist(io, { root, base, head, format: format ?? 'markdown', load }),
      ),
  );

  server.registerTool(
    'get_need',
    {
      title: 'One customer need in full',
      description:
        "A need by id: the customer's words, persona, priority, status, every piece of evidence " +
        'with its date (none means the need is an assumption), observed signals, review questions, ' +
        'the code it relates to (path globs, keywords) and its owner.',
      inputSchema: { id: z.string().min(1).describe('The need id, as in `@need id`.') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ id }) => {
      const { set } = await loadTree(root, load, log);
      const { found, closest } = needDetails(set, id, load);
      if (found.length === 0) {
        const hint = closest.length > 0 ? ` Did you mean ${closest.join(', ')}?` : '';
        return toolError(`No need has the id "${id}".${hint}`);
      }
      return json({ version: 1, needs: found });
    },
  );

  server.registerTool(
    'list_needs',
    {
      title: 'Find customer needs',
      description:
        "The customer needs, critical first, each with the customer's words, persona, priority, " +
        'status and whether it is an assumption (no evidence). Filter by persona id, priority, ' +
        'status, or words that must all appear in its title, quote, description or id.',
      inputSchema: {
        persona: z.string().min(1).optional().describe('A persona id of the needs file.'),
        priority: z.enum(PRIORITIES).optional(),
        status: z.enum(STATUSES).optional(),
        text: z.string().optional().describe('Words to find, any case.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (filter) => {
      const { set } = await loadTree(root, load, log);
      return json({ version: 1, needs: listNeeds(set, filter) });
    },
  );

  server.registerResource(
    'needs-file',
    new ResourceTemplate(`${NEEDS_FILE_URI}{+path}`, {
      list: async () => ({
        resources: (await needsFilesOf(root)).map((rel) => ({
          uri: NEEDS_FILE_URI + rel,
          name: rel,
          mimeType: 'application/yaml',
        })),
      }),
    }),
    {
      title: 'Needs file',
      description: 'A customer-needs file of the repository, as written.',
      mimeType: 'application/yaml',
    },
    async (uri) => {
      const rel = decodeURIComponent(uri.href.slice(NEEDS_FILE_URI.length));
      // Only a needs file the walk finds: never any other file of the machine.
      if (!(await needsFilesOf(root)).includes(rel)) throw new Error(`${rel}: not a needs file`);
      const loaded = await loadNeedsFiles(root, [rel], load);
      const text = loaded.files[0]?.text ?? '';
      return { contents: [{ uri: uri.href, mimeType: 'application/yaml', text }] };
    },
  );
  return server;
}

/** Serves on stdin/stdout until the client closes stdin. */
export async function runMcp(io: Io, args: McpArgs): Promise<number> {
  const server = needsServer(args, (t) => io.err(t));
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
    process.stdin.on('end', resolve);
  });
  await server.connect(new StdioServerTransport());
  io.err(`outside-in: MCP server on stdio for ${args.root}\n`);
  await closed;
  return EXIT_OK;
}

/**
 * Runs a CLI command with its output kept: its stdout is the answer, a usage
 * mistake (a path outside the root, a line past the end, a bad revision) is
 * a tool error the agent can read and correct.
 */
async function cliAnswer(
  root: string,
  log: (text: string) => void,
  run: (io: Io) => Promise<number>,
): Promise<CallToolResult> {
  let out = '';
  const io: Io = { cwd: root, out: (t) => (out += t), err: (t) => log(t) };
  try {
    await run(io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof GitError) return toolError(e.message);
    throw e;
  }
  return { content: [{ type: 'text', text: out }] };
}

async function loadTree(
  root: string,
  load: LoadOptions,
  log: (text: string) => void,
): ReturnType<typeof loadNeedsFiles> {
  const loaded = await loadNeedsFiles(root, await needsFilesOf(root), load);
  for (const f of loaded.files)
    if (f.problems.some((p) => p.severity === 'error'))
      log(`outside-in: ${f.path} has errors; run "outside-in check" for details\n`);
  return loaded;
}

/** The needs files that count: the same as every command reads. */
async function needsFilesOf(root: string): Promise<readonly string[]> {
  return (await findNeedsFiles(root)).counted;
}

function json(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }] };
}

function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}
