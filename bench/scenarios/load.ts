/** Loading a sidecar with 10,000 claims: YAML parse, schema validation, problems. */
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

export function loadScenario(corpus: SharedCorpus, options: BenchOptions): ScenarioResult {
  const text = sidecarText(corpus.claims, CLAIMS);
  const load = measure(() => parseSidecar(text, FILE), { warmup: 1, runs: options.runs });
  const loaded = load.result.claims.length;
  const errors = load.result.problems.filter((p) => p.severity === 'error');
  const valid = loaded === CLAIMS && errors.length === 0;
  const firstError = errors[0] ? `; first error: ${errors[0].code} at ${errors[0].line}:${errors[0].column}: ${errors[0].message}` : '';
  return {
    sections: [
      {
        title: `Load: a sidecar with ${CLAIMS.toLocaleString('en')} claims`,
        columns: ['step', 'size', 'time (median)', 'claims loaded', 'problems'],
        rows: [['`parseSidecar`', `${(text.length / 1024 / 1024).toFixed(1)} MB`, ms(load.median), String(loaded), String(load.result.problems.length)]],
        notes: ['The sidecar uses every field of the format; every claim is valid, so a loader that drops or rejects any is not measured as fast.'],
      },
    ],
    targets: [
      {
        name: `load: parse and validate ${CLAIMS.toLocaleString('en')} claims`,
        goal: '< 300 ms, all claims loaded, no errors',
        measured: `${ms(load.median)}, ${loaded} claims, ${errors.length} errors${firstError}`,
        pass: valid && load.median < 300,
      },
    ],
  };
}
