/**
 * Claim suggestions (cli.md, `suggest`): sentences of an article that look like claims
 * (an attributed statement, a quotation, a figure) and that no anchored claim covers
 * yet. Heuristics on purpose: they point a reviewer at candidates, nothing more.
 */
import type { TextRange } from './types';

export type SuggestionReason = 'attribution' | 'quotation' | 'figure';

export interface Suggestion extends TextRange {
  /** The article's own characters in [start, end). */
  text: string;
  /** Why it looks like a claim, in this order: attribution, quotation, figure. */
  reasons: SuggestionReason[];
}

/** Words that attribute a statement to someone ("said", "according to", ...). */
const ATTRIBUTION_CUE = new RegExp(
  `\\b(?:${[
    'said',
    'says',
    'according to',
    'citing',
    'cited',
    'quoting',
    'quoted',
    'reported',
    'reports',
    'reporting',
    'confirmed',
    'confirms',
    'told',
    'announced',
    'announces',
    'stated',
    'claimed',
    'alleged',
    'estimated',
    'estimates',
    'warned',
    'denied',
    'insisted',
    'acknowledged',
    'admitted',
    'testified',
    'added',
    'noted',
    'wrote',
  ].join('|')})\\b`,
  'i',
);

/** Double quotation marks, straight and typographic. */
const QUOTATION = /["“”„‟«»]/;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** Figures that are claims in themselves: percentages, amounts, money, large counts. */
const STRONG_FIGURE = new RegExp(
  [
    '\\d[\\d,.]*\\s*(?:%|per ?cent\\b)',
    '\\b\\d[\\d,.]*\\s*(?:hundred|thousand|million|billion|trillion)\\b',
    '\\b(?:hundreds|thousands|millions|billions|dozens) of\\b',
    '[$€£¥₩]\\s?\\d',
  ].join('|'),
  'i',
);

/** Any number; years and day-of-month numbers next to a month name do not count. */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const YEAR = /^(?:1[89]|20)\d\d$/;
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'i');

/** Abbreviations whose final dot does not end a sentence. */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'gov', 'sen', 'rep',
    'rev', 'st', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'approx', 'est', 'fig',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'u.s', 'u.k',
    'u.n',
  ],
);

/** Closing quotes and brackets that stay with the sentence they end. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * The article's sentences, trimmed, as ranges. A sentence ends at . ! ? (with any
 * closing quotes) before white space, except after a known abbreviation or an initial;
 * a blank line or a Markdown heading also ends one. Markdown heading, list and quote
 * markers at the start are not part of the sentence.
 */
export function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  const push = (end: number): void => {
    const range = trimRange(text, start, end);
    if (range) ranges.push(range);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (matchesAt(BLANK_LINE, text, i + 1) || matchesAt(HEADING, text, i + 1) || matchesAt(HEADING, text, start)) {
        push(i + 1);
      }
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return ranges;
}

const BLANK_LINE = /[ \t]*\r?\n/y;
const HEADING = /\s*#{1,6}\s/y;

function matchesAt(sticky: RegExp, text: string, index: number): boolean {
  sticky.lastIndex = index;
  return sticky.test(text);
}

function isAbbreviation(text: string, dot: number): boolean {
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1];
  if (!word) return false;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The range without surrounding white space and leading Markdown markers, or undefined if empty. */
function trimRange(text: string, start: number, end: number): TextRange | undefined {
  const slice = text.slice(start, end);
  const lead = /^(?:\s|#{1,6}\s|>\s?|[-*+]\s)*/.exec(slice)![0].length;
  const body = slice.slice(lead).trimEnd();
  return body ? { start: start + lead, end: start + lead + body.length } : undefined;
}

/** Why a sentence looks like a claim; empty when it does not. */
export function claimReasons(sentence: string): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  if (ATTRIBUTION_CUE.test(sentence)) reasons.push('attribution');
  if (QUOTATION.test(sentence)) reasons.push('quotation');
  if (hasFigure(sentence)) reasons.push('figure');
  return reasons;
}

function hasFigure(sentence: string): boolean {
  if (STRONG_FIGURE.test(sentence)) return true;
  for (const m of sentence.matchAll(NUMBER)) {
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (YEAR.test(m[0]) || MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)) continue;
    if (/[A-Za-z]-?$/.test(before)) continue; // part of a name: "F-16", "G7"
    return true;
  }
  return false;
}

/**
 * Sentences that look like claims and overlap none of `covered` (the ranges of the
 * claims already anchored in the article), in article order.
 */
export function suggestClaims(article: string, covered: readonly TextRange[] = []): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const { start, end } of sentenceRanges(article)) {
    if (covered.some((c) => c.start < end && start < c.end)) continue;
    const text = article.slice(start, end);
    const reasons = claimReasons(text);
    if (reasons.length > 0) suggestions.push({ start, end, text, reasons });
  }
  return suggestions;
}
