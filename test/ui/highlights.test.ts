/**
 * Highlights as a reviewer sees them: every status in its own contributed colour,
 * drifted, ambiguous and changed-since-verified claims with their own borders, and a
 * gutter icon per status.
 */
import * as assert from 'node:assert/strict';
import { ARTICLE_NAME, copyEditorFixture, inside } from './editorFixture';
import { useWorkbench } from './session';

interface DecorationStyle {
  background: string;
  borderStyle: string;
  borderColor: string;
}

describe('Claim highlights in the workbench', () => {
  const session = useWorkbench();
  let article = '';

  before(async () => {
    article = copyEditorFixture(session.server.workspace, 'e1-highlights');
    await session.workbench.openFile(ARTICLE_NAME);
  });

  /** The computed styles of the extension's decorations under the cursor, once `ok` holds (or after 10 s). */
  async function stylesAt(text: string, ok: (styles: DecorationStyle[]) => boolean): Promise<DecorationStyle[]> {
    const { line, column } = inside(article, text);
    await session.workbench.goTo(line, column);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const styles = await session.workbench.page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): DomElement | null } }).document;
        const editor = doc.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
        const cursor = editor?.querySelectorAll('.cursors-layer .cursor')[0];
        if (!editor || !cursor) return [];
        const c = cursor.getBoundingClientRect();
        const x = c.left + 3;
        const y = c.top + c.height / 2;
        const win = globalThis as unknown as { getComputedStyle(e: DomElement): Record<string, string> };
        return Array.from(editor.querySelectorAll('.view-overlays .cdr[class*="TextEditorDecorationType"]'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
          })
          .map((el) => {
            const s = win.getComputedStyle(el);
            return { background: s.backgroundColor!, borderStyle: s.borderBottomStyle!, borderColor: s.borderBottomColor! };
          });
      });
      if (ok(styles) || Date.now() > deadline) return styles;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('gives each of the six statuses its own contributed colour', async () => {
    const claims: [string, string][] = [
      ['we have evidence', 'unverified'],
      ['1,200 casualties', 'inReview'],
      ['The treaty was signed in 1999', 'verified'],
      ['Critics called the vote rigged', 'disputed'],
      ['Observers called the election free', 'false'],
      ['what happened at the border crossing', 'unverifiable'],
    ];
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const [text, status] of claims) {
      const expected = await session.workbench.themeColor(`claimLens.${status}Background`);
      seen.add(expected);
      const styles = await stylesAt(text, (s) => s.some((d) => d.background === expected));
      if (!styles.some((d) => d.background === expected)) wrong.push(`${status}: expected ${expected}, found ${JSON.stringify(styles)}`);
    }
    await session.workbench.screenshot('e1-highlights-statuses');
    assert.deepEqual(wrong, []);
    assert.equal(seen.size, 6, 'six distinct colours');
  });

  it('borders drifted (dashed), ambiguous (dotted) and changed-since-verified (double) claims', async () => {
    const looks: [string, string, string][] = [
      ['Rebels held the northern bridge', 'drifted', 'dashed'],
      ['The plan was approved quickly', 'ambiguous', 'dotted'],
      ['The port reopened on Sunday', 'changedSinceVerified', 'double'],
    ];
    const wrong: string[] = [];
    for (const [text, look, borderStyle] of looks) {
      const colour = await session.workbench.themeColor(`claimLens.${look}Border`);
      const matches = (s: DecorationStyle[]) => s.some((d) => d.borderStyle === borderStyle && d.borderColor === colour);
      const styles = await stylesAt(text, matches);
      if (!matches(styles)) wrong.push(`${look}: expected a ${borderStyle} ${colour} border, found ${JSON.stringify(styles)}`);
    }
    await session.workbench.screenshot('e1-highlights-looks');
    assert.deepEqual(wrong, []);
    // A plain exact claim has no border.
    const plain = await stylesAt('The treaty was signed', (s) => s.length > 0);
    assert.ok(plain.every((d) => d.borderStyle === 'none'), JSON.stringify(plain));
  });

  it('shows a status icon in the gutter of each line that starts a claim', async () => {
    const statuses = ['disputed', 'false', 'in-review', 'unverifiable', 'unverified', 'verified'];
    let icons: string[] = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      icons = await session.workbench.page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): DomElement | null } }).document;
        const editor = doc.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
        const win = globalThis as unknown as { getComputedStyle(e: DomElement): Record<string, string> };
        return Array.from(editor?.querySelectorAll('[class*="TextEditorDecorationType"]') ?? [])
          // The icon's URL is a resource URL with the path encoded in it.
          .map((el) => /media(?:\/|%2F)status(?:\/|%2F)([\w-]+)\.svg/i.exec(win.getComputedStyle(el).backgroundImage ?? '')?.[1])
          .filter((name): name is string => name !== undefined)
          .sort();
      });
      if (statuses.every((s) => icons.includes(s)) && icons.length >= 8) break;
    }
    await session.workbench.screenshot('e1-highlights-gutter');
    // One icon on each of the eight lines that start claims; line 3 starts a false and a
    // disputed claim and shows the more urgent, false.
    assert.deepEqual(icons, ['disputed', 'false', 'in-review', 'in-review', 'unverifiable', 'unverified', 'verified', 'verified']);
  });
});

/** The little of the DOM the page functions above use (the tests compile without the DOM library). */
interface DomElement {
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; height: number };
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
