import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { ITEM_WIDTH, NODE_WIDTH, parseFastYaml, type FastTree } from '../../src/core/fastYaml';
import { parseSidecar } from '../../src/core/sidecar';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** A node's range as `rangeOf` reads it ([start, end of value]), its keys' and its items', in one comparable shape. */
interface Shape {
  range: number[];
  keys?: [string, number[]][];
  items?: Shape[];
}

function yamlShape(node: Node): Shape {
  const range = node.range!.slice(0, 2);
  if (isMap(node)) {
    return {
      range,
      keys: node.items.map((p) => [String((p.key as { value: unknown }).value), (p.key as Node).range!.slice(0, 2)]),
      items: node.items.map((p) => yamlShape(p.value as Node)),
    };
  }
  if (isSeq(node)) return { range, items: node.items.map((n) => yamlShape(n as Node)) };
  return { range };
}

function fastShape(tree: FastTree, node = tree.nodes.length / NODE_WIDTH - 1): Shape {
  const { text, nodes, items, quotedKeys } = tree;
  const [start, end, , first, count, isMap] = nodes.slice(node * NODE_WIDTH, node * NODE_WIDTH + NODE_WIDTH);
  const shape: Shape = { range: [start!, end!], items: [] };
  for (let i = first!; i < first! + count!; i++) {
    const [keyStart, keyEnd, ...rest] = items.slice(i * ITEM_WIDTH, i * ITEM_WIDTH + ITEM_WIDTH);
    const span = rest.slice(0, 3);
    const child = rest[3]!;
    if (child >= 0) assert.deepStrictEqual(Array.from(nodes.slice(child * NODE_WIDTH, child * NODE_WIDTH + 3)), span, 'a collection item spans what its node does');
    shape.items!.push(child >= 0 ? fastShape(tree, child) : { range: span.slice(0, 2) });
    if (isMap) (shape.keys ??= []).push([quotedKeys.get(i) ?? text.slice(keyStart, keyEnd), [keyStart!, keyEnd!]]);
    else assert.deepStrictEqual([keyStart, keyEnd], [-1, -1], 'a sequence item has no key');
  }
  return shape;
}

/** Fails unless the fast reader reads `text` exactly as `yaml` does; false when it leaves it to `yaml`. */
function sameAsYaml(text: string): boolean {
  const fast = parseFastYaml(text);
  if (!fast) return false;
  const doc = parseDocument(text, { uniqueKeys: false });
  assert.deepStrictEqual(doc.errors, [], text);
  assert.deepStrictEqual(fast.value, doc.toJS(), text);
  assert.deepStrictEqual(fastShape(fast.tree), yamlShape(doc.contents as Node), text);
  return true;
}

// ---------------------------------------------------------------------------------------
// Sidecar-like YAML in the subset, with every scalar style, comments and blank lines.

const word = fc.constantFrom('a', 'id', 'quote', 'verified', 'News Source 1', 'https://x.org/a?b=c#d', 'x-y_z.1', 'it is', 'a:b', 'a#b', '-a', 'é ü', '💬 ok', 'c"d', "o'k");
const special = fc.constantFrom('1', '-0', '+12', '0x1F', '0o17', '1.5', '.5', '1e3', '-1.5E-2', '.inf', '-.Inf', '.NaN', 'true', 'False', 'TRUE', 'yes', 'no', 'null', 'Null', '~', '2024-10-22', '12:30', '1_000', '0b1', '.');
const plain = fc.oneof(word, special);
const anyText = fc.string({ maxLength: 12, unit: fc.constantFrom('a', ' ', "'", '"', '\\', '\n', '\t', '#', ':', ',', 'é', '\u0001', '\u{1F600}', '[', '-') });

const singleQuoted = anyText.filter((s) => !['\n', '\t', '\u0001'].some((c) => s.includes(c))).map((s) => `'${s.replace(/'/g, "''")}'`);
const doubleQuoted = fc.oneof(
  anyText.map((s) => JSON.stringify(s)),
  fc.constantFrom('"\\x41\\u00e9\\U0001F600"', '"\\_\\N\\L\\P\\0\\a\\b\\e\\f\\v\\/\\ "', '"tab\\tnew\\nline"', '""'),
);
const scalar = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: singleQuoted }, { weight: 2, arbitrary: doubleQuoted });
const flowSeq = fc.array(scalar, { maxLength: 4 }).chain((items) =>
  fc.record({ sep: fc.constantFrom(', ', ',', ' , '), trailing: fc.boolean(), pad: fc.constantFrom('', ' ') }).map(
    ({ sep, trailing, pad }) => `[${pad}${items.join(sep)}${trailing && items.length ? ',' : ''}${pad}]`,
  ),
);
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('id', 'quote', 'status', 'note', 'sources', 'tags', 'claims', 'x-y', 'a b', 'über', 'url:x') }, { weight: 1, arbitrary: fc.constantFrom('"q k"', "'s k'", '"a:b"', '"1"') });

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; pairs: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(scalar, flowSeq).map((text): Tree => ({ kind: 'scalar', text })),
    fc.uniqueArray(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4, selector: ([k]) => k.replace(/^["']|["']$/g, '') }).map((pairs): Tree => ({ kind: 'map', pairs })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((items): Tree => ({ kind: 'seq', items })),
  ),
})).tree;

