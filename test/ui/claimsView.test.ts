/**
 * The Claims view as a reviewer uses it: its own activity-bar container with a badge of
 * the claims still to review, status groups with counts, the title bar's grouping
 * switch, a row's inline "set status" action landing in the sidecar on disk, and the
 * title bar's "create a claims file" for an article that has none.
 * (Listing every claim and setting a status from the Command Palette: claims.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { findSidecars, locatableClaims } from '../support/workspaceClaims';
import { useWorkbench } from './session';
import { eventually, nls } from './support';

interface RawClaim {
  id: string;
  quote: string;
  status?: unknown;
  attribution?: { speaker?: string };
}

describe('Claims view in the workbench', () => {
  const session = useWorkbench();
  const claimsOnDisk = (): RawClaim[] =>
    findSidecars(session.server.workspace).flatMap((f) => (parse(fs.readFileSync(f, 'utf8')) as { claims?: RawClaim[] }).claims ?? []);
  const status = (c: RawClaim) => (typeof c.status === 'string' ? c.status : c.status === undefined ? 'unverified' : String(c.status));

  it('has its own activity-bar container whose badge counts the claims still to review', async () => {
    const { page } = session.workbench;
    const expected = claimsOnDisk().filter((c) => ['unverified', 'in-review'].includes(status(c))).length;
    assert.ok(expected > 0, 'the workspace has claims to review');
    const container = page.locator(`.activitybar .action-item:has(.action-label[aria-label^="${nls('claimLens.viewsContainer.title')}"])`);
    await container.waitFor();
    // Read every badge of the item (a hidden copy may exist while the workbench lays out).
    const badges = () => container.locator('.badge-content').allInnerTexts();
    const texts = await eventually(badges, (t) => t.some((b) => b.trim() === String(expected)));
    assert.ok(texts.some((b) => b.trim() === String(expected)), `a badge of ${expected}, found ${JSON.stringify(texts)}`);
  });

  it('groups the claims by status with counts, and by speaker from the title bar', async () => {
    const { workbench } = session;
    const list = await workbench.openView(nls('claimLens.view.claims'));
    const total = claimsOnDisk().length;
    // A group row's aria-label is its label and count, e.g. "Unverified 2".
    const groupLabels = async () => {
      await workbench.viewRows(list);
      return list.locator('.monaco-list-row[aria-level="1"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    };
    const groupCounts = async () =>
      (await groupLabels()).map((label) => /^(.*\S) (\d+)\s*$/.exec(label)).filter((m): m is RegExpExecArray => m !== null);
    const sum = (groups: RegExpExecArray[]) => groups.reduce((n, m) => n + Number(m[2]), 0);
    const groups = await eventually(groupCounts, (g) => sum(g) === total);
    await workbench.screenshot('claims-view-by-status');
    assert.equal(sum(groups), total, `group counts add up to ${total}: ${groups.map((m) => m[0]).join(', ')}`);
    assert.match(groups[0]![1]!, /^(Unverified|In review)$/, 'what still needs review comes first');

    // A container with one view shows the view's title actions in the side bar's title.
    await workbench.page.locator(`.part.sidebar .action-label[aria-label^="${nls('claimLens.command.groupBy')}"]:visible`).first().click();
    await workbench.pick('Speaker');
    // Speakers of claims whose quotes are surely in the article (orphans have a group of their own).
    const anchored = findSidecars(session.server.workspace).flatMap(locatableClaims);
    const speakers = [...new Set(anchored.flatMap((c) => (c.speaker ? [c.speaker] : [])))];
    assert.ok(speakers.length > 1, 'the workspace has claims by several speakers');
    const byspeaker = await eventually(groupLabels, (labels) => speakers.every((s) => labels.some((l) => l.startsWith(`${s} `))));
    await workbench.screenshot('claims-view-by-speaker');
    for (const speaker of speakers) {
      assert.ok(byspeaker.some((l) => l.startsWith(`${speaker} `)), `a group for ${speaker} in:\n${byspeaker.join('\n')}`);
    }
  });

  it('sets a status from a row’s inline action and writes it to the sidecar', async () => {
    const { workbench } = session;
    const sidecar = findSidecars(session.server.workspace)[0]!;
    const claim = (parse(fs.readFileSync(sidecar, 'utf8')) as { claims: RawClaim[] }).claims.find((c) => status(c) !== 'verified');
    assert.ok(claim, 'a claim that is not verified yet');
    const list = await workbench.openView(nls('claimLens.view.claims'));
    await workbench.viewRows(list);
    const row = list.locator('.monaco-list-row').filter({ hasText: claim.quote.replace(/\s+/g, ' ').slice(0, 30) }).first();
    await row.hover();
    // The label may carry the keybinding: "Set Claim Status... (Ctrl+Alt+V)".
    await row.locator(`.action-label[aria-label^="${nls('claimLens.command.setStatus')}"]`).click();
    await workbench.pick('verified');
    // Read while the editor may be saving it: an empty file parses to null.
    const statusOnDisk = () => (parse(fs.readFileSync(sidecar, 'utf8')) as { claims: RawClaim[] } | null)?.claims.find((c) => c.id === claim.id)?.status;
    const found = await eventually(async () => statusOnDisk(), (s) => s === 'verified');
    await workbench.screenshot('claims-view-inline-status');
    assert.equal(found, 'verified', `${claim.id}'s status in ${sidecar}`);
  });

  it('creates a claims file for the active article from the view’s title bar', async () => {
    const { workbench } = session;
    const article = path.join(session.server.workspace, 'fresh-article.txt');
    fs.writeFileSync(article, 'The harbour will reopen next week, officials said.\n');
    await workbench.openFile('fresh-article.txt');
    await workbench.openView(nls('claimLens.view.claims'));
    await workbench.page.locator(`.part.sidebar .action-label[aria-label^="${nls('claimLens.command.createSidecar')}"]:visible`).first().click();
    const sidecar = path.join(session.server.workspace, 'fresh-article.claims.yaml');
    await eventually(async () => fs.existsSync(sidecar), (exists) => exists);
    await workbench.screenshot('claims-view-created-sidecar');
    const created = parse(fs.readFileSync(sidecar, 'utf8')) as { version: number; claims: unknown[] };
    assert.equal(created.version, 1);
    assert.deepEqual(created.claims, []);
  });
});
