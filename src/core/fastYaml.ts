/**
 * A fast reader for the YAML that sidecars are written in: block mappings and block
 * sequences (spaces for indentation), scalars on one line in every style (plain, '...',
 * "..." with all escapes), one-line flow sequences of scalars (`[a, "b"]`), comments and
 * blank lines, LF or CRLF. For such text it gives what `yaml` gives (the same plain
 * value under the YAML 1.2 core schema, the same node ranges) in a single pass, more
 * than ten times faster; for anything else it gives undefined and the caller reads the
 * text with `yaml`, so errors and rarer YAML behave exactly as there.
 */

/**
 * The collections of a document (block mappings and sequences, flow sequences) in flat
 * tables of int32s: one object and a few arrays per collection would take most of the
 * memory (and garbage-collection time) of loading a large sidecar, and typed arrays are
 * stored apart from the objects the collector moves.
 * - `nodes`: NODE_WIDTH numbers per collection: its range as `yaml`'s `Node.range`
 *   (start, end of the value, end of the comments it owns), the index of its first item
 *   in `items`, its number of items, and 1 for a mapping, 0 for a sequence.
 * - `items`: ITEM_WIDTH numbers per item (a sequence's items, a mapping's values): its
 *   key's start and end (-1 in a sequence), its range (three numbers), and the index of
 *   its node in `nodes` when it is a collection, else -1. A collection's items are
 *   consecutive.
 * - `quotedKeys`: the keys written in quotes, by item. A key in plain style is its text
 *   (from its start to its end in `text`), so no string is kept for it.
 * The root is the last node.
 */
export interface FastTree {
  text: string;
  nodes: Int32Array;
  items: Int32Array;
  quotedKeys: Map<number, string>;
}

export const NODE_WIDTH = 6;
export const ITEM_WIDTH = 6;

export interface FastYaml {
  value: unknown;
  tree: FastTree;
  /**
   * The keys under which a plain scalar read as a number or a boolean stands ('' for
   * a sequence's items): where none may be text, no value needs reading as written.
   */
  typedUnder: ReadonlySet<string>;
}

