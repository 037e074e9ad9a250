/**
 * What the "Customer Needs" view shows, as plain nodes: groups of needs, each
 * need with its linked files (asked of the workspace index only when the need
 * is expanded), each file with its linked lines.
 */
import * as vscode from 'vscode';
import type { FiledNeed, GroupBy, NeedsGroup } from '../../core/needsGroups';
import { groupNeeds } from '../../core/needsGroups';
import type { ScopedLink } from '../../core/needsSet';
import { relatedNeeds } from '../../core/relatedNeeds';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';

export type NeedNodeData = FiledNeed<vscode.Uri>;

export type NeedsNode =
  | { readonly kind: 'group'; readonly group: NeedsGroup<vscode.Uri> }
  | { readonly kind: 'need'; readonly groupKey: string; readonly filed: NeedNodeData }
  | {
      readonly kind: 'file';
      readonly parentId: string;
      readonly uri: vscode.Uri;
      readonly links: readonly ScopedLink[];
    }
  | {
      readonly kind: 'line';
      readonly parentId: string;
      readonly uri: vscode.Uri;
      readonly link: ScopedLink;
    }
  | { readonly kind: 'empty'; readonly parentId: string; readonly text: string };

/** Every need of every loaded needs file, with the URI of the file that defines it. */
export function allNeeds(store: NeedsStore): NeedNodeData[] {
  return store.loaded.flatMap(({ uri, result }) =>
    result.file ? result.file.needs.map((need) => ({ need, file: result.file!, source: uri })) : [],
  );
}

/** `needsFileUri#id` of every need the text of `document` relates to (cheap: no workspace scan). */
export function needKeysOf(store: NeedsStore, document: vscode.TextDocument): Set<string> {
  const found = store.setFor(document.uri);
  const keys = new Set<string>();
  // A needs file names its own keywords: it is not code that serves them.
  if (!found || found.set.scopes.length === 0 || store.needsFileAt(document.uri) !== undefined)
    return keys;
  for (const { need, needsFile } of relatedNeeds(found.set, found.path, {
    text: document.getText(),
  }))
    keys.add(needKey(vscode.Uri.joinPath(found.folder.uri, needsFile), need.id));
  return keys;
}

export function needKey(needsFile: vscode.Uri, id: string): string {
  return `${needsFile.toString()}#${id}`;
}

export function nodeId(node: NeedsNode): string {
  switch (node.kind) {
    case 'group':
      return `group:${node.group.key}`;
    case 'need':
      return `${node.groupKey}/${needKey(node.filed.source, node.filed.need.id)}`;
    case 'file':
      return `${node.parentId}/${node.uri.toString()}`;
    case 'line':
      return `${node.parentId}/${node.link.line ?? -1}:${node.link.start ?? 0}:${node.link.rule}`;
    case 'empty':
      return `${node.parentId}/empty`;
  }
}

export interface TreeState {
  readonly groupBy: GroupBy;
  /** Keys of the needs to show (the active-file filter), or undefined for all. */
  readonly only?: ReadonlySet<string>;
}

/** The top level: the groups, after the active-file filter. */
export function rootNodes(store: NeedsStore, state: TreeState): NeedsNode[] {
  const needs = allNeeds(store).filter(
    (n) => state.only === undefined || state.only.has(needKey(n.source, n.need.id)),
  );
  return groupNeeds(needs, state.groupBy).map((group) => ({ kind: 'group', group }));
}

/** The children of a node; a need's files come from the workspace index, scanned on first ask. */
export async function childNodes(node: NeedsNode, index: WorkspaceIndex): Promise<NeedsNode[]> {
  switch (node.kind) {
    case 'group':
      return node.group.needs.map((filed) => ({ kind: 'need', groupKey: node.group.key, filed }));
    case 'need': {
      const parentId = nodeId(node);
      const files = await index.linksOf(node.filed.need.id, node.filed.source);
      if (files.length === 0)
        return [{ kind: 'empty', parentId, text: 'No code relates to this need yet' }];
      return files
        .map((f) => ({ kind: 'file' as const, parentId, uri: f.uri, links: f.links }))
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    }
    case 'file': {
      const parentId = nodeId(node);
      return node.links
        .filter((l) => l.line !== undefined)
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.start ?? 0) - (b.start ?? 0))
        .map((link) => ({ kind: 'line', parentId, uri: node.uri, link }));
    }
    default:
      return [];
  }
}
