import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/lineIndex';

describe('LineIndex', () => {
  it('1-based lines and columns, a CR counted on the line it ends', () => {
    const idx = new LineIndex('ab\r\ncd\n\ne');
    assert.deepStrictEqual(idx.positionAt(0), { line: 1, column: 1 });
    assert.deepStrictEqual(idx.positionAt(2), { line: 1, column: 3 });
    assert.deepStrictEqual(idx.positionAt(4), { line: 2, column: 1 });
    assert.deepStrictEqual(idx.positionAt(7), { line: 3, column: 1 });
    assert.deepStrictEqual(idx.positionAt(8), { line: 4, column: 1 });
    assert.strictEqual(idx.lineCount, 4);
  });

  it('a CR alone ends a line too, as in old Mac files', () => {
    const idx = new LineIndex('One line.\rTwo line claim.\rThree.\r\nFour\n');
    assert.deepStrictEqual(idx.positionAt(10), { line: 2, column: 1 });
    assert.deepStrictEqual(idx.positionAt(26), { line: 3, column: 1 });
    assert.deepStrictEqual(idx.positionAt(34), { line: 4, column: 1 });
    assert.strictEqual(idx.lineCount, 5);
  });

  it('clamps offsets and positions to the text', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepStrictEqual(idx.positionAt(-5), { line: 1, column: 1 });
    assert.deepStrictEqual(idx.positionAt(99), { line: 2, column: 3 });
    assert.strictEqual(idx.offsetAt(1, 99), 2);
    assert.strictEqual(idx.offsetAt(9, 1), 3);
    assert.strictEqual(idx.lineStart(2), 3);
  });

  it('offsetAt inverts positionAt', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).map((s) => s.replace(/x/g, '\n').replace(/y/g, '\r')), fc.nat(), (text, n) => {
        const idx = new LineIndex(text);
        const offset = n % (text.length + 1);
        const { line, column } = idx.positionAt(offset);
        assert.strictEqual(idx.offsetAt(line, column), offset);
      }),
    );
  });
});
