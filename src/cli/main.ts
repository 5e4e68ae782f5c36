/**
 * `claim-lens`: the core on the command line (cli.md). Parses arguments, reads and
 * writes files, prints; everything else is in src/core.
 */
import { parseArgs } from 'util';
import { version } from '../../package.json';
import {
  checkJson,
  checkText,
  exitCode,
  formatProblem,
  isReportFormat,
  REPORT_FORMATS,
  renderReport,
  suggestJson,
  suggestText,
  type CheckedSidecar,
} from '../core/report';
import { isSidecarPath } from '../core/paths';
import { suggestClaims } from '../core/suggest';
import { safeJson } from '../core/text';
import type { TextRange } from '../core/types';
import { COMMAND_HELP, isCommand, MAIN_HELP, type Command } from './help';
import { UsageError, Workspace } from './files';

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs one command line and returns the exit code (0, 1 or 2). */
export function run(argv: readonly string[], cwd: string, out: Output): number {
  if (argv.length === 0) {
    out.stderr(MAIN_HELP);
    return 2;
  }
  // The command is the first word, or, after options written before it, the first
  // word that names one (`claim-lens --json check`).
  const at = isCommand(argv[0]!) || !argv[0]!.startsWith('-') ? 0 : argv.findIndex((a) => isCommand(a));
  const first = at === -1 ? undefined : argv[at]!;
  const rest = at === -1 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)];
  // --help and --version work anywhere before a `--`, whatever else is wrong with the line.
  const end = rest.indexOf('--');
  const flags = end === -1 ? rest : rest.slice(0, end);
  const command = first !== undefined && isCommand(first) ? first : undefined;
  if (first === 'help' || flags.some((a) => a === '-h' || a === '--help')) {
    const named = first === 'help' ? rest.find((a) => isCommand(a)) : command;
    out.stdout(named !== undefined && isCommand(named) ? COMMAND_HELP[named] : MAIN_HELP);
    return 0;
  }
  if (flags.some((a) => a === '-v' || a === '--version')) {
    out.stdout(`${version}\n`);
    return 0;
  }
  if (command === undefined) {
    const what = first === undefined ? `no command in '${argv.join(' ')}'` : `unknown command '${first}'`;
    out.stderr(`claim-lens: ${what}. Commands: check, report, suggest (see claim-lens --help)\n`);
    return 2;
  }
  try {
    return runCommand(command, rest, new Workspace(cwd), out);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(message.split('\n').map((line) => `claim-lens: ${line}\n`).join(''));
    return 2;
  }
}

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const OPTIONS = {
  check: { ...COMMON_OPTIONS, json: { type: 'boolean' }, strict: { type: 'boolean' } },
  report: { ...COMMON_OPTIONS, format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } },
  suggest: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
} as const;

