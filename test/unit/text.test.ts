import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { escapeMarkdown } from '../../src/core/markdown';
import { quoted } from '../../src/core/problems';
import { csvCell } from '../../src/core/report';
import { notificationText, safeJson, showControls } from '../../src/core/text';

/** What a terminal acts on instead of showing (the set `showControls` writes out). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Strings rich in the characters that matter here, and in every other code unit. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u001b', '\u0007', '\u0000', '\u007f', '\u009b', '\u202e', '\u2066', '\t', '\n', '\r', '<', '>', '&', '"', '\\'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 40,
});

describe('text: control characters from sidecars and articles', () => {
  it('showControls writes each out as \\uXXXX and leaves tab, line breaks and everything else alone', () => {
    assert.equal(showControls('a\u001b[31mb\u0007 \u202eevil\u202c\u2069'), 'a\\u001B[31mb\\u0007 \\u202Eevil\\u202C\\u2069');
    const ordinary = 'tab\tline\nCRLF\r\n é 数字 \u200f (a right-to-left mark, as in Hebrew text)';
    assert.equal(showControls(ordinary), ordinary);
    fc.assert(fc.property(hostile, (s) => !RAW_CONTROL.test(showControls(s))));
  });

  it('safeJson parses back to the same value, with no raw control character (and for HTML no < > &)', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 4 }), (strings) => {
        const doc = { strings, nested: { s: strings.join('') } };
        for (const html of [false, true]) {
          const json = safeJson(JSON.stringify(doc, null, 2), html);
          assert.deepEqual(JSON.parse(json), doc);
          assert.doesNotMatch(json, RAW_CONTROL);
          if (html) assert.doesNotMatch(json, /[<>&]/);
        }
      }),
    );
  });

  it('problem messages (the Problems panel, check) quote sidecar text with them written out', () => {
    assert.equal(quoted('a\u202eb\u001bc\nd'), "'a\\u202Eb\\u001bc\\nd'");
    fc.assert(fc.property(hostile, (s) => !RAW_CONTROL.test(quoted(s, 1000))));
  });

  it('Markdown and CSV show them as text too', () => {
    assert.equal(escapeMarkdown('a\u001b[2Jb \u202ex'), 'a\\\\u001B\\[2Jb \\\\u202Ex');
    assert.equal(csvCell('\u001b[31mred'), '\\u001B[31mred');
    fc.assert(fc.property(hostile, (s) => !RAW_CONTROL.test(escapeMarkdown(s)) && !RAW_CONTROL.test(csvCell(s))));
  });
});

describe('notificationText', () => {
  // The workbench's link parser for notification messages (vs/base/common/linkedText.ts).
  const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

  it('leaves no link a notification would make, and shows the same characters', () => {
    const hostile = "the key '[x](command:workbench.extensions.installExtension?%22a.b%22)' appears twice; see [docs](https://e.x/) or [f](file:///etc/passwd)";
    const shown = notificationText(hostile);
    assert.equal(shown.match(LINK), null);
    assert.equal(shown.replace(/\u200B/g, ''), hostile);
  });

  it('never leaves a link, and is idempotent, for any text', () => {
    const piece = fc.constantFrom('[', ']', '(', ')', ']]((', 'command:', 'https://', 'file:', 'x', ' ', '"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const shown = notificationText(parts.join(''));
        assert.equal(shown.match(LINK), null);
        assert.equal(notificationText(shown), shown);
      }),
    );
  });
});
