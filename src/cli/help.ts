/** Usage texts of `claim-lens` and its commands (cli.md). */

export const COMMANDS = ['check', 'report', 'suggest'] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value);
}

export const MAIN_HELP = `Usage: claim-lens <command> [options]

Checks the claims of articles against their YAML sidecars (x.txt + x.claims.yaml).

Commands:
  check [PATH...]          anchor every claim and print the problems found
  report [PATH...]         the verification report: markdown, json, csv or claimreview
  suggest ARTICLE          sentences that look like claims and have no claim yet

Options:
  -h, --help               show help (also: claim-lens <command> --help)
  -v, --version            show the version

Exit codes: 0 no errors, 1 problems found, 2 the command could not run.
`;

export const COMMAND_HELP: Readonly<Record<Command, string>> = {
  check: `Usage: claim-lens check [PATH...] [--json] [--strict]

Loads every sidecar (*.claims.yaml, *.claims.yml) under each PATH, anchors its claims
in the article and prints each problem as file:line:column: severity code: message,
then one summary line per article. A PATH may be a directory (searched recursively,
skipping node_modules and dot-folders), a sidecar or an article. Default: .

Options:
  --json                   print one JSON document instead
  --strict                 warnings fail too (exit 1)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors (with --strict: no warnings either), 1 problems found,
2 the command could not run (bad usage, a PATH that does not exist).
`,
  report: `Usage: claim-lens report [PATH...] [--format FORMAT] [--output FILE]

The verification report: every claim with its status, anchor line, attribution chain
and sources. PATHs as for check. Default: .

Options:
  -f, --format FORMAT      markdown (default), json, csv, or claimreview
                           (schema.org ClaimReview JSON-LD for claims that are
                           verified, false, disputed or unverifiable)
  -o, --output FILE        write the report to FILE instead of standard output
                           (- for standard output; never a sidecar or article
                           the report reads)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 the sidecars have errors (the report is still written;
csv, claimreview and --output list the problems on standard error), 2 the command
could not run.
`,
  suggest: `Usage: claim-lens suggest ARTICLE [--json]

Prints line:column: sentence for each sentence of ARTICLE that looks like a claim
(an attributed statement, a quotation, a figure) and that no claim in its sidecar
covers yet.

Options:
  --json                   print one JSON document instead
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 it ran, 2 the command could not run.
`,
};
