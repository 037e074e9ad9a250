/**
 * The ids in src/vscode/ids.ts and package.json's contributions name the same
 * things, both ways: a command the code registers is contributed (or listed as
 * internal), and everything package.json names exists in the code.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  Command,
  ContextKey,
  INTERNAL_COMMANDS,
  LanguageModelTool,
  MCP_PROVIDER_ID,
  PREFIX,
  View,
  ViewContainer,
  focusCommand,
} from '../../src/vscode/ids';

interface Contributes {
  commands: { command: string }[];
  menus: Record<string, { command?: string; submenu?: string }[]>;
  views: Record<string, { id: string }[]>;
  viewsContainers: Record<string, { id: string }[]>;
  languageModelTools: { name: string }[];
  mcpServerDefinitionProviders: { id: string }[];
}

const packageJson = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as { contributes: Contributes };
const contributes = packageJson.contributes;

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const commandIds = Object.values(Command) as string[];
const viewIds = Object.values(View) as string[];

/** Every `when` clause anywhere under `contributes`. */
function whenClauses(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(whenClauses);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'when' && typeof v === 'string' ? [v] : whenClauses(v),
  );
}

describe('ids and package.json', () => {
  it('contributes exactly the commands in ids, less the internal ones', () => {
    const contributed = contributes.commands.map((c) => c.command);
    assert.deepEqual(
      sorted(contributed),
      sorted(commandIds.filter((id) => !INTERNAL_COMMANDS.includes(id))),
    );
  });

  it('lists as internal only commands that exist and are not contributed', () => {
    const contributed = new Set(contributes.commands.map((c) => c.command));
    for (const id of INTERNAL_COMMANDS) {
      assert.ok(commandIds.includes(id), `${id} is not in Command`);
      assert.ok(!contributed.has(id), `${id} is contributed, so it is not internal`);
    }
  });

  it('puts in menus only commands in ids (or a view focus)', () => {
    const focus = viewIds.map(focusCommand);
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) {
        if (item.command === undefined) continue;
        assert.ok(
          commandIds.includes(item.command) || focus.includes(item.command),
          `${menu} names ${item.command}, which ids does not have`,
        );
      }
    }
  });

  it('contributes exactly the views and view containers in ids', () => {
    const views = Object.values(contributes.views).flatMap((list) => list.map((v) => v.id));
    assert.deepEqual(sorted(views), sorted(viewIds));
    const containers = Object.values(contributes.viewsContainers).flatMap((list) =>
      list.map((c) => c.id),
    );
    assert.deepEqual(sorted(containers), sorted(Object.values(ViewContainer)));
    // Each view sits in one of our containers.
    for (const container of Object.keys(contributes.views))
      assert.ok((Object.values(ViewContainer) as string[]).includes(container), container);
  });

  it('contributes exactly the language-model tools and MCP provider in ids', () => {
    assert.deepEqual(
      sorted(contributes.languageModelTools.map((t) => t.name)),
      sorted(Object.values(LanguageModelTool)),
    );
    assert.deepEqual(
      contributes.mcpServerDefinitionProviders.map((p) => p.id),
      [MCP_PROVIDER_ID],
    );
  });

  it('reads in when clauses only context keys and views that ids has', () => {
    const known = new Set<string>([...Object.values(ContextKey), ...viewIds]);
    const clauses = whenClauses(contributes);
    assert.ok(clauses.length > 0, 'no when clause found: the walk is broken');
    const named = clauses.flatMap(
      (when) => when.match(/\b(?:outside-in|outsideIn)\.[\w.]+/g) ?? [],
    );
    assert.ok(named.includes(ContextKey.HasNeedsFile), 'expected the welcome key among them');
    for (const key of named) assert.ok(known.has(key), `a when clause reads ${key}, not in ids`);
  });

  it('starts every id with the one prefix', () => {
    const ids = [
      ...commandIds,
      ...viewIds,
      ...Object.values(ViewContainer),
      ...Object.values(LanguageModelTool),
      MCP_PROVIDER_ID,
    ];
    for (const id of ids) assert.ok(id.startsWith(PREFIX), id);
  });
});