function parse<C extends Command>(command: C, args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${usageMessage(command, error)} (see claim-lens ${command} --help)`);
  }
}

/** What `parseArgs` objects to, said in our words: Node's own name its API and quote unevenly. */
function usageMessage(command: Command, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const unknown = /^Unknown option '([^']*)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const known = Object.keys(OPTIONS[command]).map((name) => `--${name}`);
    return `unknown option '${unknown[1]}' for ${command}; its options are ${known.join(', ')} (a PATH that starts with '-' goes after '--')`;
  }
  const valued = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && valued && /argument (missing|is ambiguous)/.test(message)) {
    const what = valued[1] === '--format' ? `one of ${REPORT_FORMATS.join(', ')}` : valued[1] === '--output' ? "a file name ('-' for standard output)" : 'a value';
    return `${valued[1]} needs ${what} right after it`;
  }
  return message.split('\n')[0]!;
}

function runCommand(command: Command, args: readonly string[], ws: Workspace, out: Output): number {
  switch (command) {
    case 'check': {
      const { values, positionals } = parse(command, args);
      return info(command, values, out) ?? check(ws, positionals, values, out);
    }
    case 'report': {
      const { values, positionals } = parse(command, args);
      return info(command, values, out) ?? report(ws, positionals, values, out);
    }
    case 'suggest': {
      const { values, positionals } = parse(command, args);
      return info(command, values, out) ?? suggest(ws, positionals, values, out);
    }
  }
}

/** Prints the help or version when asked for and returns 0; undefined otherwise. */
function info(command: Command, values: { help?: boolean; version?: boolean }, out: Output): number | undefined {
  if (values.help) out.stdout(COMMAND_HELP[command]);
  else if (values.version) out.stdout(`${version}\n`);
  else return undefined;
  return 0;
}

/** Analyses every sidecar the PATHs name (default `.`); notes on stderr what has none. */
function checkPaths(ws: Workspace, paths: readonly string[], out: Output): CheckedSidecar[] {
  const sidecars = ws.findSidecars(paths.length > 0 ? paths : ['.'], (note) => out.stderr(`claim-lens: ${note}\n`));
  return sidecars.map((sidecar) => ws.check(sidecar));
}

function check(ws: Workspace, paths: string[], options: { json?: boolean; strict?: boolean }, out: Output): number {
  const checked = checkPaths(ws, paths, out);
  out.stdout(options.json ? `${safeJson(JSON.stringify(checkJson(checked), null, 2))}\n` : checkText(checked));
  return exitCode(checked, options.strict);
}

function report(ws: Workspace, paths: string[], options: { format?: string; output?: string }, out: Output): number {
  const format = options.format ?? 'markdown';
  if (!isReportFormat(format)) {
    throw new UsageError(`unknown format '${format}'; use one of ${REPORT_FORMATS.join(', ')}`);
  }
  const checked = checkPaths(ws, paths, out);
  const toFile = options.output !== undefined && options.output !== '-';
  if (toFile) {
    const read = [...ws.inputs.values()].flat().map((p) => ws.display(p));
    const clash = read.find((p) => ws.sameFile(p, options.output!));
    if (clash !== undefined) {
      throw new UsageError(`--output ${options.output} is ${clash}, which the report reads; write the report to another file`);
    }
  }
  const text = renderReport(format, checked);
  if (toFile) ws.writeText(options.output!, text);
  else out.stdout(text);
  // CSV and ClaimReview have no place for problems, and a file is not where a CI log
  // looks: say on stderr why the exit code is what it is.
  if (toFile || format === 'csv' || format === 'claimreview') {
    out.stderr(checked.flatMap(({ analysis }) => analysis.problems.map((p) => `${formatProblem(p)}\n`)).join(''));
  }
  return exitCode(checked);
}

function suggest(ws: Workspace, paths: string[], options: { json?: boolean }, out: Output): number {
  if (paths.length !== 1) throw new UsageError('suggest takes exactly one ARTICLE');
  ws.requireExisting(paths);
  const given = ws.display(paths[0]!);
  if (!ws.isFile(given)) throw new UsageError(`not a file: ${given}`);
  const sidecars = isSidecarPath(given) ? [given] : ws.findSidecarsOf(given);
  const checked = sidecars.map((sidecar) => ws.check(sidecar));
  const article = isSidecarPath(given) ? checked[0]!.analysis.articlePath : given;
  if (article === undefined) throw new UsageError(`the article of ${given} cannot be found`);
  const articleText = checked.find((c) => c.analysis.articlePath === article)?.articleText ?? ws.readText(article);
  const covered: TextRange[] = [];
  for (const { analysis } of checked) {
    // A sidecar whose claims could not be anchored here covers nothing: say so, or
    // the sentences it claims come back as suggestions with no word why.
    const unread = analysis.problems.find((p) => p.code === 'yaml-syntax' || p.code === 'article-missing');
    if (unread !== undefined) {
      const why = unread.code === 'yaml-syntax' ? 'unknown until it parses' : 'not anchored until its article is found';
      out.stderr(`claim-lens: ${formatProblem(unread)}\nclaim-lens: the claims of ${unread.file} are ${why}, so already claimed sentences are suggested too\n`);
    }
    if (analysis.articlePath !== article) continue;
    for (const { anchor } of analysis.claims) if (anchor.kind !== 'orphaned') covered.push(anchor);
  }
  const suggestions = suggestClaims(articleText, covered);
  out.stdout(
    options.json
      ? `${safeJson(JSON.stringify(suggestJson(article, articleText, suggestions), null, 2))}\n`
      : suggestText(articleText, suggestions),
  );
  return 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), process.cwd(), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
