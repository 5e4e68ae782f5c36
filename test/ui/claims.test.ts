/**
 * What a reviewer sees in the workbench: highlights in status colours, hovers with
 * attribution and sources, the Claims view, and a status set from the Command Palette
 * landing in the sidecar on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { LocatedClaim } from '../support/workspaceClaims';
import { findSidecars, locatableClaims, readClaims } from '../support/workspaceClaims';
import { ROOT } from '../../scripts/vscode/layout';
import { useWorkbench } from './session';
import { eventually } from './support';

/** The theme colour contributed for a status's highlight, e.g. claimLens.inReviewBackground. */
function statusColorId(status: string): string {
  return `claimLens.${status.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Background`;
}

/** The title (without category) of a command this extension contributes, localized as the workbench shows it. */
function commandTitle(id: string): string {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
  const manifest = read('package.json') as { contributes?: { commands?: Array<{ command: string; title: string }> } };
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  assert.ok(command, `package.json contributes the command ${id}`);
  const placeholder = /^%(.+)%$/.exec(command.title);
  if (!placeholder) return command.title;
  const title = (read('package.nls.json') as Record<string, string>)[placeholder[1]!];
  assert.ok(title, `package.nls.json defines ${command.title}`);
  return title;
}

describe('Claims in the workbench', () => {
  const session = useWorkbench();
  const claims = (): LocatedClaim[] => findSidecars(session.server.workspace).flatMap(locatableClaims);

  async function showClaim(claim: LocatedClaim): Promise<void> {
    await session.workbench.openFile(path.basename(claim.article));
    await session.workbench.goTo(claim.line, claim.column);
  }

  it('highlights each claim in the colour of its status', async () => {
    const { workbench } = session;
    const mismatches: string[] = [];
    assert.ok(claims().length > 0, 'the test workspace has claims');
    for (const claim of claims()) {
      await showClaim(claim);
      const expected = await workbench.themeColor(statusColorId(claim.status));
      const found = await eventually(() => workbench.decorationColorsAtCursor(), (colors) => colors.includes(expected));
      if (!found.includes(expected)) mismatches.push(`${claim.id} (${claim.status}): expected ${expected}, found [${found.join(', ')}]`);
    }
    await workbench.screenshot('highlights');
    assert.deepEqual(mismatches, [], 'claims without a highlight in their status colour');
  });

  it('shows the attribution and sources when hovering a claim', async () => {
    const claim = claims().find((c) => c.speaker && c.sourceNames.length > 0);
    assert.ok(claim, 'the test workspace has a claim with a speaker and sources');
    await showClaim(claim);
    const hover = await session.workbench.hoverAtCursor();
    await session.workbench.screenshot('hover');
    for (const expected of [claim.speaker!, ...claim.sourceNames]) assert.ok(hover.includes(expected), `hover names "${expected}":\n${hover}`);
  });

  it('lists every claim in the Claims view, located or not', async () => {
    const all = findSidecars(session.server.workspace).flatMap(readClaims);
    const shows = (rows: string[], claim: { id: string; quote: string }) =>
      rows.some((row) => row.includes(claim.id) || row.includes(claim.quote.slice(0, 30)));
    const list = await session.workbench.openView('Claims');
    const rows = await eventually(() => session.workbench.viewRows(list), (r) => all.every((c) => shows(r, c)));
    await session.workbench.screenshot('claims-view');
    assert.deepEqual(all.filter((c) => !shows(rows, c)).map((c) => c.id), [], `claims missing from the view's rows:\n${rows.join('\n')}`);
  });

  it('sets a status from the Command Palette and writes it to the sidecar', async () => {
    const { workbench } = session;
    const claim = claims()[0]!;
    const next = claim.status === 'verified' ? 'disputed' : 'verified';
    const before = fs.readFileSync(claim.sidecar, 'utf8');
    await showClaim(claim);
    await workbench.runCommand(commandTitle('claimLens.setStatus'));
    await workbench.pick(next);
    const statusOnDisk = () => {
      const sidecar = parse(fs.readFileSync(claim.sidecar, 'utf8')) as { claims: Array<{ id: string; status?: string | boolean }> };
      return String(sidecar.claims.find((c) => c.id === claim.id)?.status);
    };
    await eventually(async () => statusOnDisk(), (status) => status === next);
    await workbench.screenshot('status-set');
    assert.equal(statusOnDisk(), next, `${claim.id}'s status in ${claim.sidecar}`);
    const changedLines = fs
      .readFileSync(claim.sidecar, 'utf8')
      .split('\n')
      .filter((line, i) => line !== before.split('\n')[i]);
    assert.equal(changedLines.length, 1, `only the status line changes:\n${changedLines.join('\n')}`);
    const expected = await workbench.themeColor(statusColorId(next));
    const colors = await eventually(() => workbench.decorationColorsAtCursor(), (c) => c.includes(expected));
    assert.ok(colors.includes(expected), `the highlight turns ${expected}, found [${colors.join(', ')}]`);
  });
});
