/**
 * An attribution chain as one line of plain text, shared by the reports, the hover and
 * the tree. Plain text: callers escape it for their medium (Markdown, HTML, CSV).
 */
import type { Attribution } from './types';

/**
 * `Unnamed official (presidential office), anonymous, paraphrased via Reuters, from
 * Yonhap News Agency, cue “citing”`: the speaker, then the chain nearest to the article
 * first, as a reader follows it back. Empty when the attribution says nothing.
 */
export function attributionSentence(attribution: Attribution): string {
  const parts: string[] = [];
  if (attribution.speaker) parts.push(attribution.role ? `${attribution.speaker} (${attribution.role})` : attribution.speaker);
  else if (attribution.role) parts.push(attribution.role);
  if (attribution.anonymous) parts.push('anonymous');

  let how = attribution.direct === true ? 'quoted directly' : attribution.direct === false ? 'paraphrased' : '';
  if (attribution.via.length > 0) {
    const chain = attribution.via.map((source) => source.name);
    how = `${how ? `${how} ` : ''}via ${chain[0]}${chain.slice(1).map((name) => `, from ${name}`).join('')}`;
  }
  if (how) parts.push(how);
  if (attribution.cue) parts.push(`cue “${attribution.cue}”`);

  const sentence = parts.join(', ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