interface Style {
  step: number;
  /** Per line: a comment after the value, a comment line before it (at an indentation), blank lines. */
  decorations: { trailing: boolean; before: number; blank: number; nullValue: boolean }[];
}

function render(root: Tree, style: Style): string {
  const lines: string[] = [];
  let n = 0;
  const deco = () => style.decorations[n++ % style.decorations.length]!;
  const push = (indent: number, text: string, canComment: boolean) => {
    const d = deco();
    for (let i = 0; i < d.blank; i++) lines.push(i % 2 ? ' '.repeat(indent) : '');
    if (d.before >= 0) lines.push(`${' '.repeat(d.before)}# note ${n}`);
    lines.push(' '.repeat(indent) + text + (canComment && d.trailing ? '  # c' : ''));
  };
  // `prefix` is what comes first on the node's first line (`- ` of compact items).
  const node = (t: Tree, indent: number, prefix: string): void => {
    if (t.kind === 'map') {
      t.pairs.forEach(([k, v], i) => {
        const lead = i === 0 ? prefix : ' '.repeat(prefix.length);
        if (v.kind === 'scalar') push(indent, `${lead}${k}: ${v.text}`, true);
        else {
          push(indent, `${lead}${k}:`, true);
          const inner = indent + lead.length;
          node(v, v.kind === 'seq' && deco().nullValue ? inner : inner + style.step, '');
        }
      });
    } else if (t.kind === 'seq') {
      t.items.forEach((item, i) => {
        const lead = (i === 0 ? prefix : ' '.repeat(prefix.length)) + '- ';
        if (item.kind === 'scalar') push(indent, lead + item.text, true);
        else if (item.kind === 'map' || !deco().nullValue) node(item, indent, lead);
        else {
          push(indent, lead.trimEnd(), true);
          node(item, indent + lead.length + style.step - 2, '');
        }
      });
    } else push(indent, prefix + t.text, true);
  };
  node(root, 0, '');
  return lines.join('\n') + '\n';
}

const style = fc.record({
  step: fc.integer({ min: 1, max: 4 }),
  decorations: fc.array(
    fc.record({
      trailing: fc.boolean(),
      before: fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 }) }),
      blank: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }),
      nullValue: fc.boolean(),
    }),
    { minLength: 1, maxLength: 7 },
  ),
});

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const sidecarLike = fc
  .tuple(tree.filter((t) => t.kind !== 'scalar'), style, fc.boolean(), fc.boolean())
  .map(([t, s, windows, noFinalNewline]) => {
    const text = render(t, s);
    const ended = noFinalNewline ? text.replace(/\n$/, '') : text;
    return windows ? crlf(ended) : ended;
  });

