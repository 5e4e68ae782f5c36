/**
 * Attaches a source to a claim: one of the sidecar's shared sources, or a new one
 * (name, id, http/https URL, type) that is also added under `sources:`.
 */
import * as vscode from 'vscode';
import { addSourceEdits } from '../../core/edits';
import { ID_PATTERN } from '../../core/schema';
import { SOURCE_TYPES, type Source, type SourceType } from '../../core/types';
import { claimRef, resolveClaim } from '../claimPicker';
import type { CommandContext } from '../commands';
import { editSidecar, type WriteResult } from '../sidecarWriter';

type NewSource = Source & { id: string };

/** `claimLens.addSource(claim?, source?)`: `source` is `{ id }` of a shared source, or a full new source. */
export async function addSourceCommand(ctx: CommandContext, claimArg?: unknown, sourceArg?: unknown): Promise<WriteResult | undefined> {
  const ref = await resolveClaim(ctx.store, claimArg, vscode.l10n.t('Add a source to which claim?'));
  if (!ref) return undefined;
  const shared = ref.state.analysis.sidecar.sources;
  const source = isNewSource(sourceArg) ? sourceArg : await pickSource(shared, ref.claim.claim.sources);
  if (!source) return undefined;
  return editSidecar(ref.state.sidecarUri, (text) => addSourceEdits(text, claimRef(ref), source));
}

async function pickSource(shared: ReadonlyMap<string, Source>, attached: readonly Source[]): Promise<NewSource | undefined> {
  const taken = new Set(attached.map((s) => s.id).filter(Boolean));
  const create = { label: `$(add) ${vscode.l10n.t('New source…')}`, id: undefined };
  const items = [
    ...[...shared]
      .filter(([id]) => !taken.has(id))
      .map(([id, s]) => ({ label: s.name, description: id, detail: s.url, id })),
    create,
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Pick a source, or create one') });
  if (!picked) return undefined;
  return picked.id !== undefined ? { id: picked.id, name: shared.get(picked.id)!.name } : askNewSource(shared);
}

async function askNewSource(shared: ReadonlyMap<string, Source>): Promise<NewSource | undefined> {
  const name = (
    await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Name of the source'),
      placeHolder: vscode.l10n.t('e.g. Yonhap News Agency'),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A source needs a name.')),
    })
  )?.trim();
  if (!name) return undefined;
  const id = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Id of the source in this claims file'),
    value: uniqueId(slug(name), shared),
    validateInput: (v) => {
      if (!ID_PATTERN.test(v)) return vscode.l10n.t("Use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
      return shared.has(v) ? vscode.l10n.t('{0} is already a source in this file.', v) : undefined;
    },
  });
  if (!id) return undefined;
  const url = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('URL of the source (optional)'),
    placeHolder: 'https://',
    validateInput: (v) => (v.trim() === '' || isHttpUrl(v.trim()) ? undefined : vscode.l10n.t('Use an http or https URL.')),
  });
  if (url === undefined) return undefined;
  const none = { label: vscode.l10n.t('No type'), type: undefined };
  const type = await vscode.window.showQuickPick([...SOURCE_TYPES.map((t) => ({ label: t, type: t as SourceType | undefined })), none], {
    placeHolder: vscode.l10n.t('Type of the source'),
  });
  if (!type) return undefined;
  return { id, name, ...(url.trim() && { url: url.trim() }), ...(type.type && { type: type.type }) };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `Yonhap News Agency` -> `yonhap-news-agency` */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'source';
}

function uniqueId(base: string, shared: ReadonlyMap<string, Source>): string {
  let id = base;
  for (let n = 2; shared.has(id); n++) id = `${base}-${n}`;
  return id;
}

function isNewSource(value: unknown): value is NewSource {
  const v = value as NewSource | undefined;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && (v.name === undefined || typeof v.name === 'string');
}
