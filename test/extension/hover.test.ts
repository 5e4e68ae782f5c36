/**
 * The hover over a claim, through VS Code's own hover command: status, attribution
 * sentence, linked sources, note, review and anchoring, with sidecar text shown as text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARTICLE, CLAIM_TEXT, claimLens, Fixture, rangeOf, showDecorated, SIDECAR } from './claimFixture';

describe('Claim hover', () => {
  let fixture: Fixture;
  let document: vscode.TextDocument;

  before(async () => {
    fixture = await Fixture.create('e1-hover', { 'article.txt': ARTICLE, 'article.claims.yaml': SIDECAR });
    document = (await showDecorated(await claimLens(), fixture.uri('article.txt'))).document;
  });
  after(() => fixture.dispose());

  async function hoverOver(id: string): Promise<{ hovers: vscode.Hover[]; markdown: vscode.MarkdownString[]; text: string }> {
    const inside = rangeOf(document, CLAIM_TEXT[id]!).start.translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, inside);
    const markdown = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    return { hovers, markdown, text: markdown.map((m) => readable(m.value)).join('\n') };
  }

  it('shows the attribution chain as a sentence and links the sources', async () => {
    const { text, markdown } = await hoverOver('evidence');
    assert.match(text, /Unverified \(status: unverified\) · claim evidence/);
    assert.match(text, /Attribution: Lloyd Austin \(US Defense Secretary\), via Washington Post video/);
    assert.ok(markdown.some((m) => m.value.includes('[Washington Post video](https://www.washingtonpost.com/video/austin)')), 'the source is a link');
    assert.match(text, /Anchored exactly\./);
  });

  it('marks anonymous speakers and uses the cue', async () => {
    const { text } = await hoverOver('casualties');
    assert.match(text, /Attribution: unnamed official \(anonymous\), citing Yonhap/);
  });

  it('shows note, reviewer and date as text, and links http(s) sources only', async () => {
    const { text, markdown } = await hoverOver('treaty');
    assert.match(text, /Note: \[click\]\(command:workbench\.action\.quit\) <script>alert\(1\)<\/script>/);
    assert.match(text, /Reviewed by desk-2 on 2026-11-27/);
    assert.match(text, /Archive <img src=x onerror=alert\(1\)> \[x\]\(command:workbench\.action\.quit\)/);
    const links = markdown.flatMap((m) => [...m.value.matchAll(/\]\(([^)]*)\)/g)].map((l) => l[1]));
    assert.deepEqual(links, ['https://archive.example/treaty'], 'the only link is the https source');
    for (const m of markdown) {
      assert.notEqual(m.isTrusted, true, 'hover Markdown is never trusted');
      assert.doesNotMatch(m.value, /<(img|script)/, 'no raw HTML');
    }
  });

  it('says a drifted claim drifted and shows the quote it was looking for', async () => {
    const { text } = await hoverOver('bridge');
    assert.match(text, /Drifted: the quote is no longer in the article word for word/);
    assert.match(text, /Looking for:\s+> Rebels held the northern bridge for two days\./);
  });

  it('says a verified claim changed since it was verified', async () => {
    const { text } = await hoverOver('port');
    assert.match(text, /Changed since verified: the verified text is no longer on the page/);
    assert.match(text, /The port reopened on Monday after the storm\./);
  });

  it('covers the claim’s range, and shows nothing outside claims', async () => {
    const { hovers } = await hoverOver('rigged');
    const ours = hovers.find((h) => h.range?.isEqual(rangeOf(document, CLAIM_TEXT.rigged!)));
    assert.ok(ours, 'a hover spans exactly the claim');
    const outside = document.positionAt(ARTICLE.indexOf('Nobody'));
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, outside);
    assert.equal(none.flatMap((h) => h.contents).length, 0);
  });
});

/** What a reader sees of the escaped Markdown: backslash escapes and entities undone. */
function readable(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/ {2}\n/g, ' ');
}
