/**
 * "The claim" a command acts on: the one it was given (a Claims view row, or
 * `{ sidecar, id }` from a hover link or a test), else the one under the cursor
 * (in the article or in the sidecar), else the one the user picks.
 */
import * as vscode from 'vscode';
import { STATUS_INFO } from '../core/status';
import type { AnchoredClaim } from '../core/types';
import { shortText } from '../core/text';
import type { ClaimNode } from './claimsTreeNodes';
import type { ArticleState, ClaimStoreApi } from './claimStore';
import { showWarning, showInformation } from './notifications';

export interface ClaimRef {
  state: ArticleState;
  claim: AnchoredClaim;
}

/** A claim named in plain data, for command links and `executeCommand`. */
export interface ClaimArgument {
  /** The sidecar's URI, as `Uri.toString()` gives it. */
  sidecar: string;
  id: string;
  /** Its place in `claims:` (`Claim.index`), which tells apart claims that share an id. */
  index?: number;
}

/** How the core's writers name the claim: by its place, checked against its id (edits.ts, `ClaimRef`). */
export function claimRef(ref: ClaimRef): { index: number; id: string } {
  return { index: ref.claim.claim.index, id: ref.claim.claim.id };
}

export async function resolveClaim(store: ClaimStoreApi, arg: unknown, placeHolder: string): Promise<ClaimRef | undefined> {
  if (namedClaim(arg)) return claimFromArgument(store, arg);
  return claimAtCursor(store) ?? (await askForClaim(store, placeHolder));
}

/**
 * Looks a named claim up afresh, so a row rendered before the last change still finds
 * it; says so when it is gone (deleted, or its sidecar no longer parses).
 */
export function claimFromArgument(store: ClaimStoreApi, arg: unknown): ClaimRef | undefined {
  const named = namedClaim(arg);
  if (!named) return undefined;
  const state = store.forSidecar(named.sidecar);
  // The row's own claim when it is still there (two claims may share an id), else the first with its id.
  const claims = state?.analysis.claims ?? [];
  const claim = claims.find((c) => c.claim.index === named.index && c.claim.id === named.id) ?? claims.find((c) => c.claim.id === named.id);
  if (state && claim) return { state, claim };
  const file = vscode.workspace.asRelativePath(named.sidecar);
  void showWarning(vscode.l10n.t('There is no claim {0} in {1} any more.', named.id, file));
  return undefined;
}

function namedClaim(arg: unknown): { sidecar: vscode.Uri; id: string; index?: number } | undefined {
  if (isClaimNode(arg)) return { sidecar: arg.state.sidecarUri, id: arg.claim.claim.id, index: arg.claim.claim.index };
  if (isClaimArgument(arg)) return { sidecar: vscode.Uri.parse(arg.sidecar), id: arg.id, ...(typeof arg.index === 'number' ? { index: arg.index } : {}) };
  return undefined;
}

export function claimAtCursor(store: ClaimStoreApi): ClaimRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { uri } = editor.document;
  // A selection (e.g. from Go to Next Claim) ends where its claim ends: look at its start.
  const { selection } = editor;
  const offset = editor.document.offsetAt(selection.isEmpty ? selection.active : selection.start);
  const inSidecar = store.forSidecar(uri);
  if (inSidecar) {
    const claim = inSidecar.analysis.claims.find((c) => c.claim.entryRange.start <= offset && offset <= c.claim.entryRange.end);
    return claim && { state: inSidecar, claim };
  }
  const claim = store.claimsAt(uri, offset)[0];
  const state = claim && store.all().find((s) => s.analysis.claims.includes(claim));
  return state && claim ? { state, claim } : undefined;
}

/** Offers the claims of the active article or sidecar, or all claims when neither is open. */
async function askForClaim(store: ClaimStoreApi, placeHolder: string): Promise<ClaimRef | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const local = uri ? store.all().filter((s) => s === store.forSidecar(uri) || s.articleUri?.toString() === uri.toString()) : [];
  const states = local.length > 0 ? local : store.all();
  const refs = states.flatMap((state) => state.analysis.claims.map((claim) => ({ state, claim })));
  if (refs.length === 0) {
    void showInformation(vscode.l10n.t('There are no claims to choose from.'));
    return undefined;
  }
  const items = refs.map((ref) => ({
    label: shortText(ref.claim.claim.quote),
    description: [ref.claim.claim.attribution?.speaker, STATUS_INFO[ref.claim.claim.status].label].filter(Boolean).join(' · '),
    detail: `${ref.claim.claim.id} · ${vscode.workspace.asRelativePath(ref.state.articleUri ?? ref.state.sidecarUri)}`,
    ref,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.ref;
}

function isClaimNode(arg: unknown): arg is ClaimNode {
  return typeof arg === 'object' && arg !== null && (arg as ClaimNode).kind === 'claim' && 'state' in arg;
}

function isClaimArgument(arg: unknown): arg is ClaimArgument {
  const a = arg as ClaimArgument | undefined;
  return typeof a === 'object' && a !== null && typeof a.sidecar === 'string' && typeof a.id === 'string';
}
