/** What a scenario reports: tables for BENCHMARKS.md and targets that pass or fail. */

export interface Section {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table: what was measured, and how. */
  notes: string[];
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  pass: boolean;
}

export interface ScenarioResult {
  sections: Section[];
  targets: Target[];
}

export function markdownTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderSection(section: Section): string {
  const notes = section.notes.map((note) => `- ${note}`);
  return [`### ${section.title}`, '', markdownTable(section.columns, section.rows), '', ...notes].join('\n');
}

export function renderTargets(targets: readonly Target[]): string {
  return markdownTable(
    ['target', 'goal', 'measured', 'result'],
    targets.map((t) => [t.name, t.goal, t.measured, t.pass ? 'PASS' : '**FAIL**']),
  );
}

/** Milliseconds with three significant digits (0.0123 ms, 1.23 ms, 1234 ms). */
export function ms(value: number): string {
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${Number(value.toPrecision(3))} ms`;
}

export function ratio(value: number): string {
  return `${Number(value.toPrecision(3))}×`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
