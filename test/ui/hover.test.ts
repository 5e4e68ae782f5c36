/**
 * The claim hover as a reviewer sees it: the attribution chain as a sentence, the
 * sources as links (http and https only), how the claim is anchored, and sidecar text
 * shown as text, never as markup.
 */
import * as assert from 'node:assert/strict';
import { ARTICLE_NAME, copyEditorFixture, inside } from './editorFixture';
import { useWorkbench } from './session';

describe('Claim hover in the workbench', () => {
  const session = useWorkbench();
  let article = '';

  before(async () => {
    article = copyEditorFixture(session.server.workspace, 'e1-hover');
    await session.workbench.openFile(ARTICLE_NAME);
    // Hover only once the extension has analyzed the article: its highlights are drawn.
    const { line, column } = inside(article, 'we have evidence');
    await session.workbench.goTo(line, column);
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      if ((await session.workbench.decorationColorsAtCursor()).length > 0) break;
    }
  });

  async function hoverOver(text: string, screenshot?: string): Promise<{ text: string; links: string[]; images: number }> {
    const { line, column } = inside(article, text);
    await session.workbench.goTo(line, column);
    // The first hover of a fresh workbench is sometimes swallowed (the article's language
    // is switched as it opens): one retry.
    const shown = await session.workbench.hoverAtCursor().catch(() => session.workbench.hoverAtCursor());
    const hover = session.workbench.page.locator('.monaco-hover').first();
    const links = await hover.locator('a').evaluateAll((as) =>
      as.map((a) => (a as unknown as { getAttribute(n: string): string | null }).getAttribute('data-href') ?? (a as unknown as { getAttribute(n: string): string | null }).getAttribute('href') ?? ''),
    );
    const images = await hover.locator('img, script').count();
    if (screenshot) await session.workbench.screenshot(screenshot);
    await session.workbench.page.keyboard.press('Escape');
    return { text: shown.replace(/\s+/g, ' '), links, images };
  }

  it('shows the attribution as a sentence and the source as a link', async () => {
    const hover = await hoverOver('we have evidence', 'e1-hover-attribution');
    assert.match(hover.text, /Unverified/);
    assert.match(hover.text, /Lloyd Austin \(US Defense Secretary\), via Washington Post video/);
    assert.ok(hover.links.includes('https://www.washingtonpost.com/video/austin'), JSON.stringify(hover.links));
  });

  it('marks an anonymous speaker and the cue', async () => {
    const hover = await hoverOver('1,200 casualties');
    assert.match(hover.text, /unnamed official \(anonymous\), citing Yonhap/);
  });

  it('shows hostile sidecar text as text, and links only the https source', async () => {
    const hover = await hoverOver('The treaty was signed', 'e1-hover-escaped');
    assert.match(hover.text, /Archive <img src=x onerror=alert\(1\)> \[x\]\(command:workbench\.action\.quit\)/);
    assert.match(hover.text, /\[click\]\(command:workbench\.action\.quit\) <script>alert\(1\)<\/script>/);
    assert.match(hover.text, /Reviewed by desk-2 on 2026-11-27/);
    assert.equal(hover.images, 0, 'no image or script element in the hover');
    assert.deepEqual(hover.links, ['https://archive.example/treaty']);
  });

  it('says a drifted claim drifted and shows the quote it was looking for', async () => {
    const hover = await hoverOver('Rebels held the northern bridge');
    assert.match(hover.text, /Drifted/);
    assert.match(hover.text, /Rebels held the northern bridge for two days\./);
  });
});
