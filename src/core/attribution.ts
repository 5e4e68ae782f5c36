/**
 * An attribution chain as one line of plain text, shared by the reports, the hover and
 * the tree. Plain text: callers escape it for their medium (Markdown, HTML, CSV).
 */
import type { Attribution, Source } from './types';

/** A source's name as shown, marked when its id has no valid entry under `sources:`. */
export function sourceLabel(source: Source): string {
  return source.unresolved ? `${source.name} (unresolved source id)` : source.name;
}

/** Cues that introduce where the claim came from, so they read as the chain's connector. */
const CHAIN_CUES = new Set(['according to', 'citing', 'cited by', 'quoting', 'quoted by', 'reported by', 'through', 'via']);

/**
 * `Lloyd Austin (US Defense Secretary), via Washington Post video`;
 * `unnamed official (anonymous), citing Yonhap`; `Austin said, via Reuters, from Yonhap`.
 * The speaker (role and anonymity in brackets), then the chain nearest to the article
 * first, as a reader follows it back. A cue like "citing" or "according to" joins the
 * chain; a verb cue like "said" follows the speaker. Empty when it says nothing.
 */
export function attributionSentence(attribution: Attribution): string {
  const cue = attribution.cue?.trim().replace(/\s+/g, ' ');
  const chainCue = cue !== undefined && CHAIN_CUES.has(cue.toLowerCase()) ? cue : undefined;

  const who = speakerPhrase(attribution);
  const speaks = who && cue && !chainCue ? `${who} ${cue}` : who;
  const names = attribution.via.map(sourceLabel);
  const chain = names.length > 0 ? `${chainCue ?? 'via'} ${names[0]}${names.slice(1).map((n) => `, from ${n}`).join('')}` : '';
  return [speaks, chain].filter(Boolean).join(', ');
}

function speakerPhrase(a: Attribution): string {
  const details = [a.speaker ? a.role : undefined, a.anonymous ? 'anonymous' : undefined].filter(Boolean);
  const name = a.speaker ?? a.role ?? (a.anonymous ? 'unnamed source' : '');
  return name && details.length > 0 ? `${name} (${details.join(', ')})` : name;
}
