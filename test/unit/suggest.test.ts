import * as assert from 'node:assert/strict';
import { claimReasons, sentenceRanges, suggestClaims } from '../../src/core/suggest';

function sentences(text: string): string[] {
  return sentenceRanges(text).map(({ start, end }) => text.slice(start, end));
}

describe('suggest: sentences', () => {
  it('splits at . ! ? before white space, keeping closing quotes with the sentence', () => {
    assert.deepEqual(sentences('One here. “Two?” he asked! Three.'), ['One here.', '“Two?”', 'he asked!', 'Three.']);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    assert.deepEqual(sentences('Dr. Weiss and J. Smith met Gen. Park in the U.S. on Oct. 3. It cost 2.5 million.'), [
      'Dr. Weiss and J. Smith met Gen. Park in the U.S. on Oct. 3.',
      'It cost 2.5 million.',
    ]);
  });

  it('keeps a sentence wrapped over lines together, and ends one at a blank line or heading', () => {
    assert.deepEqual(sentences('# Title\nA sentence wrapped\nover two lines\n\nNo full stop\r\n\r\nLast one.'), [
      'Title',
      'A sentence wrapped\nover two lines',
      'No full stop',
      'Last one.',
    ]);
  });

  it('leaves Markdown list and quote markers out of the sentence', () => {
    assert.deepEqual(sentences('- first item\n\n> quoted words.'), ['first item', 'quoted words.']);
  });
});

describe('suggest: what looks like a claim', () => {
  it('finds attribution cues', () => {
    for (const s of [
      'The minister said it was over.',
      'According to the agency, it was over.',
      'Citing an official, Yonhap wrote it.',
      'It was reported on Monday.',
      'Police confirmed the arrest.',
      'She told reporters nothing.',
      'The company announced a merger.',
    ]) {
      assert.deepEqual(claimReasons(s), ['attribution'], s);
    }
  });

  it('finds quotation marks, straight and curly', () => {
    assert.deepEqual(claimReasons('It was "a mistake", in short.'), ['quotation']);
    assert.deepEqual(claimReasons('It was “a mistake”, in short.'), ['quotation']);
  });

  it('finds figures, but not years or dates alone', () => {
    for (const s of ['Prices rose 12%.', 'Up 40 percent.', 'About 11,500 troops.', 'It cost $3 more.', 'Thousands of people came.']) {
      assert.deepEqual(claimReasons(s), ['figure'], s);
    }
    for (const s of ['In 2019 it began.', 'It began on March 3.', 'It began on 3 March.', 'The F-16 flew.', 'A quiet day.']) {
      assert.deepEqual(claimReasons(s), [], s);
    }
  });

  it('gives every reason that applies, in a fixed order', () => {
    assert.deepEqual(claimReasons('“Up 40%,” she said.'), ['attribution', 'quotation', 'figure']);
  });

  it('does not take a word containing a cue for the cue', () => {
    assert.deepEqual(claimReasons('The United States saidness reporter.'), []);
  });
});

describe('suggestClaims', () => {
  const article = 'Quiet start. The mayor said the bridge will reopen. Nothing else. Costs rose 12%.\n';

  it('returns offsets, the article text and reasons of each candidate sentence', () => {
    const start = article.indexOf('The mayor');
    const end = article.indexOf('reopen.') + 7;
    assert.deepEqual(suggestClaims(article)[0], { start, end, text: article.slice(start, end), reasons: ['attribution'] });
    assert.deepEqual(
      suggestClaims(article).map((s) => s.text),
      ['The mayor said the bridge will reopen.', 'Costs rose 12%.'],
    );
  });

  it('skips sentences that overlap a claim already anchored', () => {
    const bridge = article.indexOf('bridge');
    assert.deepEqual(
      suggestClaims(article, [{ start: bridge, end: bridge + 6 }]).map((s) => s.text),
      ['Costs rose 12%.'],
    );
    const touching = article.indexOf('Nothing');
    assert.equal(suggestClaims(article, [{ start: touching, end: touching + 7 }]).length, 2);
  });

  it('finds nothing in an empty article', () => {
    assert.deepEqual(suggestClaims(''), []);
  });
});
