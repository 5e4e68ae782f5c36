/**
 * The review commands through their keybindings, as a reviewer types them in the
 * article: Ctrl+Alt+. goes to the next claim, Ctrl+Alt+V sets the status of the claim
 * under the cursor, Ctrl+Alt+A adds the selected text as a claim. Each lands in the
 * sidecar on disk. (Set status from the Command Palette: claims.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { findSidecars } from '../support/workspaceClaims';
import { useWorkbench } from './session';
import { eventually } from './support';

interface RawSidecar {
  article?: string;
  claims: { id: string; quote: string; status?: unknown }[];
}

/** White space runs as one space, typographic quotes as ASCII (sidecar.md, "normalized"). */
function normalize(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ');
}

describe('Review keybindings in the workbench', () => {
  const session = useWorkbench();
  const sidecarFile = () => findSidecars(session.server.workspace)[0]!;
  const articleFile = () => sidecarFile().replace(/\.claims\.ya?ml$/, '.txt');
  /** The sidecar as on disk; null while the editor is writing it. */
  const onDisk = () => parse(fs.readFileSync(sidecarFile(), 'utf8')) as RawSidecar | null;

  it('goes to the next claim with Ctrl+Alt+. and sets its status with Ctrl+Alt+V', async () => {
    const { workbench } = session;
    const before = onDisk()!;
    const article = normalize(fs.readFileSync(articleFile(), 'utf8'));
    const located = before.claims
      .map((c) => ({ id: c.id, at: article.indexOf(normalize(c.quote)) }))
      .filter((c) => c.at > 0)
      .sort((a, b) => a.at - b.at);
    const first = located[0];
    assert.ok(first, 'the article has a claim after its first character');
    const next = before.claims.find((c) => c.id === first.id)!.status === 'false' ? 'verified' : 'false';

    await workbench.openFile(path.basename(articleFile()));
    await workbench.waitForHighlights();
    await workbench.goTo(1, 1);
    await workbench.page.keyboard.press('Control+Alt+Period');
    await workbench.page.keyboard.press('Control+Alt+V');
    await workbench.pick(next);
    const statusOf = (s: RawSidecar | null, id: string) => s?.claims.find((c) => c.id === id)?.status;
    const after = await eventually(onDisk, (s) => statusOf(s, first.id) === next);
    await workbench.screenshot('keybinding-status');
    assert.equal(statusOf(after, first.id), next, `${first.id}, the first claim in the article, is now ${next}`);
    const changed = before.claims.filter((c) => statusOf(after, c.id) !== c.status).map((c) => c.id);
    assert.deepEqual(changed, [first.id], 'no other claim changed');
  });

  it('adds the selected text as a claim with Ctrl+Alt+A', async () => {
    const { workbench } = session;
    const headline = fs.readFileSync(articleFile(), 'utf8').split('\n')[0]!.trim();
    const count = onDisk()!.claims.length;
    await workbench.openFile(path.basename(articleFile()));
    await workbench.waitForHighlights();
    await workbench.goTo(1, 1);
    await workbench.page.keyboard.press('Shift+End');
    await workbench.page.keyboard.press('Control+Alt+A');
    const after = await eventually(onDisk, (s) => (s?.claims.length ?? 0) > count);
    await workbench.screenshot('keybinding-add-claim');
    assert.equal(after?.claims.length, count + 1, 'one claim more');
    assert.equal(after?.claims[count]?.quote, headline, 'the new claim quotes the selection, appended last');
  });
});
