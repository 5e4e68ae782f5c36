import { STATUSES, type Status, type StatusCounts } from './types';

export interface StatusInfo {
  label: string;
  /** One line for quick picks and tooltips. */
  description: string;
}

export const STATUS_INFO: Readonly<Record<Status, StatusInfo>> = {
  unverified: { label: 'Unverified', description: 'Not checked yet.' },
  'in-review': { label: 'In review', description: 'Someone is checking it now.' },
  verified: { label: 'Verified', description: 'Confirmed by the evidence listed.' },
  disputed: { label: 'Disputed', description: 'Credible sources disagree.' },
  false: { label: 'False', description: 'The evidence shows it is not true.' },
  unverifiable: { label: 'Unverifiable', description: 'It cannot be checked with the evidence available.' },
};

/** Review order: what still needs work first. Same as STATUSES. */
export const STATUS_ORDER: readonly Status[] = STATUSES;

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function emptyCounts(): StatusCounts {
  return { unverified: 0, 'in-review': 0, verified: 0, disputed: 0, false: 0, unverifiable: 0 };
}

export function countStatuses(items: Iterable<{ status: Status }>): StatusCounts {
  const counts = emptyCounts();
  for (const item of items) counts[item.status]++;
  return counts;
}

/** Claims still to review: unverified and in review. */
export function toReview(counts: StatusCounts): number {
  return counts.unverified + counts['in-review'];
}

/** The counts of several sidecars added up (an article may have more than one). */
export function sumCounts(all: readonly StatusCounts[]): StatusCounts {
  const sum = countStatuses([]);
  for (const counts of all) for (const status of STATUSES) sum[status] += counts[status];
  return sum;
}
