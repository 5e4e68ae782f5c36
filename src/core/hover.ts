/**
 * The hover shown over a claim in the article, as Markdown. Every sidecar string is
 * escaped and every link is http or https: the result is safe to render untrusted.
 */
import { attributionSentence, sourceLabel } from './attribution';
import { escapeMarkdown, markdownLink } from './markdown';
import { STATUS_INFO } from './status';
import type { Anchor, AnchoredClaim, Source } from './types';

/** How a claim's anchor should look and be described, beyond its status. */
export type AnchorLook = 'plain' | 'drifted' | 'ambiguous' | 'changedSinceVerified' | 'orphaned';

/** Drifted (fuzzy) beats ambiguous; a fuzzy anchor of a verified claim means the verified text changed. */
export function anchorLook({ claim, anchor }: AnchoredClaim): AnchorLook {
  if (anchor.kind === 'orphaned') return 'orphaned';
  if (anchor.kind === 'fuzzy') return claim.status === 'verified' ? 'changedSinceVerified' : 'drifted';
  return anchor.ambiguous ? 'ambiguous' : 'plain';
}

/** Markdown for every claim under the pointer, innermost first, separated by rules. */
export function claimsHoverMarkdown(claims: readonly AnchoredClaim[]): string {
  return claims.map(claimHoverMarkdown).join('\n\n---\n\n');
}

export function claimHoverMarkdown(anchored: AnchoredClaim): string {
  const { claim } = anchored;
  const status = STATUS_INFO[claim.status];
  const heading = `**${escapeMarkdown(status.label)}** (status: ${escapeMarkdown(claim.status)}) · claim ${escapeMarkdown(claim.id)}`;
  const blocks: string[] = [`${heading}  \n${escapeMarkdown(status.description)}`];

  if (claim.attribution) {
    const sentence = attributionSentence(claim.attribution);
    const manner =
      claim.attribution.direct === true ? 'direct quotation' : claim.attribution.direct === false ? 'paraphrase' : undefined;
    const lines = [`**Attribution:** ${sentence ? escapeMarkdown(sentence) : 'not stated'}`];
    if (manner) lines.push(`*${manner}*`);
    blocks.push(lines.join('  \n'));
  }

  blocks.push(
    claim.sources.length > 0
      ? `**Sources:**\n\n${claim.sources.map((s) => `- ${sourceLine(s)}`).join('\n')}`
      : '**Sources:** none yet',
  );
  if (claim.note) blocks.push(`**Note:** ${escapeMarkdown(claim.note)}`);
  const review = [claim.reviewer && `by ${escapeMarkdown(claim.reviewer)}`, claim.reviewed && `on ${escapeMarkdown(claim.reviewed)}`];
  if (claim.reviewer || claim.reviewed) blocks.push(`Reviewed ${review.filter(Boolean).join(' ')}`);
  if (claim.tags.length > 0) blocks.push(`Tags: ${claim.tags.map(escapeMarkdown).join(', ')}`);
  blocks.push(anchorBlock(anchored));
  return blocks.join('\n\n');
}

function sourceLine(source: Source): string {
  const details = [source.type?.replace(/-/g, ' '), source.published && `published ${source.published}`];
  const host = hostOf(source.url);
  const parts = [markdownLink(sourceLabel(source), source.url)];
  if (host) parts.push(`(${escapeMarkdown(host)})`);
  const tail = details.filter(Boolean).map((d) => escapeMarkdown(d!));
  let line = parts.join(' ');
  if (tail.length > 0) line += ` · ${tail.join(', ')}`;
  if (source.note) line += ` · ${escapeMarkdown(source.note)}`;
  return line;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

function anchorBlock(anchored: AnchoredClaim): string {
  const look = anchorLook(anchored);
  const quote = `> ${escapeMarkdown(anchored.claim.quote)}`;
  switch (look) {
    case 'changedSinceVerified':
      return `**Changed since verified:** the verified text is no longer on the page; the closest match (${edits(anchored.anchor)}) is highlighted. Check it again. It was verified as:\n\n${quote}`;
    case 'drifted':
      return `**Drifted:** the quote is no longer in the article word for word; the closest match (${edits(anchored.anchor)}) is highlighted. Looking for:\n\n${quote}`;
    case 'ambiguous':
      return '**Ambiguous:** the quote occurs more than once and the first occurrence is highlighted; add a `prefix` or `suffix` to choose.';
    case 'orphaned':
      return `**Orphaned:** the quote is not in the article. Looking for:\n\n${quote}`;
    case 'plain':
      return anchored.anchor.kind === 'exact'
        ? 'Anchored exactly.'
        : 'Anchored after normalizing white space and quotation marks.';
  }
}

function edits(anchor: Anchor): string {
  const n = anchor.kind === 'orphaned' ? 0 : anchor.distance;
  return n === 1 ? '1 edit away' : `${n} edits away`;
}
