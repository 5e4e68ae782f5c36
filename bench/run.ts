/**
 * `npm run bench`: every scenario of issue 5 in one process, a markdown table per
 * scenario (pasted into BENCHMARKS.md), then the targets, PASS or FAIL, each a
 * ratio or bound measured in this run. Exits 1 when a target is missed.
 *
 * Options: --full (the Hypothesis approach on every claim, minutes), --runs N
 * (timed runs per measurement, default 5), --only name[,name] (anchoring,
 * small-page, keystroke, load, bundle), --seed N.
 */
import { cpus, loadavg, totalmem } from 'os';
import { pressDocuments } from './brown';
import { buildArticle, DEFAULT_CLAIM_OPTIONS, makeClaims } from './corpus';
import { Random } from './random';
import { renderSection, renderTargets, ms } from './report';
import type { ScenarioResult, Target } from './report';
import { timed } from './stats';
import { anchoringScenario } from './scenarios/anchoring';
import { bundleScenario } from './scenarios/bundle';
import { keystrokeScenario } from './scenarios/keystroke';
import { loadScenario } from './scenarios/load';
import type { BenchOptions, SharedCorpus } from './scenarios/options';
import { smallPageScenario } from './scenarios/smallPage';

const ARTICLE_LENGTH = 1_000_000;
const HYPOTHESIS_SAMPLE = 500;

const SCENARIOS: Record<string, (corpus: SharedCorpus, options: BenchOptions) => ScenarioResult> = {
  anchoring: anchoringScenario,
  'small-page': smallPageScenario,
  keystroke: keystrokeScenario,
  load: loadScenario,
  bundle: (_corpus, options) => bundleScenario(options),
};

function parseArgs(argv: readonly string[]): { options: BenchOptions; only: string[] } {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const only = value('--only')?.split(',') ?? Object.keys(SCENARIOS);
  const unknown = only.filter((name) => !(name in SCENARIOS));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  return {
    only,
    options: {
      seed: Number(value('--seed') ?? 5),
      runs: Number(value('--runs') ?? 5),
      hypothesisSample: argv.includes('--full') ? 'all' : HYPOTHESIS_SAMPLE,
    },
  };
}

function main(): number {
  const { options, only } = parseArgs(process.argv.slice(2));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
  console.log(
    `# Claim Lens benchmarks\n\nNode ${process.version}, ${cpus().length} × ${cpu}, ${memory} GB, load average ${load} at the start; ` +
      `seed ${options.seed}, ${options.runs} timed runs per measurement after warm-up.\n`,
  );

  const built = timed(() => {
    const random = new Random(options.seed);
    const documents = pressDocuments();
    const article = buildArticle(documents, ARTICLE_LENGTH, random);
    const claims = makeClaims(article, DEFAULT_CLAIM_OPTIONS, random);
    return { documents, article, claims };
  });
  console.log(`Corpus: Brown press section (${built.result.documents.length} documents), built with ground truth in ${ms(built.ms)}.\n`);

  const targets: Target[] = [];
  for (const name of only) {
    const result = SCENARIOS[name](built.result, options);
    for (const section of result.sections) console.log(renderSection(section) + '\n');
    targets.push(...result.targets);
  }
  console.log('### Targets\n');
  console.log(renderTargets(targets));
  const failed = targets.filter((t) => !t.pass);
  console.log(`\n${targets.length - failed.length} of ${targets.length} targets pass.`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = main();
