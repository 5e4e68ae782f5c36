import * as assert from 'assert';
import { articleCandidates, resolveArticle, sidecarCandidates } from '../../src/core/article';

describe('articleCandidates', () => {
  it('is the article: field, relative to the sidecar, when there is one', () => {
    assert.deepStrictEqual(articleCandidates('reports/x.claims.yaml', '../texts/x.md'), ['texts/x.md']);
    assert.deepStrictEqual(articleCandidates('/w/reports/x.claims.yml', 'x.txt'), ['/w/reports/x.txt']);
  });

  it('else the same stem with every article extension, in order', () => {
    assert.deepStrictEqual(articleCandidates('reports/korea-troops.claims.yaml', undefined), [
      'reports/korea-troops.txt',
      'reports/korea-troops.text',
      'reports/korea-troops.md',
      'reports/korea-troops.markdown',
    ]);
  });

  it('takes extensions from the setting with or without the dot', () => {
    assert.deepStrictEqual(articleCandidates('a.claims.yaml', undefined, ['txt', '.RST', '.txt']), ['a.txt', 'a.rst']);
  });
});

describe('resolveArticle', () => {
  it('the article: field wins over a sibling', () => {
    const r = resolveArticle('r/x.claims.yaml', 'other.md', ['r/x.txt', 'r/other.md']);
    assert.deepStrictEqual(r, { ok: true, path: 'r/other.md' });
  });

  it('an article: field naming a missing file is an error, even with a sibling present', () => {
    const r = resolveArticle('r/x.claims.yaml', 'gone.txt', ['r/x.txt']);
    assert.strictEqual(r.ok, false);
    assert.match(!r.ok ? r.message : '', /article 'gone.txt'.*does not exist: r\/gone.txt/);
  });

  it('the one sibling with an article extension', () => {
    assert.deepStrictEqual(resolveArticle('r/x.claims.yml', undefined, ['r/x.md', 'r/y.txt']), { ok: true, path: 'r/x.md' });
    assert.deepStrictEqual(resolveArticle('./r/x.claims.yaml', undefined, ['./r/x.txt']), { ok: true, path: 'r/x.txt' });
  });

  it('several siblings: an error asking for article:', () => {
    const r = resolveArticle('r/x.claims.yaml', undefined, ['r/x.txt', 'r/x.md']);
    assert.deepStrictEqual(r, {
      ok: false,
      message: 'several articles match x.claims.yaml: x.txt, x.md; add `article: x.txt` to the sidecar to choose one',
    });
  });

  it('none: an error naming what was expected', () => {
    const r = resolveArticle('r/x.claims.yaml', undefined, []);
    assert.strictEqual(r.ok, false);
    assert.match(!r.ok ? r.message : '', /no article for x.claims.yaml: expected x with one of .txt, .text, .md, .markdown/);
  });

  it('a custom extension from the setting', () => {
    assert.deepStrictEqual(resolveArticle('x.claims.yaml', undefined, ['x.rst'], ['.txt', '.rst']), { ok: true, path: 'x.rst' });
  });
});

describe('sidecarCandidates', () => {
  it('x.claims.yaml then x.claims.yml beside the article', () => {
    assert.deepStrictEqual(sidecarCandidates('reports/korea-troops.txt'), [
      'reports/korea-troops.claims.yaml',
      'reports/korea-troops.claims.yml',
    ]);
    assert.deepStrictEqual(sidecarCandidates('notes.v2.md'), ['notes.v2.claims.yaml', 'notes.v2.claims.yml']);
    assert.deepStrictEqual(sidecarCandidates('README'), ['README.claims.yaml', 'README.claims.yml']);
  });

  it('round-trips with articleCandidates', () => {
    const [sidecar] = sidecarCandidates('a/b/story.markdown');
    assert.ok(articleCandidates(sidecar!, undefined).includes('a/b/story.markdown'));
  });
});
