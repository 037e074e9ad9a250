/**
 * `outside-in mcp` as an agent meets it: the SDK's own client spawns the
 * built CLI over stdio and calls every tool, a bad call, and a tool again
 * after the needs file changed under the running server.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { TempRepo } from './helpers/gitRepo';
import { CLI_PATH, ensureCliBuilt } from './helpers/runCli';

const NEEDS = [
  'version: 1',
  'product: Acme Shop',
  'personas:',
  '  shopper: { name: Returning shopper }',
  'needs:',
  '  - id: saved-cards',
  '    title: Cards are remembered',
  '    persona: shopper',
  '    priority: high',
  '    quote: Why do I type my card every time?',
  '    evidence:',
  '      - { source: NPS survey, date: 2026-09-14 }',
  '    match:',
  '      keywords: ["saved card"]',
  '    review:',
  '      - Is the saved card still preselected?',
  '  - id: gift-note',
  '    title: A note with a gift',
  '    priority: low',
  '    match:',
  '      paths: ["src/gift/**"]',
  '',
].join('\n');

const CARDS = [
  'export function pay() {',
  '  const savedCard = load();',
  '  return savedCard;',
  '}',
  '',
].join('\n');

interface TextResult {
  isError?: boolean;
  content: { type: string; text?: string }[];
}

function textOf(result: unknown): string {
  const r = result as TextResult;
  return r.content.map((c) => c.text ?? '').join('');
}

describe('outside-in mcp (the SDK client over stdio)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let client: Client;
  const protocolErrors: Error[] = [];

  before(async () => {
    ensureCliBuilt();
    repo = new TempRepo();
    repo.write('customer-needs.yaml', NEEDS);
    repo.write('src/pay.ts', CARDS);
    repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/pay.ts', CARDS.replace('load()', 'loadSavedCard()'));
    client = new Client({ name: 'outside-in-test', version: '1.0.0' });
    client.onerror = (e) => protocolErrors.push(e);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_PATH, 'mcp', '--root', repo.dir],
      cwd: repo.dir,
      stderr: 'pipe',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } as Record<
        string,
        string
      >,
    });
    await client.connect(transport);
  });

  after(async () => {
    await client?.close();
    repo?.remove();
  });

  it('lists its four tools, each with an input schema an agent can fill', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [
      'checklist',
      'get_need',
      'list_needs',
      'related_needs',
    ]);
    const related = tools.find((t) => t.name === 'related_needs');
    assert.deepEqual(related?.inputSchema.required, ['path']);
    assert.ok(Object.keys(related?.inputSchema.properties ?? {}).includes('line'));
  });

  it("related_needs: the need of a line, the customer's words and why", async () => {
    const result = await client.callTool({
      name: 'related_needs',
      arguments: { path: 'src/pay.ts', line: 2 },
    });
    const answer = JSON.parse(textOf(result)) as {
      needs: {
        id: string;
        quote?: string;
        because: { line?: number; rule: string; match: string }[];
      }[];
    };
    assert.deepEqual(
      answer.needs.map((n) => [n.id, n.quote, n.because.map((b) => [b.line, b.rule, b.match])]),
      [['saved-cards', 'Why do I type my card every time?', [[2, 'keyword', 'saved card']]]],
    );
  });

  it('related_needs on a line past the end is a tool error the agent can read', async () => {
    const result = (await client.callTool({
      name: 'related_needs',
      arguments: { path: 'src/pay.ts', line: 99 },
    })) as TextResult;
    assert.equal(result.isError, true);
    assert.equal(textOf(result), 'src/pay.ts:99: the file has 4 lines');
  });

  it('a call with a missing argument is an error, and the server goes on answering', async () => {
    const bad = (await client
      .callTool({ name: 'related_needs', arguments: { line: 2 } })
      .catch((e: Error) => ({
        isError: true,
        content: [{ type: 'text', text: e.message }],
      }))) as TextResult;
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /path/);
    const list = await client.callTool({ name: 'list_needs', arguments: {} });
    assert.equal((JSON.parse(textOf(list)) as { needs: unknown[] }).needs.length, 2);
  });

  it('checklist: the Markdown of the change, with the product and the question', async () => {
    const result = await client.callTool({ name: 'checklist', arguments: { base: 'main' } });
    const text = textOf(result);
    assert.match(text, /^## Acme Shop: customer needs this change touches$/m);
    assert.match(text, /^### Cards are remembered \(high\)$/m);
    assert.match(text, /^- \[ \] Is the saved card still preselected\?$/m);
  });

  it('get_need: the need in full; an unknown id suggests the closest', async () => {
    const result = await client.callTool({ name: 'get_need', arguments: { id: 'gift-note' } });
    const answer = JSON.parse(textOf(result)) as {
      needs: { id: string; assumption: boolean; line: number; match: { paths: string[] } }[];
    };
    assert.deepEqual(
      answer.needs.map((n) => [n.id, n.assumption, n.line, n.match.paths]),
      [['gift-note', true, 17, ['src/gift/**']]],
    );
    const unknown = (await client.callTool({
      name: 'get_need',
      arguments: { id: 'saved-card' },
    })) as TextResult;
    assert.equal(unknown.isError, true);
    assert.equal(textOf(unknown), 'No need has the id "saved-card". Did you mean saved-cards?');
  });

  it('list_needs filters by priority and persona', async () => {
    const high = await client.callTool({ name: 'list_needs', arguments: { priority: 'high' } });
    const ids = (JSON.parse(textOf(high)) as { needs: { id: string }[] }).needs.map((n) => n.id);
    assert.deepEqual(ids, ['saved-cards']);
    const shopper = await client.callTool({
      name: 'list_needs',
      arguments: { persona: 'shopper' },
    });
    const named = (JSON.parse(textOf(shopper)) as { needs: { personaName?: string }[] }).needs;
    assert.deepEqual(
      named.map((n) => n.personaName),
      ['Returning shopper'],
    );
  });

  it('the needs files are resources, and nothing else can be read through them', async () => {
    const { resources } = await client.listResources();
    assert.deepEqual(
      resources.map((r) => r.uri),
      ['outside-in://needs-file/customer-needs.yaml'],
    );
    const read = await client.readResource({ uri: 'outside-in://needs-file/customer-needs.yaml' });
    assert.equal((read.contents[0] as { text: string }).text, NEEDS);
    await assert.rejects(client.readResource({ uri: 'outside-in://needs-file/src/pay.ts' }));
  });

  it('answers from the needs file as it is now, edited while the server runs', async () => {
    writeFileSync(
      path.join(repo.dir, 'customer-needs.yaml'),
      NEEDS.replace('Why do I type my card every time?', 'Remember my card, please'),
    );
    const result = await client.callTool({ name: 'get_need', arguments: { id: 'saved-cards' } });
    const need = (JSON.parse(textOf(result)) as { needs: { quote: string }[] }).needs[0];
    assert.equal(need?.quote, 'Remember my card, please');
  });

  it('wrote nothing but protocol on stdout', () => {
    assert.deepEqual(protocolErrors, []);
  });
});
