/**
 * The built command line (`dist/cli.js`), run as a user runs it, against the
 * `test/fixtures/cli-*` fixtures. `npm test` builds before it tests; run alone, the
 * before-hook rebuilds with `node esbuild.js` when dist/cli.js is missing or older than
 * any file in src/.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = FIXTURES): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status, stdout, stderr };
}

function newestMtime(dir: string): number {
  return Math.max(
    ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    }),
  );
}

/** A scratch directory with copies of fixture files: { 'a/b.txt': 'cli-clean/bridge.txt' }. */
function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lens-cli-'));
  for (const [to, from] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, from), path.join(dir, to));
  }
  return dir;
}

/** A scratch directory holding the given texts: { 'a/b.txt': 'text' }. */
function scratchTexts(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lens-cli-'));
  for (const [to, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.writeFileSync(path.join(dir, to), text);
  }
  return dir;
}

/** An article and a sidecar whose notes, speaker and sources are hostile or broken. */
const HOSTILE = {
  'h.txt': 'The minister said the bridge opens in May.\n',
  'h.claims.yaml': [
    'version: 1',
    'sources:',
    '  agency: {name: Agency, url: "https://example.com/agency"}',
    'claims:',
    '  - id: bridge',
    '    quote: the bridge opens in May',
    '    status: verified',
    '    attribution: {speaker: "</script><script>alert(1)</script>", via: [agency, ghost]}',
    '    sources: [ghost, agency]',
    '    note: "\\e]0;pwned\\a\\e[31mRED\\e[0m \\u202Eevil\\u202C"',
    '',
  ].join('\n'),
};
const HOSTILE_NOTE = '\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m \u202eevil\u202c';
/** What a terminal would act on: C0/C1 controls but tab and line breaks, DEL, bidi overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const CLEAN_SUMMARY =
  'cli-clean/bridge.txt: 2 claims (1 unverified, 0 in-review, 1 verified, 0 disputed, 0 false, 0 unverifiable); 0 errors, 0 warnings';

describe('claim-lens CLI', function () {
  // Each test starts node a few times; the machine may be shared.
  this.timeout(60_000);

  before(function () {
    this.timeout(120_000);
    const stale = !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < newestMtime(path.join(ROOT, 'src'));
    if (stale) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
  });

  describe('cli: usage', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

    it('prints the package version with --version, at the top and in every command', () => {
      for (const args of [['--version'], ['-v'], ['check', '--version'], ['report', '--version'], ['suggest', '--version']]) {
        assert.deepEqual(cli(args), { status: 0, stdout: `${version}\n`, stderr: '' }, args.join(' '));
      }
    });

    it('prints help with --help, at the top and in every command', () => {
      assert.match(cli(['--help']).stdout, /^Usage: claim-lens <command>/);
      for (const command of ['check', 'report', 'suggest']) {
        const run = cli([command, '--help']);
        assert.equal(run.status, 0);
        assert.match(run.stdout, new RegExp(`^Usage: claim-lens ${command} `));
      }
    });

    it('--help and --version work anywhere, even on a line that is otherwise wrong', () => {
      for (const args of [['check', '--bogus', '--help'], ['report', '--format', '--help'], ['check', 'no/such/place', '-h']]) {
        const run = cli(args);
        assert.equal(run.status, 0, args.join(' '));
        assert.match(run.stdout, new RegExp(`^Usage: claim-lens ${args[0]} `), args.join(' '));
      }
      assert.match(cli(['frobnicate', '--help']).stdout, /^Usage: claim-lens <command>/);
      assert.deepEqual(cli(['report', '--output', '--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
      // After `--`, it is a PATH.
      assert.equal(cli(['check', '--', '--help']).stderr, 'claim-lens: no such file or directory: --help\n');
    });

    it('takes options written before the command', () => {
      const run = cli(['--json', 'check', 'cli-clean']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { articles: unknown[] }).articles.length, 1);
    });

    it('says in its own words which option is unknown or lacks its value', () => {
      assert.equal(
        cli(['check', '--bogus']).stderr,
        "claim-lens: unknown option '--bogus' for check; its options are --help, --version, --json, --strict (a PATH that starts with '-' goes after '--') (see claim-lens check --help)\n",
      );
      for (const args of [['report', '--format'], ['report', '--format', '--json'], ['report', '-f']]) {
        assert.equal(
          cli(args).stderr,
          'claim-lens: --format needs one of markdown, json, csv, claimreview right after it (see claim-lens report --help)\n',
          args.join(' '),
        );
      }
      assert.match(cli(['report', '--output']).stderr, /--output needs a file name \('-' for standard output\)/);
      assert.equal(cli(['--bogus']).stderr, "claim-lens: no command in '--bogus'. Commands: check, report, suggest (see claim-lens --help)\n");
    });

    it('exits 2 on bad usage, saying why on stderr', () => {
      for (const args of [[], ['frobnicate'], ['check', '--bogus'], ['report', 'cli-clean', '--format', 'pdf'], ['suggest']]) {
        const run = cli(args);
        assert.equal(run.status, 2, args.join(' '));
        assert.equal(run.stdout, '', args.join(' '));
        assert.notEqual(run.stderr, '', args.join(' '));
      }
    });

    it('exits 2 with one line on stderr for a PATH that does not exist', () => {
      const run = cli(['check', 'cli-clean', 'no/such/place']);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'claim-lens: no such file or directory: no/such/place\n');
    });
  });

  describe('cli: check', () => {
    it('prints one summary line per article and exits 0 when all claims anchor', () => {
      assert.deepEqual(cli(['check', 'cli-clean']), { status: 0, stdout: `${CLEAN_SUMMARY}\n`, stderr: '' });
    });

    it('accepts an article or a sidecar as PATH, and reports each sidecar once', () => {
      const run = cli(['check', 'cli-clean/bridge.txt', 'cli-clean/bridge.claims.yaml', 'cli-clean']);
      assert.deepEqual(run, { status: 0, stdout: `${CLEAN_SUMMARY}\n`, stderr: '' });
    });

    it('searches the working directory by default, with paths relative to it', () => {
      const run = cli(['check'], path.join(FIXTURES, 'cli-clean'));
      assert.equal(run.stdout, `${CLEAN_SUMMARY.replace('cli-clean/', '')}\n`);
    });

    it('notes on stderr an article without a sidecar and a directory without any, and exits 0', () => {
      const dir = scratch({ 'notes.txt': 'cli-broken/notes.txt' });
      fs.mkdirSync(path.join(dir, 'empty'));
      assert.deepEqual(cli(['check', 'notes.txt', 'empty'], dir), {
        status: 0,
        stdout: '',
        stderr:
          'claim-lens: no sidecar for notes.txt (looked for notes.claims.yaml, notes.claims.yml, and for a sidecar beside it whose `article:` names it)\n' +
          'claim-lens: no sidecar found under empty\n',
      });
    });

    it('prints nothing of the YAML library on standard error (a list as a key)', () => {
      const dir = scratchTexts({
        'a.txt': 'The minister said the talks were productive.\n',
        'a.claims.yaml': 'version: 1\nclaims:\n  - id: t\n    quote: the talks were productive\n    ? [x]\n    : y\n',
      });
      const run = cli(['check', '.'], dir);
      assert.equal(run.status, 0);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /warning unknown-field: unknown field '\[ x \]'/);
    });

    it('checks an article with every sidecar beside it that is its own, as checking its folder does', () => {
      const claim = (quote: string) => `claims:\n  - id: a\n    quote: ${quote}\n`;
      const dir = scratchTexts({
        'b/story.txt': 'The mayor said taxes rose.\n',
        // Another name, its article: field naming the story.
        'b/notes.claims.yaml': `version: 1\narticle: story.txt\n${claim('The United Nations sent observers')}`,
        // The stem's, in .yaml and in .yml.
        'b/story.claims.yaml': `version: 1\n${claim('taxes rose')}`,
        'b/story.claims.yml': `version: 1\n${claim('taxes fell sharply in the last year')}`,
        // Beside it, but its article: field names another file.
        'b/other.txt': 'Other text.\n',
        'b/story2.claims.yaml': `version: 1\narticle: other.txt\n${claim('Other text')}`,
      });
      const byFile = cli(['check', 'b/story.txt'], dir);
      const byFolder = cli(['check', 'b'], dir);
      assert.equal(byFile.status, 1);
      assert.deepEqual(
        byFile.stdout.split('\n').filter((l) => /error/.test(l) && !/^b\/story\.txt:/.test(l)).map((l) => l.split(':')[0]),
        ['b/notes.claims.yaml', 'b/story.claims.yml'],
      );
      // One summary line for the article, over its three sidecars (a claim each; two orphaned).
      const summary = (out: string) => out.split('\n').filter((l) => l.startsWith('b/story.txt: '));
      assert.deepEqual(summary(byFile.stdout), [
        'b/story.txt: 3 claims (3 unverified, 0 in-review, 0 verified, 0 disputed, 0 false, 0 unverifiable); 2 errors, 0 warnings',
      ]);
      assert.equal(byFolder.status, byFile.status);
      assert.deepEqual(summary(byFolder.stdout), summary(byFile.stdout));
      assert.ok(!byFile.stdout.includes('other.txt'), byFile.stdout);
    });

    it('says an article: field that names a folder names a folder, and the report says no claim was anchored', () => {
      const dir = scratchTexts({ 'x.claims.yaml': 'version: 1\narticle: sub\nclaims:\n  - id: a\n    quote: hello\n', 'sub/a.txt': 'hello\n' });
      assert.equal(
        cli(['check', '.'], dir).stdout.split('\n')[0],
        "x.claims.yaml:2:10: error article-missing: article 'sub' (the sidecar's `article:` field) is a folder, not a file: name the article's file",
      );
      const markdown = cli(['report', '.'], dir).stdout;
      assert.match(markdown, /^The article was not found \(see Problems\): no claim could be anchored\.$/m);
      assert.match(markdown, /^- Anchor: none \(the article was not found\)$/m);
      assert.ok(!markdown.includes('orphaned'), markdown);
    });

    it('prints an orphaned quote as a compiler-style error at the claim, and exits 1', () => {
      const run = cli(['check', 'cli-orphan']);
      assert.equal(run.status, 1);
      const lines = run.stdout.split('\n');
      assert.match(lines[0]!, /^cli-orphan\/mill\.claims\.yaml:7:\d+: error orphaned: \S/);
      assert.equal(
        lines[1],
        'cli-orphan/mill.txt: 2 claims (1 unverified, 0 in-review, 1 verified, 0 disputed, 0 false, 0 unverifiable); 1 error, 0 warnings',
      );
      assert.equal(lines.length, 3);
    });

    it('passes a drifted quote with a warning, and fails it with --strict', () => {
      const run = cli(['check', 'cli-drift']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^cli-drift\/harbour\.claims\.yaml:4:\d+: warning fuzzy: \S.*\n/);
      assert.ok(run.stdout.endsWith('; 0 errors, 1 warning\n'), run.stdout);
      assert.equal(cli(['check', '--strict', 'cli-drift']).status, 1);
      assert.equal(cli(['check', '--strict', 'cli-clean']).status, 0);
    });

    it('prints the documented JSON document with --json', () => {
      const run = cli(['check', '--json', 'cli-clean']);
      assert.equal(run.status, 0);
      assert.deepEqual(JSON.parse(run.stdout), {
        version: 1,
        articles: [
          {
            article: 'cli-clean/bridge.txt',
            sidecar: 'cli-clean/bridge.claims.yaml',
            counts: { unverified: 1, 'in-review': 0, verified: 1, disputed: 0, false: 0, unverifiable: 0 },
            claims: [
              {
                id: 'reopen-may',
                status: 'verified',
                anchor: { kind: 'normalized', ambiguous: false, start: 51, end: 82, line: 3, column: 19, text: 'the bridge “will reopen in May”' },
              },
              {
                id: 'budget-40',
                status: 'unverified',
                anchor: {
                  kind: 'exact',
                  ambiguous: false,
                  start: 109,
                  end: 143,
                  line: 4,
                  column: 26,
                  text: '40 percent of the budget was spent',
                },
              },
            ],
          },
        ],
        problems: [],
      });
    });

    it('shows orphans with null positions and every problem field in --json', () => {
      const doc = JSON.parse(cli(['check', '--json', 'cli-orphan']).stdout);
      const gone = doc.articles[0].claims.find((c: { id: string }) => c.id === 'mill-museum');
      assert.deepEqual(gone.anchor, { kind: 'orphaned', ambiguous: false, start: null, end: null, line: null, column: null, text: null });
      assert.equal(doc.problems.length, 1);
      assert.deepEqual(Object.keys(doc.problems[0]).sort(), ['claim', 'code', 'column', 'file', 'line', 'message', 'severity']);
      assert.equal(doc.problems[0].claim, 'mill-museum');
      assert.equal(doc.problems[0].file, 'cli-orphan/mill.claims.yaml');
    });

    it('leaves out the claims of a sidecar that does not parse and reports why', () => {
      const run = cli(['check', '--json', 'cli-broken']);
      assert.equal(run.status, 1);
      const doc = JSON.parse(run.stdout);
      assert.deepEqual(doc.articles[0].claims, []);
      assert.ok(doc.problems.some((p: { code: string; file: string }) => p.code === 'yaml-syntax' && p.file === 'cli-broken/notes.claims.yaml'));
    });

    it('skips node_modules and dot-folders when searching a directory', () => {
      const dir = scratch({
        'news/bridge.txt': 'cli-clean/bridge.txt',
        'news/bridge.claims.yaml': 'cli-clean/bridge.claims.yaml',
        'node_modules/pkg/notes.txt': 'cli-broken/notes.txt',
        'node_modules/pkg/notes.claims.yaml': 'cli-broken/notes.claims.yaml',
        '.git/notes.txt': 'cli-broken/notes.txt',
        '.git/notes.claims.yml': 'cli-broken/notes.claims.yaml',
      });
      const run = cli(['check', '.'], dir);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${CLEAN_SUMMARY.replace('cli-clean/', 'news/')}\n`);
    });

    it('finds .claims.yml sidecars and anchors in an article with a byte-order mark as without one', () => {
      const dir = scratch({ 'bridge.claims.yml': 'cli-clean/bridge.claims.yaml' });
      fs.writeFileSync(path.join(dir, 'bridge.txt'), `\uFEFF${fs.readFileSync(path.join(FIXTURES, 'cli-clean/bridge.txt'), 'utf8')}`);
      const doc = JSON.parse(cli(['check', '--json'], dir).stdout);
      assert.equal(doc.articles[0].sidecar, 'bridge.claims.yml');
      assert.equal(doc.articles[0].claims[0].anchor.start, 51);
    });
  });

  /** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows). */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const endField = (): void => {
      row.push(field);
      field = '';
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted && c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (quoted && c === '"') {
        quoted = false;
      } else if (quoted) {
        field += c;
      } else if (c === '"') {
        quoted = true;
      } else if (c === ',') {
        endField();
      } else if (c === '\r' && text[i + 1] === '\n') {
        endField();
        rows.push(row);
        row = [];
        i++;
      } else {
        field += c;
      }
    }
    assert.equal(field, '', 'the CSV ends with CRLF');
    return rows;
  }

  describe('cli: report', () => {
    it('writes CSV a spreadsheet reads back safely', () => {
      const run = cli(['report', 'cli-report', '--format', 'csv']);
      assert.equal(run.status, 0);
      const [header, ...rows] = parseCsv(run.stdout);
      const column = (name: string) => header!.indexOf(name);
      const byId = new Map(rows.map((r) => [r[column('claim')]!, r]));
      assert.equal(rows.length, 6);
      const prices = byId.get('prices-rose')!;
      assert.equal(prices[column('quote')], 'Prices rose "sharply", the trader said, by 12 percent');
      assert.equal(prices[column('note')], 'Two lines\nof note');
      assert.equal(prices[column('sources')], 'Market Gazette, "weekly" <https://example.com/gazette>');
      assert.equal(prices[column('line')], '1');
      assert.equal(prices[column('attribution')], 'a trader, via Market Gazette, "weekly"');
      const sheet = byId.get('spreadsheet')!;
      assert.equal(sheet[column('quote')], "'=SUM(A1) is what the spreadsheet showed");
      assert.equal(sheet[column('note')], "'@clerk: -check +recheck");
    });

    it('emits ClaimReview JSON-LD only for verified, false, disputed and unverifiable claims', () => {
      const reviews = JSON.parse(cli(['report', 'cli-report', '--format', 'claimreview']).stdout);
      assert.deepEqual(
        reviews.map((r: { claimReviewed: string; reviewRating: { alternateName: string } }) => [r.claimReviewed, r.reviewRating.alternateName]),
        [
          ['Prices rose "sharply", the trader said, by 12 percent', 'verified'],
          ['=SUM(A1) is what the spreadsheet showed', 'false'],
          ['the market would close for a week', 'disputed'],
          ['nobody was hurt', 'unverifiable'],
        ],
      );
      assert.equal(reviews[2].datePublished, '2026-03-03');
      assert.deepEqual(reviews[2].itemReviewed.author, { '@type': 'Person', name: 'The mayor', jobTitle: 'Mayor of Riverton' });
      assert.equal(reviews[0].itemReviewed.appearance[0].url, 'https://example.com/gazette');
    });

    it('writes Markdown by default, and to a file with --output', () => {
      const markdown = cli(['report', 'cli-report']);
      assert.equal(markdown.status, 0);
      assert.match(markdown.stdout, /^# Claim report\n/);
      assert.match(markdown.stdout, /^### prices-rose: Verified$/m);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lens-report-'));
      const out = path.join(dir, 'report.json');
      const run = cli(['report', 'cli-report', '--format', 'json', '--output', out]);
      assert.deepEqual(run, { status: 0, stdout: '', stderr: '' });
      const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
      assert.equal(doc.articles[0].claims[0].attribution.sentence, 'a trader, via Market Gazette, "weekly"');
      assert.equal(doc.articles[0].claims[0].anchor.line, 1);
    });

    it('exits 1 when the sidecars have errors, still printing the report, and says why on stderr', () => {
      const run = cli(['report', 'cli-orphan', '--format', 'csv']);
      assert.equal(run.status, 1);
      assert.equal(parseCsv(run.stdout).length, 3);
      // CSV has no place for problems: a CI log still shows the cause.
      assert.match(run.stderr, /^cli-orphan\/[\w.-]+\.claims\.yaml:\d+:\d+: error orphaned: /m);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lens-report-'));
      const toFile = cli(['report', 'cli-orphan', '--output', path.join(dir, 'r.md')]);
      assert.equal(toFile.status, 1);
      assert.equal(toFile.stdout, '');
      assert.match(toFile.stderr, /error orphaned: /);
      assert.match(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), /^### Problems$/m);
    });

    it('never writes the report over a sidecar or article it reads; - is standard output', () => {
      const dir = scratch({ 'm/market.txt': 'cli-report/market.txt', 'm/market.claims.yaml': 'cli-report/market.claims.yaml' });
      const sidecar = fs.readFileSync(path.join(dir, 'm/market.claims.yaml'), 'utf8');
      const article = fs.readFileSync(path.join(dir, 'm/market.txt'), 'utf8');
      for (const target of ['m/market.claims.yaml', './m/../m/market.txt', path.join(dir, 'm/market.txt')]) {
        const run = cli(['report', 'm', '--output', target], dir);
        assert.equal(run.status, 2, target);
        assert.match(run.stderr, /^claim-lens: --output .* is m\/market\.(claims\.yaml|txt), which the report reads; write the report to another file\n$/);
      }
      assert.equal(fs.readFileSync(path.join(dir, 'm/market.claims.yaml'), 'utf8'), sidecar);
      assert.equal(fs.readFileSync(path.join(dir, 'm/market.txt'), 'utf8'), article);
      const dash = cli(['report', 'm', '-o', '-'], dir);
      assert.equal(dash.status, 0);
      assert.match(dash.stdout, /^# Claim report\n/);
      assert.ok(!fs.existsSync(path.join(dir, '-')), 'no file named -');
    });

    it('nor over an article it weighed (x.txt and x.md both there) or a hard link to one', () => {
      const sidecar = 'version: 1\nclaims:\n  - id: a\n    quote: taxes rose\n';
      const dir = scratchTexts({ 'amb/x.txt': 'The mayor said taxes rose.\n', 'amb/x.md': '# Taxes\n', 'amb/x.claims.yaml': sidecar });
      fs.linkSync(path.join(dir, 'amb/x.txt'), path.join(dir, 'linked.txt'));
      for (const [target, clash] of [['amb/x.md', 'amb/x.md'], ['linked.txt', 'amb/x.txt']]) {
        const run = cli(['report', 'amb', '--format', 'csv', '--output', target], dir);
        assert.equal(run.status, 2, target);
        assert.equal(run.stderr, `claim-lens: --output ${target} is ${clash}, which the report reads; write the report to another file\n`);
      }
      assert.equal(fs.readFileSync(path.join(dir, 'amb/x.md'), 'utf8'), '# Taxes\n');
      assert.equal(fs.readFileSync(path.join(dir, 'linked.txt'), 'utf8'), 'The mayor said taxes rose.\n');
    });

    it('prints sidecar text as text: no control character or bidi override reaches the terminal', () => {
      const dir = scratchTexts(HOSTILE);
      for (const args of [['report'], ['report', '-f', 'csv'], ['report', '-f', 'json'], ['report', '-f', 'claimreview'], ['check'], ['check', '--json']]) {
        const run = cli([...args, '.'], dir);
        assert.doesNotMatch(run.stdout + run.stderr, RAW_CONTROL, args.join(' '));
      }
      // Text formats show them written out; JSON escapes them, and reads back the same.
      assert.match(cli(['report', '.'], dir).stdout, /^- Note: \\\\u001B\\\]0\\;pwned\\\\u0007/m);
      const [header, row] = parseCsv(cli(['report', '-f', 'csv', '.'], dir).stdout);
      assert.equal(row![header!.indexOf('note')], '\\u001B]0;pwned\\u0007\\u001B[31mRED\\u001B[0m \\u202Eevil\\u202C');
      const json = JSON.parse(cli(['report', '-f', 'json', '.'], dir).stdout);
      assert.equal(json.articles[0].claims[0].note, HOSTILE_NOTE);
    });

    it('writes ClaimReview that cannot close the <script> element it is pasted into', () => {
      const dir = scratchTexts(HOSTILE);
      const run = cli(['report', '-f', 'claimreview', '.'], dir);
      assert.doesNotMatch(run.stdout, /[<>&]/);
      const [review] = JSON.parse(run.stdout);
      assert.equal(review.itemReviewed.author.name, '</script><script>alert(1)</script>');
    });

    it('shows a source id that sources: does not define, marked, and leaves it out of ClaimReview', () => {
      const dir = scratchTexts(HOSTILE);
      const markdown = cli(['report', '.'], dir);
      // Markdown-escaped: `\(` renders as `(`.
      const shown = String.raw`ghost \(unresolved source id\)`;
      assert.ok(markdown.stdout.includes(`\n- Sources: ${shown}; [Agency](https://example.com/agency)\n`), markdown.stdout);
      assert.ok(markdown.stdout.includes(String.raw`via Agency\, from ` + shown), markdown.stdout);
      const [header, row] = parseCsv(cli(['report', '-f', 'csv', '.'], dir).stdout);
      assert.equal(row![header!.indexOf('sources')], 'ghost (unresolved source id); Agency <https://example.com/agency>');
      const [review] = JSON.parse(cli(['report', '-f', 'claimreview', '.'], dir).stdout);
      assert.deepEqual(review.citation, [{ '@type': 'CreativeWork', name: 'Agency', url: 'https://example.com/agency' }]);
      assert.deepEqual(review.itemReviewed.appearance.map((w: { name: string }) => w.name), ['Agency']);
    });
  });

  describe('cli: suggest', () => {
    it('prints line:column: sentence for claim-like sentences no claim covers', () => {
      assert.deepEqual(cli(['suggest', 'cli-suggest/council.txt']), {
        status: 0,
        stdout: '6:1: "We will vote next month," the chair told the room.\n7:1: Attendance was up 15% on last year.\n',
        stderr: '',
      });
    });

    it('suggests every such sentence of an article without a sidecar', () => {
      const dir = scratch({ 'council.txt': 'cli-suggest/council.txt' });
      assert.deepEqual(
        cli(['suggest', 'council.txt'], dir).stdout.split('\n').map((l) => l.split(':').slice(0, 2).join(':')),
        ['4:1', '6:1', '7:1', ''],
      );
    });

    it('leaves out what any sidecar of the article claims, and says when one could not be anchored', () => {
      const text = 'The mayor said taxes rose.\nThe chief said crime fell.\n';
      const claim = (quote: string) => `version: 1\narticle: story.txt\nclaims:\n  - id: a\n    quote: ${quote}\n`;
      const dir = scratchTexts({ 'b/story.txt': text, 'b/one.claims.yaml': claim('taxes rose'), 'b/two.claims.yaml': claim('crime fell') });
      assert.deepEqual(cli(['suggest', 'b/story.txt'], dir), { status: 0, stdout: '', stderr: '' });
      // x.txt and x.md: the sidecar's article is ambiguous, so its claims are anchored nowhere.
      const amb = scratchTexts({ 'x.txt': text, 'x.md': '# x\n', 'x.claims.yaml': 'version: 1\nclaims:\n  - id: a\n    quote: taxes rose\n' });
      const run = cli(['suggest', 'x.txt'], amb);
      assert.equal(run.stdout.split('\n').filter(Boolean).length, 2);
      assert.match(run.stderr, /^claim-lens: x\.claims\.yaml:1:1: error article-missing: several articles match/);
      assert.match(run.stderr, /the claims of x\.claims\.yaml are not anchored until its article is found, so already claimed sentences are suggested too\n$/);
    });

    it('says on stderr when the sidecar does not parse, so claimed sentences come back too', () => {
      const dir = scratch({ 'notes.txt': 'cli-suggest/council.txt', 'notes.claims.yaml': 'cli-broken/notes.claims.yaml' });
      const run = cli(['suggest', 'notes.txt'], dir);
      assert.equal(run.status, 0);
      assert.match(run.stderr, /^claim-lens: notes\.claims\.yaml:\d+:\d+: error yaml-syntax: /);
      assert.match(run.stderr, /the claims of notes\.claims\.yaml are unknown until it parses/);
      assert.equal(run.stdout.split('\n').length, 4);
    });

    it('gives offsets, positions and reasons with --json', () => {
      const doc = JSON.parse(cli(['suggest', '--json', 'cli-suggest/council.txt']).stdout);
      assert.equal(doc.article, 'cli-suggest/council.txt');
      assert.deepEqual(doc.suggestions[1], {
        line: 7,
        column: 1,
        start: 214,
        end: 249,
        text: 'Attendance was up 15% on last year.',
        reasons: ['figure'],
      });
      assert.deepEqual(doc.suggestions[0].reasons, ['attribution', 'quotation']);
    });
  });
});