describe('fastYaml: reads its subset exactly as yaml does', () => {
  it('the spec example and the fixtures, LF and CRLF', () => {
    for (const name of fs.readdirSync(fixtures).filter((f) => /\.claims\.ya?ml$/.test(f))) {
      const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
      const handled = sameAsYaml(text);
      sameAsYaml(crlf(text));
      if (name === 'sidecar-spec-example.claims.yaml') assert.ok(handled, 'the spec example is in the subset');
    }
  });

  it('values: every scalar style, core-schema resolution, escapes', () => {
    const text = [
      'plain: text with spaces  # comment',
      'numbers: [1, -0, +12, 0x1F, 0o17, 1.5, .5, 1e3, .inf, -.Inf, .NaN]',
      'words: [true, False, TRUE, yes, null, ~, 2024-10-22, 0b1]',
      "single: 'it''s # not a comment'",
      'double: "\\x41\\u00e9\\U0001F600 \\"q\\" \\\\ \\t\\n\\_"',
      'empty:',
      'url: https://example.com/a#b',
      '"quoted key": x',
    ].join('\n');
    assert.ok(sameAsYaml(text));
    const value = parseFastYaml(text)!.value as Record<string, unknown>;
    assert.deepStrictEqual(value.numbers, [1, -0, 12, 31, 15, 1.5, 0.5, 1000, Infinity, -Infinity, NaN]);
    assert.deepStrictEqual(value.words, [true, false, true, 'yes', null, null, '2024-10-22', '0b1']);
    assert.strictEqual(value.double, 'Aé😀 "q" \\ \t\n\u00a0');
  });

  it('ranges, including comments a collection keeps after its last value', () => {
    const texts = [
      'a: 1\nb:\n  - x: 1  # c\n    y: 2\n\n    # comment\n\n  - z\n  # tail\n\nc: [a, b ,  "c" ]  \n',
      'claims:\n  - id: a\n    quote: q\n        # indented more: the value keeps it\n  # at the list: the list keeps it\n# flush left: nobody keeps it\nversion: 1\n',
      'a:\n- 1\n- 2\nb: 3',
      '- - a\n  - b\n- c: 1\n  d:\n    - e\n',
    ];
    for (const text of texts) {
      assert.ok(sameAsYaml(text), text);
      assert.ok(sameAsYaml(crlf(text)), text);
    }
  });

  it('leaves everything else to yaml', () => {
    const outside = [
      '',
      '# only a comment\n',
      'hello',
      '---\na: 1\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: >-\n  text\n',
      'a: {b: 1}\n',
      'a: [[1]]\n',
      'a: [b: 1]\n',
      '? a\n: 1\n',
      'a: b\n  c\n',
      'a: "b\n  c"\n',
      'a:\n\tb: 1\n',
      'a: 1\na: 2\n',
      '\uFEFFa: 1\n',
      'a: b: c\n',
      'a:\n  b\n',
      'a: # a comment on an empty value\nb: 1\n',
      '1: a\n',
      'true: a\n',
      '__proto__: a\n',
      '<<: a\n',
      'a : 1\n',
      '  a: 1\n',
      'a: 1\r b: 2\n',
      'a: "x" y\n',
      'a: [x]y\n',
      'a: "\\q"\n',
      'a: @b\n',
      'a: `b`\n',
      'a: - b\n',
      'a: -\n',
      'a:\n  - b\n c: 1\n',
    ];
    for (const text of outside) assert.strictEqual(parseFastYaml(text), undefined, JSON.stringify(text));
  });

  it('property: generated sidecar-like YAML gives the same value and ranges as yaml', () => {
    let handled = 0;
    let runs = 0;
    fc.assert(
      fc.property(sidecarLike, (text) => {
        runs++;
        if (sameAsYaml(text)) handled++;
      }),
      { numRuns: 1500 },
    );
    // Most generated files are in the subset (the rest have comments on empty values, which are not).
    assert.ok(handled > runs * 0.6, `${handled} of ${runs} handled`);
  });
});

describe('fastYaml: parseSidecar gives the same with and without it', () => {
  const same = (text: string) => assert.deepStrictEqual(parseSidecar(text, 's'), parseSidecar(text, 's', { fastYaml: false }), JSON.stringify(text));

  it('the fixtures', () => {
    for (const name of fs.readdirSync(fixtures).filter((f) => /\.claims\.ya?ml$/.test(f))) {
      const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
      same(text);
      same(crlf(text));
    }
  });

  it('property: generated YAML, mutated sidecars and arbitrary strings', () => {
    const example = fs.readFileSync(path.join(fixtures, 'sidecar-spec-example.claims.yaml'), 'utf8');
    const every = fs.readFileSync(path.join(fixtures, 'sidecar-every-problem.claims.yaml'), 'utf8');
    const pieces = fc.constantFrom(' ', '\n', '\r\n', '- ', ': ', '#', '"', "'", '[', ']', ',', '&a ', '*a', '{', '\t', 'id: x\n', '  - id: y\n    quote: z\n', 'status: bogus', '~', '1', 'version: 2', '\\');
    const mutation = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.oneof(pieces, fc.string({ maxLength: 3 })));
    const mutate = (base: fc.Arbitrary<string>) =>
      fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, edits]) =>
        edits.reduce((t, [at, cut, insert]) => {
          const i = at % (t.length + 1);
          return t.slice(0, i) + insert + t.slice(i + cut);
        }, text),
      );
    fc.assert(
      fc.property(fc.oneof(sidecarLike, mutate(fc.constantFrom(example, every, crlf(example))), mutate(sidecarLike), fc.string({ maxLength: 80 })), same),
      { numRuns: 1500 },
    );
  });
});
