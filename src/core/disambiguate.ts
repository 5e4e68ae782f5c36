/**
 * The shortest prefix or suffix that singles out one occurrence of a quote, for new
 * claims whose words occur more than once and for the "ambiguous" quick fix.
 */

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

/** Start offsets of every (possibly overlapping) occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Context that makes `text[start, end)` the best match for its own words: `{}` when
 * the words occur once, the shortest prefix that tells the occurrences apart (widened
 * to whole words, at least one), else such a suffix; undefined when neither can.
 */
export function disambiguatingContext(text: string, start: number, end: number): QuoteContext | undefined {
  const others = occurrences(text, text.slice(start, end)).filter((o) => o !== start);
  if (!others.length) return {};
  const before = 1 + Math.max(...others.map((o) => agreeing(text, start, o, -1, end - start)));
  if (before <= start) {
    let from = start - before;
    while (from > 0 && (!WORD.test(text.slice(from, start)) || (WORD.test(text[from - 1]!) && WORD.test(text[from]!)))) from--;
    return { prefix: text.slice(from, start) };
  }
  const after = 1 + Math.max(...others.map((o) => agreeing(text, start, o, 1, end - start)));
  if (end + after <= text.length) {
    let to = end + after;
    while (to < text.length && (!WORD.test(text.slice(end, to)) || (WORD.test(text[to - 1]!) && WORD.test(text[to]!)))) to++;
    return { suffix: text.slice(end, to) };
  }
  return undefined;
}

/** How many characters before (dir -1) or after (dir 1) two occurrences agree. */
function agreeing(text: string, a: number, b: number, dir: -1 | 1, length: number): number {
  let n = 0;
  if (dir < 0) while (a - n - 1 >= 0 && b - n - 1 >= 0 && text[a - n - 1] === text[b - n - 1]) n++;
  else while (a + length + n < text.length && b + length + n < text.length && text[a + length + n] === text[b + length + n]) n++;
  return n;
}
