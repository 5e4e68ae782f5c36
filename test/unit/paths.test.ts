import * as assert from 'assert';
import { basename, dirname, extname, isSidecarPath, join, normalize, relative, sidecarStem } from '../../src/core/paths';

describe('paths', () => {
  it('dirname and basename', () => {
    assert.strictEqual(dirname('a/b/c.txt'), 'a/b');
    assert.strictEqual(dirname('c.txt'), '.');
    assert.strictEqual(dirname('/c.txt'), '/');
    assert.strictEqual(basename('a/b/c.txt'), 'c.txt');
    assert.strictEqual(basename('a/b/'), 'b');
  });

  it('extname is lower-cased and ignores dot-files', () => {
    assert.strictEqual(extname('a/B.MD'), '.md');
    assert.strictEqual(extname('.gitignore'), '');
    assert.strictEqual(extname('noext'), '');
  });

  it('join and normalize resolve . and .. and restart at an absolute segment', () => {
    assert.strictEqual(join('reports', '../texts/x.md'), 'texts/x.md');
    assert.strictEqual(join('.', 'x.txt'), 'x.txt');
    assert.strictEqual(join('/w/a', '/abs/x'), '/abs/x');
    assert.strictEqual(normalize('../a/./b//c/..'), '../a/b');
    assert.strictEqual(normalize('/../a'), '/a');
    assert.strictEqual(normalize('a/..'), '.');
  });

  it('relative', () => {
    assert.strictEqual(relative('/w', '/w/reports/x.txt'), 'reports/x.txt');
    assert.strictEqual(relative('/w/a', '/w/b/x'), '../b/x');
    assert.strictEqual(relative('/w', '/w'), '.');
  });

  it('sidecar names', () => {
    assert.ok(isSidecarPath('r/x.claims.yaml'));
    assert.ok(isSidecarPath('r/x.CLAIMS.YML'));
    assert.ok(!isSidecarPath('r/x.yaml'));
    assert.ok(!isSidecarPath('r/x.claims.yaml/inner.txt'));
    assert.strictEqual(sidecarStem('r/x.claims.yml'), 'r/x');
  });
});
