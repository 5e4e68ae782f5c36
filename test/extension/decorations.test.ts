/**
 * Highlights in a real editor: each claim gets its status's decoration, drifted,
 * ambiguous and changed-since-verified anchors their own, a gutter mark on the first
 * line; articles without a sidecar get nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationKey } from '../../src/extension/claimDecorator';
import { ARTICLE, CLAIM_TEXT, claimLens, describeRanges, Fixture, rangeOf, showDecorated, SIDECAR, until } from './claimFixture';

describe('Claim highlights', () => {
  let fixture: Fixture;

  before(async () => {
    fixture = await Fixture.create('e1-decorations', {
      'article.txt': ARTICLE,
      'article.claims.yaml': SIDECAR,
      'no-sidecar.txt': ARTICLE,
    });
  });
  after(() => fixture.dispose());

  it('decorates every claim with its status, and drifted, ambiguous and changed-since-verified anchors with their own look', async () => {
    const api = await claimLens();
    const editor = await showDecorated(api, fixture.uri('article.txt'));
    const rendered = api.decorator.renderedRanges(editor);
    const at = (...ids: string[]) => ids.map((id) => rangeOf(editor.document, CLAIM_TEXT[id]!));
    const expected: Partial<Record<DecorationKey, vscode.Range[]>> = {
      'status:unverified': at('evidence'),
      'status:in-review': at('casualties', 'bridge'),
      'status:verified': at('treaty', 'port'),
      'status:disputed': at('rigged', 'plan'),
      'status:false': at('free'),
      'status:unverifiable': at('border'),
      'look:drifted': at('bridge'),
      'look:changedSinceVerified': at('port'),
      'look:ambiguous': at('plan'),
    };
    for (const [key, ranges] of Object.entries(expected) as [DecorationKey, vscode.Range[]][]) {
      assert.equal(describeRanges(rendered[key]), describeRanges(ranges), key);
    }
  });

  it('puts one gutter mark per line where claims start, the most urgent status winning', async () => {
    const api = await claimLens();
    const editor = await showDecorated(api, fixture.uri('article.txt'));
    const rendered = api.decorator.renderedRanges(editor);
    const marks = rendered['gutter:verified'] ?? [];
    assert.equal(describeRanges(marks), describeRanges(['treaty', 'port'].map((id) => {
      const start = rangeOf(editor.document, CLAIM_TEXT[id]!).start;
      return new vscode.Range(start, start);
    })));
    // Line 3 starts a false and a disputed claim: one icon, the more urgent (false).
    const lineOf = (id: string) => rangeOf(editor.document, CLAIM_TEXT[id]!).start.line;
    assert.deepEqual(rendered['gutter:false']?.map((r) => r.start.line), [lineOf('free')]);
    assert.deepEqual(rendered['gutter:disputed']?.map((r) => r.start.line), [lineOf('plan')]);
    const all = Object.entries(rendered).filter(([key]) => key.startsWith('gutter:')).flatMap(([, ranges]) => ranges);
    assert.equal(new Set(all.map((r) => r.start.line)).size, all.length, 'one icon per line');
    assert.equal(all.length, 8, 'the eight lines that start claims');
  });

  it('decorates the claims of every sidecar of an article, and counts them all in the status bar', async () => {
    const api = await claimLens();
    await fixture.write('two.txt', 'The minister said the talks were productive. Critics disagreed.\n');
    await fixture.write('two.claims.yaml', 'version: 1\nclaims:\n  - id: talks\n    quote: the talks were productive\n');
    // A second sidecar, in another folder, whose article: names the same article.
    await vscode.workspace.fs.createDirectory(fixture.uri('desk'));
    await fixture.write('desk/two-desk.claims.yaml', 'version: 1\narticle: ../two.txt\nclaims:\n  - id: critics\n    quote: Critics disagreed\n    status: false\n');
    const article = fixture.uri('two.txt');
    await until(() => api.store.allForArticle(article).length === 2, 'both sidecars of two.txt');
    const editor = await showDecorated(api, article);
    await until(() => (api.decorator.renderedRanges(editor)['status:false']?.length ?? 0) === 1, 'the second sidecar\'s claim');
    const rendered = api.decorator.renderedRanges(editor);
    assert.equal(describeRanges(rendered['status:unverified']), describeRanges([rangeOf(editor.document, 'the talks were productive')]));
    assert.equal(describeRanges(rendered['status:false']), describeRanges([rangeOf(editor.document, 'Critics disagreed')]));
    await until(() => api.statusBar.text === '$(checklist) 1 to review · 0 verified', () => `the counts of both, got ${api.statusBar.text}`);
  });

  it('leaves an article without a sidecar undecorated', async () => {
    const api = await claimLens();
    const plain = await vscode.window.showTextDocument(fixture.uri('no-sidecar.txt'));
    api.decorator.renderAll();
    assert.deepEqual(api.decorator.renderedRanges(plain), {});
  });

  it('decorates a second editor of the same article (split view)', async () => {
    const api = await claimLens();
    const first = await showDecorated(api, fixture.uri('article.txt'), vscode.ViewColumn.One);
    const second = await showDecorated(api, fixture.uri('article.txt'), vscode.ViewColumn.Two);
    assert.notEqual(first, second, 'two editors show the article');
    const uri = fixture.uri('article.txt').toString();
    const visible = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri);
    assert.equal(visible.length, 2, 'the article is visible twice');
    for (const editor of visible) {
      assert.equal(describeRanges(api.decorator.renderedRanges(editor)['status:verified']), describeRanges([rangeOf(editor.document, CLAIM_TEXT.treaty!), rangeOf(editor.document, CLAIM_TEXT.port!)]));
    }
  });

  it('gives a plain-text article with a sidecar the article grammar, and leaves other text files alone', async () => {
    const article = await vscode.workspace.openTextDocument(fixture.uri('article.txt'));
    const plain = await vscode.workspace.openTextDocument(fixture.uri('no-sidecar.txt'));
    await until(async () => (await vscode.workspace.openTextDocument(article.uri)).languageId === 'claimlens-article', 'the claimlens-article language');
    assert.equal(plain.languageId, 'plaintext');
  });

  it('leaves an article in the language the user picks instead, until it is closed', async () => {
    const api = await claimLens();
    const uri = fixture.uri('article.txt');
    const language = async () => (await vscode.workspace.openTextDocument(uri)).languageId;
    await until(async () => (await language()) === 'claimlens-article', 'the claimlens-article language');
    await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'plaintext');
    // A change of the store (it re-reads every sidecar) must not switch it back either.
    await api.store.refresh();
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.equal(await language(), 'plaintext', 'the user\'s choice stands');
    await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'claimlens-article');
    assert.equal(await language(), 'claimlens-article');
  });

  it('recreates the decoration types when a highlight setting changes, and renders again', async () => {
    const api = await claimLens();
    const editor = await showDecorated(api, fixture.uri('article.txt'));
    const config = () => vscode.workspace.getConfiguration('claimLens');
    try {
      await config().update('highlights.enabled', false, vscode.ConfigurationTarget.Global);
      await until(() => api.decorator.optionsFor('status:verified')?.backgroundColor === undefined, 'the highlight types without a background');
      assert.ok(api.decorator.optionsFor('status:verified')?.overviewRulerColor, 'overview ruler marks stay');
      assert.deepEqual(api.decorator.optionsFor('look:drifted'), {}, 'no border either');
      assert.ok(api.decorator.optionsFor('gutter:verified')?.gutterIconPath, 'gutter icons stay');
      await until(() => (api.decorator.renderedRanges(editor)['status:verified']?.length ?? 0) === 2, 'a render with the new types');

      await config().update('gutterIcons.enabled', false, vscode.ConfigurationTarget.Global);
      await config().update('overviewRuler.enabled', false, vscode.ConfigurationTarget.Global);
      await until(
        () => api.decorator.optionsFor('gutter:verified')?.gutterIconPath === undefined && api.decorator.optionsFor('status:verified')?.overviewRulerColor === undefined,
        'no gutter icons and no ruler marks',
      );
    } finally {
      for (const key of ['highlights.enabled', 'gutterIcons.enabled', 'overviewRuler.enabled']) {
        await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      }
    }
    await until(() => api.decorator.optionsFor('status:verified')?.backgroundColor !== undefined, 'the default look back');
  });

  it('finds articles with the extra extensions of claimLens.articleExtensions', async () => {
    const api = await claimLens();
    await fixture.write('page.html', ARTICLE);
    await fixture.write('page.claims.yaml', SIDECAR);
    const sidecar = fixture.uri('page.claims.yaml');
    await until(() => api.store.forSidecar(sidecar) !== undefined, 'the html sidecar to load');
    assert.equal(api.store.forSidecar(sidecar)?.articleUri, undefined, '.html is not an article by default');
    const config = () => vscode.workspace.getConfiguration('claimLens');
    try {
      await config().update('articleExtensions', ['html'], vscode.ConfigurationTarget.Global);
      await until(() => api.store.forSidecar(sidecar)?.articleUri?.path === fixture.uri('page.html').path, 'page.html as the article');
    } finally {
      await config().update('articleExtensions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
