/**
 * The Claims view's welcome content, on a workspace of its own with one article and no
 * claims file: first the explanation of where claims live, then, with the article
 * open, the button that creates its claims file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { useWorkbench } from './session';
import { nls } from './support';

describe('Claims view welcome', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lens-welcome-'));
  fs.writeFileSync(path.join(folder, 'lonely.txt'), 'The mayor said the tram will run by June.\n');
  const session = useWorkbench(folder);
  const welcome = () => session.workbench.page.locator('.part.sidebar .welcome-view-content');

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('says where claims live when the workspace has none', async () => {
    // What a reviewer does: click Claim Lens in the activity bar.
    await session.workbench.page.locator(`.activitybar .action-label[aria-label^="${nls('claimLens.viewsContainer.title')}"]`).first().click();
    const firstLine = nls('claimLens.welcome.noClaims').split('\n')[0]!;
    await welcome().getByText(firstLine).waitFor();
    await session.workbench.screenshot('claims-view-welcome-empty');
  });

  it('offers to create a claims file for the active article, and creates it', async () => {
    const { workbench } = session;
    await workbench.openFile('lonely.txt');
    const label = /\[(.+?)\]\(command:claimLens\.createSidecar\)/.exec(nls('claimLens.welcome.articleWithoutSidecar'))?.[1];
    assert.ok(label, 'the welcome text links claimLens.createSidecar');
    const button = welcome().locator('.monaco-button', { hasText: label });
    await button.waitFor();
    await workbench.screenshot('claims-view-welcome-article');
    await button.click();
    const sidecar = path.join(session.server.workspace, 'lonely.claims.yaml');
    const deadline = Date.now() + 10_000;
    while (!fs.existsSync(sidecar) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const created = parse(fs.readFileSync(sidecar, 'utf8')) as { version: number; article: string; claims: unknown[] };
    assert.deepEqual(created, { version: 1, article: 'lonely.txt', claims: [] });
  });
});
