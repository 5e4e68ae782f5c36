/**
 * The shortest prefix and/or suffix with which the anchoring engine picks one place
 * of a quote, for new claims whose words occur more than once and for the "ambiguous"
 * quick fix. Candidates are judged by the engine's own choice (`chooseOccurrence`), so
 * what it compares (trimmed, normalized affixes; white space and quote styles folded;
 * verbatim places first) is what the context must tell apart.
 */
import { chooseOccurrence, occurrencesOf, prepareTarget } from './anchor';
import { NormalizedText } from './normalize';

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
}

export { occurrences } from './text';

const WORD = /[\p{L}\p{N}]/u;
/** Words of context tried on each side, and the most characters a side may take. */
const MAX_WORDS = 12;
const MAX_CHARS = 256;

/**
 * Context that makes the engine anchor `quote` (by default the text there) at exactly
 * `text[start, end)`, not ambiguous: `{}` when it already does, else the fewest whole
 * words before it, else after it, else the fewest before and after together;
 * undefined when no context of up to MAX_WORDS words a side can. `start` and `end`
 * must hold no white space at their ends (the engine trims quotes). `nt` is the text
 * normalized, for a caller that asks about several claims.
 */
export function disambiguatingContext(
  text: string,
  start: number,
  end: number,
  quote = text.slice(start, end),
  nt: NormalizedText = NormalizedText.from(text),
): QuoteContext | undefined {
  const places = occurrencesOf(nt, quote);
  const singles = (context: QuoteContext): boolean => {
    const anchor = chooseOccurrence(text, prepareTarget({ quote, ...context }), places);
    return anchor.kind !== 'orphaned' && anchor.start === start && anchor.end === end && !anchor.ambiguous;
  };
  if (singles({})) return {};
  const prefixes = steps(text, start, -1);
  const suffixes = steps(text, end, 1);
  // The shortest prefix (who said it, usually), else the shortest suffix, else both,
  // by the number of words they take together.
  for (const prefix of prefixes) if (singles({ prefix })) return { prefix };
  for (const suffix of suffixes) if (singles({ suffix })) return { suffix };
  for (let words = 2; words <= prefixes.length + suffixes.length; words++) {
    for (let before = Math.min(words - 1, prefixes.length); before >= 1; before--) {
      const after = words - before;
      if (after > suffixes.length) break;
      const context = { prefix: prefixes[before - 1]!, suffix: suffixes[after - 1]! };
      if (singles(context)) return context;
    }
  }
  return undefined;
}

/**
 * The text before `at` (dir -1) or after it (dir 1) taken one more whole word at a
 * time, with what separates the words: up to MAX_WORDS of them, MAX_CHARS at most.
 */
function steps(text: string, at: number, dir: -1 | 1): string[] {
  const out: string[] = [];
  let p = at;
  const inside = (i: number) => (dir < 0 ? i > 0 : i < text.length);
  const next = (i: number) => (dir < 0 ? text[i - 1]! : text[i]!);
  while (out.length < MAX_WORDS && inside(p)) {
    while (inside(p) && !WORD.test(next(p))) p += dir;
    while (inside(p) && WORD.test(next(p))) p += dir;
    const piece = dir < 0 ? text.slice(p, at) : text.slice(at, p);
    if (piece.length > MAX_CHARS) break;
    out.push(piece);
  }
  return out;
}
