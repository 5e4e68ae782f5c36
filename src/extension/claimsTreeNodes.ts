/**
 * The Claims view's model: groups of claims, built fresh from the store's states for
 * one grouping and one filter. Nodes are plain data that know their parent, so the
 * view can implement `getParent` (and with it `reveal`) without searching.
 */
import * as vscode from 'vscode';
import { sourceLabel } from '../core/attribution';
import { basename } from '../core/paths';
import { STATUS_INFO, STATUS_ORDER } from '../core/status';
import type { AnchoredClaim, Status } from '../core/types';
import type { ArticleState } from './claimStore';

export const GROUP_BY = ['status', 'article', 'speaker', 'source'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export function isGroupBy(value: unknown): value is GroupBy {
  return typeof value === 'string' && (GROUP_BY as readonly string[]).includes(value);
}

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  /** Set for status groups (their icon); undefined for the others. */
  readonly status?: Status;
  readonly orphaned: boolean;
  readonly claims: ClaimNode[];
}

export interface ClaimNode {
  readonly kind: 'claim';
  readonly id: string;
  readonly parent: GroupNode;
  readonly state: ArticleState;
  readonly claim: AnchoredClaim;
}

export type ClaimsNode = GroupNode | ClaimNode;

interface Row {
  state: ArticleState;
  claim: AnchoredClaim;
}

interface GroupSpec {
  key: string;
  label: string;
  status?: Status;
  /** Sort key among the groups of one mode; ties keep insertion order. */
  order: string;
}

/**
 * Groups every claim that matches `filter` (see {@link matchesFilter}). Orphaned claims
 * form their own group, last, whatever the grouping: they have no place in the article.
 * Empty groups are left out.
 */
export function buildGroups(states: readonly ArticleState[], groupBy: GroupBy, filter: string): GroupNode[] {
  const rows = states
    .flatMap((state) => state.analysis.claims.map((claim) => ({ state, claim })))
    .filter((row) => matchesFilter(row, filter))
    .sort(compareRows);
  const groups = new Map<string, { spec: GroupSpec; rows: Row[] }>();
  const add = (spec: GroupSpec, row: Row) => {
    const group = groups.get(spec.key) ?? { spec, rows: [] };
    group.rows.push(row);
    groups.set(spec.key, group);
  };
  const orphans: Row[] = [];
  for (const row of rows) {
    if (row.claim.anchor.kind === 'orphaned') orphans.push(row);
    else for (const spec of groupsOf(row, groupBy)) add(spec, row);
  }
  const nodes = [...groups.values()]
    .sort((a, b) => a.spec.order.localeCompare(b.spec.order))
    .map(({ spec, rows: members }) => groupNode(`${groupBy}:${spec.key}`, spec.label, false, members, spec.status));
  if (orphans.length > 0) nodes.push(groupNode('orphaned', vscode.l10n.t('Orphaned'), true, orphans));
  return nodes;
}

function groupNode(key: string, label: string, orphaned: boolean, rows: Row[], status?: Status): GroupNode {
  const claims: ClaimNode[] = [];
  const group: GroupNode = { kind: 'group', id: `group/${key}`, label, orphaned, claims, ...(status && { status }) };
  for (const { state, claim } of rows) {
    const id = `${group.id}/${state.sidecarUri.toString()}#${claim.claim.index}`;
    claims.push({ kind: 'claim', id, parent: group, state, claim });
  }
  return group;
}

const LAST = '\uffff';

function groupsOf({ state, claim }: Row, groupBy: GroupBy): GroupSpec[] {
  const c = claim.claim;
  switch (groupBy) {
    case 'status':
      return [{ key: c.status, label: STATUS_INFO[c.status].label, status: c.status, order: String(STATUS_ORDER.indexOf(c.status)) }];
    case 'article': {
      const uri = state.articleUri ?? state.sidecarUri;
      const path = vscode.workspace.asRelativePath(uri);
      return [{ key: state.sidecarUri.toString(), label: basename(uri.path), order: path }];
    }
    case 'speaker': {
      const speaker = c.attribution?.speaker?.trim();
      return [speaker ? { key: `=${speaker}`, label: speaker, order: speaker.toLowerCase() } : noneGroup(vscode.l10n.t('No speaker'))];
    }
    case 'source': {
      const names = [...new Set(c.sources.map((s) => sourceLabel(s).trim()).filter(Boolean))];
      if (names.length === 0) return [noneGroup(vscode.l10n.t('No source'))];
      return names.map((name) => ({ key: `=${name}`, label: name, order: name.toLowerCase() }));
    }
  }
}

function noneGroup(label: string): GroupSpec {
  return { key: 'none', label, order: LAST };
}

/** Article order: by file, then by position in the article (sidecar order for orphans). */
function compareRows(a: Row, b: Row): number {
  const byFile = (a.state.articleUri ?? a.state.sidecarUri).path.localeCompare((b.state.articleUri ?? b.state.sidecarUri).path);
  if (byFile !== 0) return byFile;
  return anchorStart(a.claim) - anchorStart(b.claim) || a.claim.claim.index - b.claim.claim.index;
}

function anchorStart(claim: AnchoredClaim): number {
  return claim.anchor.kind === 'orphaned' ? Number.MAX_SAFE_INTEGER : claim.anchor.start;
}

/**
 * Case-insensitive: every word of the filter occurs in the claim's id, quote, status,
 * speaker, role, source names, note, tags or article name.
 */
export function matchesFilter({ state, claim }: Row, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const c = claim.claim;
  const haystack = [
    c.id,
    c.quote,
    c.status,
    c.attribution?.speaker,
    c.attribution?.role,
    ...c.sources.map(sourceLabel),
    ...(c.attribution?.via ?? []).map(sourceLabel),
    c.note,
    ...c.tags,
    basename((state.articleUri ?? state.sidecarUri).path),
  ]
    .filter((s): s is string => typeof s === 'string')
    .join('\n')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/**
 * `claim.<status>[.hasSource][.orphaned]`, matched by regex `when` clauses in
 * package.json (e.g. `viewItem =~ /^claim\./`).
 */
export function claimContextValue(claim: AnchoredClaim): string {
  const parts = ['claim', claim.claim.status];
  if (claim.claim.sources.length > 0) parts.push('hasSource');
  if (claim.anchor.kind === 'orphaned') parts.push('orphaned');
  return parts.join('.');
}