/** The text as plain data with its nodes, or undefined when it is not in the subset this reads. */
export function parseFastYaml(text: string): FastYaml | undefined {
  // Characters `yaml` treats specially, or that this reader leaves to it.
  if (text.length === 0 || UNSUPPORTED_CHARS.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  const reader = new Reader(text);
  try {
    return reader.document();
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

/** Mappings with more keys than this are looked up through a map of their keys (see `fastItemAt`). */
const MANY_KEYS = 32;

/**
 * The item at a path of keys and indexes, as `nodeAt` in yamlNodes.ts finds its node: its
 * index in `tree.items`, -1 for the root (the empty path), undefined when there is none.
 */
export function fastItemAt(
  { text, nodes, items, quotedKeys }: FastTree,
  path: readonly PropertyKey[],
  keyMaps?: Map<number, Map<string, number>>,
): number | undefined {
  let node = nodes.length / NODE_WIDTH - 1;
  let item = -1;
  for (const seg of path) {
    if (node < 0) return undefined;
    const n = node * NODE_WIDTH;
    const first = nodes[n + 3]!;
    const count = nodes[n + 4]!;
    item = -1;
    if (nodes[n + 5] === 1 && keyMaps && count > MANY_KEYS) {
      // A large mapping (`sources:` of a big file) looked up many times: its keys by a
      // map, built once, instead of a scan each time (quadratic in its size).
      let byKey = keyMaps.get(node);
      if (!byKey) {
        byKey = new Map();
        for (let i = first + count - 1; i >= first; i--) {
          const keyStart = items[i * ITEM_WIDTH]!;
          const c = text.charCodeAt(keyStart);
          byKey.set(c === DQUOTE || c === SQUOTE ? quotedKeys.get(i)! : text.slice(keyStart, items[i * ITEM_WIDTH + 1]!), i);
        }
        keyMaps.set(node, byKey);
      }
      item = byKey.get(String(seg)) ?? -1;
    } else if (nodes[n + 5] === 1) {
      const key = String(seg);
      for (let i = first; i < first + count; i++) {
        const keyStart = items[i * ITEM_WIDTH]!;
        const c = text.charCodeAt(keyStart);
        // Length and first character first: most keys differ there, and startsWith costs more.
        const same =
          c === DQUOTE || c === SQUOTE
            ? quotedKeys.get(i) === key
            : items[i * ITEM_WIDTH + 1]! - keyStart === key.length && c === key.charCodeAt(0) && text.startsWith(key, keyStart);
        if (same) {
          item = i;
          break;
        }
      }
    } else if (typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < count) {
      item = first + seg;
    }
    if (item < 0) return undefined;
    node = items[item * ITEM_WIDTH + 5]!;
  }
  return item;
}

// Tabs, a byte-order mark, control characters, Unicode line separators and a CR that
// does not end a line: all have their own rules in YAML.
// (Two tests: V8 scans for a character class alone some 1.6 times as fast as with `|\r(?!\n)`.)
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\uFEFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFFFE\uFFFF]/;
const LONE_CR = /\r(?!\n)/;

/** Thrown (never escapes this module) when the text leaves the subset. */
const UNSUPPORTED = Symbol('unsupported');
function unsupported(): never {
  throw UNSUPPORTED;
}

/**
 * The first occurrence of one character at or after an offset, remembering the last
 * answer: the reader asks about the same line, or the next one, many times.
 */
class NextOf {
  /** The last occurrence found, and the offset it was looked for from. */
  private found = -1;
  private from = 0;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The offset of the first occurrence at or after `p` (the text's length if none). */
  at(p: number): number {
    if (p < this.from || p > this.found) {
      const i = this.text.indexOf(this.char, p);
      this.from = p;
      this.found = i === -1 ? this.text.length : i;
    }
    return this.found;
  }
}

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const COMMA = 44;

/** Characters no plain scalar of this subset starts with (indicators, reserved, quotes). */
const PLAIN_START_EXCLUDED = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`') PLAIN_START_EXCLUDED[c.charCodeAt(0)] = 1;

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };
/** The one-character escapes of JSON (all also YAML's, with the same meaning), by character code. */
const JSON_ESCAPES = new Uint8Array(128);
for (const c of '"\\/bfnrt') JSON_ESCAPES[c.charCodeAt(0)] = 1;

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Deeper block nesting than a sidecar has is left to `yaml` (and its limits). */
const MAX_DEPTH = 64;
/** Slots of `Reader.words`: a power of two. */
const WORDS_SIZE = 512;
/** `yaml` refuses an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_KEY_LENGTH = 1000;

/** Comment and blank lines after a value, not (yet) owned by a node: see `Reader.skip`. */
interface Trailer {
  end: number;
  /** The largest indentation of a comment among them, -1 without comments. */
  maxCommentIndent: number;
}

/**
 * A single pass over the lines. Each parse method starts at an offset on the current
 * line (`lineStart`), leaves `lineStart`/`indent` on the next line with content (indent
 * -1 at the end), and its plain value in `value`.
 */
class Reader {
  private lineStart = 0;
  /** Indentation of the line at `lineStart`; -1 at the end of the text. */
  private indent = 0;
  private value: unknown = undefined;
  /** The range of the last item read: [start, end, tail]. */
  private start = 0;
  private end = 0;
  private tail = 0;
  /** The string of the last quoted scalar read. */
  private str = '';
  private trailer: Trailer | null = null;
  private depth = 0;
  private readonly typedUnder = new Set<string>();
  private readonly nodes = new Int32List();
  private readonly items = new Int32List();
  private readonly quotedKeys = new Map<number, string>();
  /**
   * The items of the collections being read, innermost last (ITEM_WIDTH numbers each,
   * keys and values apart), `top` items in all: a collection's items move to `items` when it ends,
   * so that they are consecutive there.
   */
  private readonly open = new Int32List();
  private readonly openKeys: string[] = emptyArray();
  private readonly openValues: unknown[] = emptyArray();
  private top = 0;
  private readonly backslashes: NextOf;
  private readonly lineFeeds: NextOf;
  /**
   * Plain scalars read so far and their values, by length and three of their characters.
   * A file repeats its keys and many short values (statuses, source ids, names, true):
   * one string for each is less for the garbage collector to copy, and keys that are the
   * same string make `obj[key] = value` fast.
   */
  private readonly words: (string | undefined)[] = new Array<string | undefined>(WORDS_SIZE).fill(undefined);
  private readonly wordValues: unknown[] = new Array<unknown>(WORDS_SIZE).fill(undefined);

  constructor(private readonly text: string) {
    this.backslashes = new NextOf(text, '\\');
    this.lineFeeds = new NextOf(text, '\n');
  }

  document(): FastYaml {
    this.skip(-1, -1);
    // A document at the top level in a block collection, flush left; nothing after it.
    if (this.indent !== 0) unsupported();
    this.blockNode(0, this.lineStart);
    if (this.lineStart < this.text.length) unsupported();
    const tree = { text: this.text, nodes: this.nodes.array(), items: this.items.array(), quotedKeys: this.quotedKeys };
    return { value: this.value, tree, typedUnder: this.typedUnder };
  }

  /** Adds an item (`start`/`end`/`tail` its range, `child` its node or -1) to the collection being read. */
  private item(key: string, keyStart: number, keyEnd: number, child: number): void {
    if (child < 0 && (typeof this.value === 'number' || typeof this.value === 'boolean')) this.typedUnder.add(key);
    let s = this.top * ITEM_WIDTH;
    const open = this.open.reserve(s + ITEM_WIDTH);
    open[s++] = keyStart;
    open[s++] = keyEnd;
    open[s++] = this.start;
    open[s++] = this.end;
    open[s++] = this.tail;
    open[s] = child;
    this.openValues[this.top] = this.value;
    this.openKeys[this.top++] = key;
  }

  /** The values of the sequence whose items start at `first` in `open`, in an array of their number (push would leave room for 16). */
  private sequenceValues(first: number): unknown[] {
    return this.openValues.slice(first, this.top);
  }

  /** Ends the collection whose items start at `first` in `open`: moves them to `tree`, returns the new node's index. */
  private node(start: number, end: number, first: number, isMap: boolean): number {
    const { nodes, items } = this;
    const index = items.length / ITEM_WIDTH;
    items.append(this.open.data, first * ITEM_WIDTH, this.top * ITEM_WIDTH);
    if (isMap) {
      for (let i = first; i < this.top; i++) {
        const c = this.text.charCodeAt(this.open.data[i * ITEM_WIDTH]!);
        if (c === DQUOTE || c === SQUOTE) this.quotedKeys.set(index + i - first, this.openKeys[i]!);
      }
    }
    const n = nodes.length;
    const data = nodes.reserve(n + NODE_WIDTH);
    data[n] = start;
    data[n + 1] = end;
    data[n + 2] = end;
    data[n + 3] = index;
    data[n + 4] = this.top - first;
    data[n + 5] = isMap ? 1 : 0;
    nodes.length = n + NODE_WIDTH;
    this.top = first;
    return n / NODE_WIDTH;
  }

  /** End of the content of the line containing `p` (before its CR LF or LF). */
  private contentEnd(p: number): number {
    const lf = this.lineFeed(p);
    if (lf === this.text.length) return lf;
    return this.text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
  }

  /** Start of the line after the one containing `p`, or the text's length. */
  private nextLine(p: number): number {
    const lf = this.lineFeed(p);
    return lf === this.text.length ? lf : lf + 1;
  }

  /** The offset of the first backslash at or after `p` (the text's length if none). */
  private backslash(p: number): number {
    return this.backslashes.at(p);
  }

  /** The offset of the first LF at or after `p` (the text's length if none): each line is asked for several times. */
  private lineFeed(p: number): number {
    return this.lineFeeds.at(p);
  }

  private isSeqIndicator(p: number, end: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SPACE);
  }

  /**
   * Skips blank and comment lines from `lineStart` to the next line with content.
   * After a scalar or flow value (`tail` its end, else -1), it also works out which of those
   * lines `yaml` counts as the value's (a comment indented more than the collection
   * `inner`, before any other comment) and which are left over (`trailer`): see
   * `Parser.blockMap`/`blockSequence` and `Parser.pop` in `yaml`'s parser.ts.
   * Returns whether it skipped a comment; leaves the value's end in `tail`.
   */
  private skip(inner: number, tail: number): boolean {
    const t = this.text;
    const n = t.length;
    let p = this.lineStart;
    let comment = false;
    let trailerEnd = -1;
    let trailerComment = false;
    let maxCommentIndent = -1;
    while (p < n) {
      let i = p;
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      const next = this.nextLine(i);
      if (i === n || c === LF || c === CR) {
        trailerEnd = next;
      } else if (c === HASH) {
        comment = true;
        const indent = i - p;
        if (!trailerComment && indent > inner && tail !== -1) {
          tail = next;
          trailerEnd = -1;
        } else {
          trailerComment = true;
          trailerEnd = next;
          if (indent > maxCommentIndent) maxCommentIndent = indent;
        }
      } else {
        this.lineStart = p;
        this.indent = i - p;
        // Document markers and directives start a new document: left to `yaml`.
        if (i === p && (t.startsWith('---', p) || t.startsWith('...', p) || c === 37)) unsupported();
        // The next line's indentation is the last of the trailing lines `yaml` keeps.
        this.trailer = tail !== -1 && trailerEnd !== -1 ? { end: i, maxCommentIndent } : null;
        this.tail = tail;
        return comment;
      }
      p = next;
    }
    this.lineStart = n;
    this.indent = -1;
    this.trailer = tail !== -1 && trailerEnd !== -1 ? { end: trailerEnd, maxCommentIndent } : null;
    this.tail = tail;
    return comment;
  }

  /**
   * When a collection ends, comment lines left over after its last value stay with it
   * (and extend its range) if one of them is indented at least as far as it; otherwise
   * they move on to its parent (`Parser.pop` in `yaml`).
   */
  private close(node: number, indent: number): number {
    const n = node * NODE_WIDTH;
    const nodes = this.nodes.data;
    const trailer = this.trailer;
    if (trailer && indent !== 0 && trailer.maxCommentIndent >= indent) {
      nodes[n + 2] = trailer.end;
      this.trailer = null;
    }
    this.start = nodes[n]!;
    this.end = nodes[n + 1]!;
    this.tail = nodes[n + 2]!;
    return node;
  }

  /**
   * Each item reader (`blockNode`, `nestedBlock`, `compactNode`, `inlineValue`) leaves
   * the item's range in `start`/`end`/`tail` and its value in `value`, and returns its
   * node when it is a collection, else -1.
   */
  private blockNode(indent: number, p: number): number {
    if (++this.depth > MAX_DEPTH) unsupported();
    const end = this.contentEnd(p);
    const node = this.isSeqIndicator(p, end) ? this.blockSequence(indent, p) : this.blockMap(indent, p);
    this.depth--;
    return node;
  }

  private blockMap(indent: number, p: number): number {
    const t = this.text;
    const first = this.top;
    const obj: Record<string, unknown> = {};
    const start = p;
    for (;;) {
      const end = this.contentEnd(p);
      const colon = this.key(p, end);
      const name = this.str;
      if (Object.hasOwn(obj, name) || name === '__proto__' || name === '<<') unsupported();
      let q = colon + 1;
      while (t.charCodeAt(q) === SPACE) q++;
      let child = -1;
      if (q === end || t.charCodeAt(q) === HASH) {
        const onKeyLine = q < end;
        this.lineStart = this.nextLine(q);
        const skipped = this.skip(indent, -1);
        if (this.indent > indent || (this.indent === indent && this.isSeqIndicator(this.lineStart + indent, this.contentEnd(this.lineStart)))) {
          child = this.nestedBlock(this.indent);
        } else {
          // An empty value is null; `yaml` gives one with comments a range we do not model.
          if (onKeyLine || skipped) unsupported();
          this.empty(q);
        }
      } else {
        child = this.inlineValue(q, end, indent);
      }
      this.item(name, p, colon, child);
      obj[name] = this.value;
      if (this.indent < indent) break;
      if (this.indent > indent || this.isSeqIndicator(this.lineStart + indent, this.contentEnd(this.lineStart))) unsupported();
      this.trailer = null;
      p = this.lineStart + indent;
    }
    const last = this.tail;
    this.value = obj;
    return this.close(this.node(start, last, first, true), indent);
  }

  private blockSequence(indent: number, p: number): number {
    const t = this.text;
    const first = this.top;
    const start = p;
    for (;;) {
      const end = this.contentEnd(p);
      let q = p + 1;
      while (t.charCodeAt(q) === SPACE) q++;
      let child = -1;
      if (q === end || t.charCodeAt(q) === HASH) {
        const onItemLine = q < end;
        this.lineStart = this.nextLine(q);
        const skipped = this.skip(indent, -1);
        if (this.indent > indent) {
          child = this.nestedBlock(this.indent);
        } else {
          if (onItemLine || skipped) unsupported();
          this.empty(q);
        }
      } else {
        child = this.compactNode(q, end, indent);
      }
      this.item('', -1, -1, child);
      if (this.indent < indent) break;
      if (this.indent > indent) unsupported();
      // A key at the sequence's own column ends it (`key:\n- a\nnext: b`); the parent checks.
      if (!this.isSeqIndicator(this.lineStart + indent, this.contentEnd(this.lineStart))) break;
      this.trailer = null;
      p = this.lineStart + indent;
    }
    const last = this.tail;
    this.value = this.sequenceValues(first);
    return this.close(this.node(start, last, first, false), indent);
  }

  /** An empty value (null) at `p`. */
  private empty(p: number): void {
    this.start = this.end = this.tail = p;
    this.value = null;
    this.trailer = null;
  }

  /** A collection on the lines after `key:` or `-`: it must start with a key or a `-`. */
  private nestedBlock(indent: number): number {
    const p = this.lineStart + indent;
    const end = this.contentEnd(p);
    if (!this.isSeqIndicator(p, end) && !this.isKey(p, end)) unsupported();
    return this.blockNode(indent, p);
  }

  /** What follows `- ` on its line: a mapping or sequence that starts there, or a scalar. */
  private compactNode(q: number, end: number, seqIndent: number): number {
    const column = q - this.lineStart;
    if (this.isSeqIndicator(q, end) || this.isKey(q, end)) return this.blockNode(column, q);
    return this.inlineValue(q, end, seqIndent);
  }

  /** Whether a mapping key (`key:` or `"key":`) starts at `p`. */
  private isKey(p: number, end: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(p, end);
      return this.text.charCodeAt(q) === COLON && (q + 1 === end || this.text.charCodeAt(q + 1) === SPACE);
    }
    return this.plainEnd(p, end, false) < 0;
  }

  /** Reads a key at `p` into `str`; returns the offset of its `:`. */
  private key(p: number, end: number): number {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const q = this.quoted(p, end);
      if (t.charCodeAt(q) !== COLON || !(q + 1 === end || t.charCodeAt(q + 1) === SPACE)) unsupported();
      return q;
    }
    this.checkPlainStart(p, end);
    const stop = this.plainEnd(p, end, false);
    const colon = -stop - 1;
    // Not a key, a key with a space before `:`, or one `yaml` finds too long.
    if (stop >= 0 || t.charCodeAt(colon - 1) === SPACE || colon - p > MAX_KEY_LENGTH) unsupported();
    const name = this.plainScalar(p, colon);
    // Keys that are not strings in YAML (null, true, 1) become strings in a different way.
    if (typeof name !== 'string') unsupported();
    this.str = name;
    return colon;
  }

  /** A scalar or flow sequence at `q` that ends its line (but for a comment). */
  private inlineValue(q: number, end: number, inner: number): number {
    const t = this.text;
    const c = t.charCodeAt(q);
    let valueEnd: number;
    let node = -1;
    if (c === LBRACKET) {
      node = this.flowSequence(q, end);
      valueEnd = this.nodes.data[node * NODE_WIDTH + 1]!;
      this.lineEnd(valueEnd, end);
    } else if (c === DQUOTE || c === SQUOTE) {
      valueEnd = this.quoted(q, end);
      this.value = this.str;
      this.lineEnd(valueEnd, end);
    } else {
      this.checkPlainStart(q, end);
      valueEnd = this.plainEnd(q, end, false);
      if (valueEnd < 0) unsupported(); // `a: b: c`, a mapping in a compact mapping
      this.value = this.plainScalar(q, valueEnd);
    }
    this.lineStart = this.nextLine(end);
    this.skip(inner, this.lineStart);
    this.start = q;
    this.end = valueEnd;
    if (node >= 0) this.nodes.data[node * NODE_WIDTH + 2] = this.tail;
    return node;
  }

  /** The value of the plain scalar from `p` to `end` (see `words`). */
  private plainScalar(p: number, end: number): unknown {
    const t = this.text;
    const length = end - p;
    const slot = (length * 31 + t.charCodeAt(p) * 7 + t.charCodeAt(end - 2) * 131 + t.charCodeAt(end - 1)) & (WORDS_SIZE - 1);
    const word = this.words[slot];
    if (word !== undefined && word.length === length && t.startsWith(word, p)) return this.wordValues[slot];
    const text = t.slice(p, end);
    const value = plainValue(text);
    this.words[slot] = text;
    this.wordValues[slot] = value;
    return value;
  }

  /** Only spaces and a comment may follow a quoted scalar or a flow sequence on its line. */
  private lineEnd(p: number, end: number): void {
    const t = this.text;
    let i = p;
    while (t.charCodeAt(i) === SPACE) i++;
    if (i < end && !(i > p && t.charCodeAt(i) === HASH)) unsupported();
  }

  private checkPlainStart(p: number, end: number): void {
    const c = this.text.charCodeAt(p);
    if (PLAIN_START_EXCLUDED[c] === 1) {
      // `-1`, `-x` are plain; `- `, `?`, `:` and the other indicators are not for us.
      if (c !== DASH || p + 1 === end || this.text.charCodeAt(p + 1) === SPACE) unsupported();
    }
  }

  /**
   * End of a plain scalar starting at `p` (trailing spaces trimmed), where a comment or
   * the line ends; or, where a `: ` (or a final `:`) makes it a key, -1 - that colon's
   * offset. In a flow sequence (`flow`), a `,` or `]` ends it too.
   */
  private plainEnd(p: number, end: number, flow: boolean): number {
    const t = this.text;
    let i = p;
    for (; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === COLON) {
        const next = t.charCodeAt(i + 1);
        if (i + 1 === end || next === SPACE) return -i - 1;
        if (flow) unsupported(); // `[a:b]`: left to yaml
      } else if (c === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) break;
      } else if (flow && (c === COMMA || c === RBRACKET)) {
        break;
      } else if (flow && (c === LBRACKET || c === 123 || c === 125 || c === HASH)) {
        unsupported();
      }
    }
    while (i > p && t.charCodeAt(i - 1) === SPACE) i--;
    return i;
  }

  /** A quoted scalar at `p`, on one line: its value in `str`; returns the offset after it. */
  private quoted(p: number, end: number): number {
    const t = this.text;
    const quote = t.charCodeAt(p);
    if (quote === DQUOTE) {
      const after = this.jsonQuoted(p, end);
      if (after >= 0) return after;
    } else {
      const close = t.indexOf("'", p + 1);
      if (close !== -1 && close < end && t.charCodeAt(close + 1) !== SQUOTE) {
        this.str = t.slice(p + 1, close);
        return close + 1;
      }
    }
    let out = '';
    let from = p + 1;
    for (let i = p + 1; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === quote) {
        if (quote === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) {
          out += t.slice(from, i + 1);
          from = ++i + 1;
          continue;
        }
        this.str = out + t.slice(from, i);
        return i + 1;
      }
      if (c === BACKSLASH && quote === DQUOTE) {
        out += t.slice(from, i);
        const e = t[++i];
        if (i >= end || e === undefined) unsupported();
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
        } else {
          const length = HEX_LENGTHS[e];
          if (!length || i + length >= end) unsupported();
          const hex = t.slice(i + 1, i + 1 + length);
          if (!/^[0-9a-fA-F]+$/.test(hex)) unsupported();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) unsupported();
          out += String.fromCodePoint(code);
          i += length;
        }
        from = i + 1;
      }
    }
    return unsupported(); // not closed on this line
  }

  /**
   * The usual double-quoted scalar, with no escapes or only JSON's (which mean the same in
   * YAML): its quotes and escapes found with indexOf, not a loop per character, and its
   * escapes read by JSON.parse into one flat string (not a string per piece). Reads it
   * into `str` and returns the offset after it; -1 leaves it to the loop in `quoted`.
   */
  private jsonQuoted(p: number, end: number): number {
    const t = this.text;
    let from = p + 1;
    let escaped = false;
    for (;;) {
      const close = t.indexOf('"', from);
      if (close === -1 || close >= end) return -1;
      const bs = this.backslash(from);
      if (bs > close) {
        this.str = escaped ? (JSON.parse(t.slice(p, close + 1)) as string) : t.slice(p + 1, close);
        return close + 1;
      }
      const e = t.charCodeAt(bs + 1);
      if (e === 117) {
        // \uXXXX: exactly four hex digits in both.
        for (let i = bs + 2; i < bs + 6; i++) if (!isHexDigit(t.charCodeAt(i))) return -1;
        from = bs + 6;
      } else if (JSON_ESCAPES[e] === 1) {
        from = bs + 2;
      } else {
        return -1;
      }
      escaped = true;
    }
  }

  /** `[a, "b", c]` on one line: scalars only. */
  private flowSequence(p: number, end: number): number {
    const t = this.text;
    const first = this.top;
    let i = p + 1;
    for (;;) {
      while (t.charCodeAt(i) === SPACE) i++;
      if (i >= end) unsupported();
      let c = t.charCodeAt(i);
      if (c === RBRACKET) break;
      let itemEnd: number;
      if (c === DQUOTE || c === SQUOTE) {
        itemEnd = this.quoted(i, end);
        this.value = this.str;
      } else {
        this.checkPlainStart(i, end);
        const next = t.charCodeAt(i + 1);
        if (c === DASH && (next === COMMA || next === RBRACKET)) unsupported();
        itemEnd = this.plainEnd(i, end, true);
        if (itemEnd <= i) unsupported();
        this.value = this.plainScalar(i, itemEnd);
      }
      this.start = i;
      this.end = this.tail = itemEnd;
      this.item('', -1, -1, -1);
      i = itemEnd;
      while (t.charCodeAt(i) === SPACE) i++;
      c = t.charCodeAt(i);
      if (c === COMMA) i++;
      else if (c !== RBRACKET) unsupported();
    }
    this.value = this.sequenceValues(first);
    return this.node(p, i + 1, first, false);
  }
}

/**
 * An empty array for values of any kind. `[]` starts as an array of small integers and
 * changes kind with its first string or object: code optimized by the first reader for
 * the later kind would deoptimize on every new reader's arrays.
 */
function emptyArray<T>(): T[] {
  const array: unknown[] = [undefined];
  array.length = 0;
  return array as T[];
}

/** A list of int32s that grows as needed (`data` may be longer than `length`; `reserve` keeps all of it). */
class Int32List {
  data = new Int32Array(1024);
  length = 0;

  /** `data`, with room for `size` numbers. */
  reserve(size: number): Int32Array {
    if (size > this.data.length) {
      const data = new Int32Array(Math.max(size, this.data.length * 2));
      data.set(this.data);
      this.data = data;
    }
    return this.data;
  }

  append(from: Int32Array, start: number, end: number): void {
    const data = this.reserve(this.length + end - start);
    // A loop: most runs are a few numbers, fewer than it takes to make a `subarray` pay.
    let n = this.length;
    for (let i = start; i < end; i++) data[n++] = from[i]!;
    this.length = n;
  }

  /** The numbers, in a copy of their own size. */
  array(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** A plain scalar's value under the YAML 1.2 core schema, as `yaml` resolves it. */
function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most plain scalars are words: a letter that starts no null, boolean or number.
  if (((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && !'nNtTfF'.includes(s[0]!)) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
