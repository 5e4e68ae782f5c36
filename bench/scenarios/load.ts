/** Loading a sidecar with 10,000 claims: YAML parse, schema validation, problems. */
import { parseDocument } from 'yaml';
import { parseSidecar } from '../../src/core/sidecar';
import { STATUSES } from '../../src/core/types';
import type { BenchClaim } from '../corpus';
import { ms } from '../report';
import type { ScenarioResult } from '../report';
import { measure } from '../stats';
import type { BenchOptions, SharedCorpus } from './options';

const CLAIMS = 10_000;
const SOURCES = 20;
const FILE = 'bench/article.claims.yaml';

/**
 * A sidecar as people and the tools write it (sidecar.md, "Shape"): shared sources,
 * and claims cycling through the corpus quotes with statuses, attributions,
 * inline and shared sources, notes and tags. Strings are written double-quoted
 * (JSON's escapes are YAML's).
 */
export function sidecarText(claims: readonly BenchClaim[], count: number): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = ['# Benchmark sidecar: generated, every field of the format in use', 'version: 1', 'article: article.txt', '', 'sources:'];
  for (let s = 0; s < SOURCES; s++) {
    lines.push(
      `  source-${s}:`,
      `    name: News Source ${s}`,
      `    url: https://example.com/${s}`,
      `    type: ${s % 2 === 0 ? 'newspaper' : 'news-agency'}`,
      `    published: 1961-0${1 + (s % 9)}-1${s % 10}`,
    );
  }
  lines.push('', 'claims:');
  for (let i = 0; i < count; i++) {
    const { target } = claims[i % claims.length];
    lines.push(`  - id: claim-${i}`, `    quote: ${q(target.quote)}`);
    if (target.prefix !== undefined) lines.push(`    prefix: ${q(target.prefix)}`);
    if (target.suffix !== undefined) lines.push(`    suffix: ${q(target.suffix)}`);
    lines.push(`    status: ${STATUSES[i % STATUSES.length]}`);
    if (i % 2 === 0) {
      lines.push(
        '    attribution:',
        `      speaker: Speaker ${i % 97}`,
        `      anonymous: ${i % 4 === 0}`,
        `      via: [source-${i % SOURCES}]`,
        '      cue: said',
      );
    }
    if (i % 3 === 0) {
      lines.push(`    sources:`, `      - source-${(i + 1) % SOURCES}`, `      - name: Inline Source ${i}`, `        url: https://example.org/${i}`);
    }
    if (i % 5 === 0) lines.push(`    note: ${q(`Checked against source ${i % SOURCES}.`)}`, '    reviewer: desk-2', '    reviewed: 2026-11-27');
    if (i % 7 === 0) lines.push('    tags: [politics, local]');
  }
  return lines.join('\n') + '\n';
}

/**
 * The smallest sidecar with `count` claims: an id, the first words of a corpus
 * quote (at most 40 characters) and a status each.
 */
export function leanSidecarText(claims: readonly BenchClaim[], count: number): string {
  const lines = ['version: 1', 'claims:'];
  for (let i = 0; i < count; i++) {
    const whole = claims[i % claims.length].target.quote;
    const quote = whole.length <= 40 ? whole : whole.slice(0, 40).replace(/\s+\S*$/, '');
    lines.push(`  - id: c${i}`, `    quote: ${JSON.stringify(quote)}`, `    status: ${STATUSES[i % STATUSES.length]}`);
  }
  return lines.join('\n') + '\n';
}

function timeLoad(text: string, options: BenchOptions) {
  const load = measure(() => parseSidecar(text, FILE), { warmup: 1, runs: options.runs });
  const errors = load.result.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  return {
    median: load.median,
    size: `${(text.length / 1024 / 1024).toFixed(2)} MB`,
    loaded: load.result.claims.length,
    problems: load.result.problems.length,
    errors: errors.length,
    firstError: first ? `; first error: ${first.code} at ${first.line}:${first.column}: ${first.message}` : '',
  };
}

export function loadScenario(corpus: SharedCorpus, options: BenchOptions): ScenarioResult {
  const full = timeLoad(sidecarText(corpus.claims, CLAIMS), options);
  const leanText = leanSidecarText(corpus.claims, CLAIMS);
  const lean = timeLoad(leanText, options);
  const yamlOnly = measure(() => parseDocument(leanText, { uniqueKeys: false }), { warmup: 1, runs: options.runs });
  const valid = full.loaded === CLAIMS && full.errors === 0;
  const row = (name: string, load: ReturnType<typeof timeLoad>): string[] => [
    name,
    load.size,
    ms(load.median),
    String(load.loaded),
    `${load.problems}${load.firstError}`,
  ];
  return {
    sections: [
      {
        title: `Load: a sidecar with ${CLAIMS.toLocaleString('en')} claims`,
        columns: ['sidecar', 'size', '`parseSidecar` (median)', 'claims loaded', 'problems'],
        rows: [
          row('every field in use (the target)', full),
          row('lean: id, a short quote, status', lean),
          ['lean, `yaml` `parseDocument` alone (the floor for a loader that keeps positions)', lean.size, ms(yamlOnly.median), '—', '—'],
        ],
        notes: [
          'The full sidecar cycles through the corpus quotes (20 to 300 characters, prefix and suffix where a quote repeats) and uses every field of the format; every claim is valid, so a loader that drops or rejects any is not measured as fast.',
          'The lean one (information only) shows the cost of parsing alone, with the least text per claim.',
        ],
      },
    ],
    targets: [
      {
        name: `load: parse and validate ${CLAIMS.toLocaleString('en')} claims`,
        goal: '< 300 ms, all claims loaded, no errors',
        measured: `${ms(full.median)}, ${full.loaded} claims, ${full.errors} errors${full.firstError}`,
        pass: valid && full.median < 300,
      },
    ],
  };
}
