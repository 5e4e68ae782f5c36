import * as assert from 'assert';
import fc from 'fast-check';
import { closest, editDistance } from '../../src/core/didYouMean';
import { STATUSES } from '../../src/core/types';

describe('did you mean', () => {
  it('editDistance counts insertions, deletions, substitutions and swaps of neighbours', () => {
    assert.strictEqual(editDistance('verified', 'verified'), 0);
    assert.strictEqual(editDistance('verifed', 'verified'), 1);
    assert.strictEqual(editDistance('verifieds', 'verified'), 1);
    assert.strictEqual(editDistance('verifxed', 'verified'), 1);
    assert.strictEqual(editDistance('verfiied', 'verified'), 1);
    assert.strictEqual(editDistance('', 'abc'), 3);
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
  });

  it('editDistance is a symmetric measure bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        assert.strictEqual(d, editDistance(b, a));
        assert.ok(d <= Math.max(a.length, b.length) && d >= Math.abs(a.length - b.length));
        assert.strictEqual(d === 0, a === b);
      }),
    );
  });

  it('closest suggests only likely typos', () => {
    assert.strictEqual(closest('verifed', STATUSES), 'verified');
    assert.strictEqual(closest('Disputed', STATUSES), 'disputed');
    assert.strictEqual(closest('inreview', STATUSES), 'in-review');
    assert.strictEqual(closest('true', STATUSES), undefined);
    assert.strictEqual(closest('ok', STATUSES), undefined);
    assert.strictEqual(closest('staus', ['status', 'sources']), 'status');
  });
});
