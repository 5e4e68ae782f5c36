import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { escapeMarkdown, markdownLink, safeUrl } from '../../src/core/markdown';
import { hrefsIn, tagsIn, visibleText } from './markdownRendering';

const HOSTILE = [
  '[click me](command:workbench.action.quit)',
  '[x](command:claimLens.setStatus?%5B%22a%22%5D "title")',
  '![tracking pixel](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">a</a>',
  '<!-- hidden --> after',
  '&#x3C;script&#x3E; and &lt;b&gt; and &amp;',
  '`code` and ``double `tick` code``',
  '```\nfenced\n```',
  '*em* _em_ **strong** __strong__ ~~strike~~',
  '# heading',
  'text\n# heading after a line break',
  'text\n\n    indented code',
  '- item\n* item\n+ item',
  '1. first',
  '> block quote',
  'setext\n===',
  'https://evil.example/autolink and www.evil.example',
  '<https://evil.example> and <command:workbench.action.quit>',
  'mail me: someone@evil.example',
  '[ref]\n\n[ref]: https://evil.example',
  'a | b\n--|--\nc | d',
  'trailing backslash \\',
  'hard break  \nnext',
  '$(zap) theme icon and $(x)',
  '\\[not a link\\](https://evil.example)',
  'line\r\nbreaks\rof\u2028every kind',
];

describe('escapeMarkdown', () => {
  for (const input of HOSTILE) {
    it(`renders ${JSON.stringify(input)} as plain text`, () => {
      const md = escapeMarkdown(input);
      assert.deepEqual(tagsIn(md), ['p'], `markup survived: ${md}`);
      assert.equal(visibleText(md), input.replace(/\s+/g, ' ').trim());
      assert.doesNotMatch(md, /[\r\n\u2028\u2029]/);
    });
  }

  it('leaves letters, digits and spaces alone', () => {
    assert.equal(escapeMarkdown('Lloyd Austin 2024 éà 数字'), 'Lloyd Austin 2024 éà 数字');
  });

  it('keeps hyphens inside words readable, and escapes the ones that could start a list or a rule', () => {
    assert.equal(escapeMarkdown('in-review'), 'in-review');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('\n  + item'), ' \\+ item');
    assert.equal(escapeMarkdown('==='), '\\===');
  });

  it('uses entities for HTML and backslashes for Markdown punctuation', () => {
    assert.equal(escapeMarkdown('<b>&'), '&lt;b&gt;&amp;');
    assert.equal(escapeMarkdown('[a](b)'), '\\[a\\]\\(b\\)');
    assert.equal(escapeMarkdown('`x`'), '\\`x\\`');
  });

  it('renders any text as exactly that text, with no markup (property)', () => {
    const pieces = fc.constantFrom('[', ']', '(', ')', '<', '>', '!', '`', '*', '_', '#', '&', ';', ':', '\\', '\n', ' ', '-', '+', '=', '---', '|', 'a', 'command', 'https://x.io', 'amp', '#x3C', '    ', '1.', '1)', 'www.x.io');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const input = parts.join('');
        const md = escapeMarkdown(input);
        const tags = tagsIn(md);
        assert.ok(tags.every((t) => t === 'p'), `markup in ${JSON.stringify(md)}: ${tags.join()}`);
        assert.equal(visibleText(md), input.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeUrl', () => {
  it('keeps http and https URLs', () => {
    assert.equal(safeUrl('https://en.yna.co.kr/'), 'https://en.yna.co.kr/');
    assert.equal(safeUrl('http://example.com/a?b=1&c=2#d'), 'http://example.com/a?b=1&c=2#d');
    assert.equal(safeUrl('  HTTPS://Example.COM/x  '), 'https://example.com/x');
  });

  for (const bad of [
    'command:workbench.action.quit',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vscode://ms-vscode.something',
    'ftp://example.com/',
    '/relative/path',
    'example.com',
    '',
    'https//missing-colon.example',
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(safeUrl(bad), undefined));
  }

  it('percent-encodes what could end a link destination or start markup', () => {
    const url = safeUrl('https://example.com/a b/(c)[d]<e>"f"\'g\'`h`*i*');
    assert.equal(url, 'https://example.com/a%20b/%28c%29%5Bd%5D%3Ce%3E%22f%22%27g%27%60h%60%2Ai%2A');
  });
});

describe('markdownLink', () => {
  it('links an http(s) source with an escaped label', () => {
    const md = markdownLink('Yonhap [wire]', 'https://en.yna.co.kr/x_(y)');
    assert.deepEqual(hrefsIn(md), ['https://en.yna.co.kr/x_%28y%29']);
    assert.equal(visibleText(md), 'Yonhap [wire]');
  });

  it('shows a non-http(s) URL as no link at all', () => {
    for (const url of ['command:workbench.action.quit', 'javascript:alert(1)', undefined]) {
      const md = markdownLink('Evil](command:x)', url);
      assert.deepEqual(hrefsIn(md), []);
      assert.equal(visibleText(md), 'Evil](command:x)');
    }
  });

  it('a label that is itself a URL does not become a second link', () => {
    const md = markdownLink('https://evil.example', 'https://good.example/');
    assert.deepEqual(hrefsIn(md), ['https://good.example/']);
  });
});
