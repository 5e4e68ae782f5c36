import * as assert from 'node:assert/strict';
import { anchorLook, claimHoverMarkdown, claimsHoverMarkdown } from '../../src/core/hover';
import type { Anchor, AnchoredClaim, Claim } from '../../src/core/types';
import { hrefsIn, tagsIn, visibleText } from './markdownRendering';

function claim(fields: Partial<Claim> = {}): Claim {
  return { id: 'c1', quote: 'we have evidence', status: 'unverified', sources: [], tags: [], index: 0, entryRange: { start: 0, end: 1 }, ...fields };
}

const exact: Anchor = { kind: 'exact', ambiguous: false, start: 0, end: 16, distance: 0 };
const fuzzy: Anchor = { kind: 'fuzzy', ambiguous: false, start: 0, end: 16, distance: 3 };

function hover(fields: Partial<Claim>, anchor: Anchor = exact): string {
  return claimHoverMarkdown({ claim: claim(fields), anchor });
}

describe('claimHoverMarkdown', () => {
  it('shows status, attribution sentence, linked sources, note and review', () => {
    const md = hover({
      status: 'verified',
      attribution: { speaker: 'Lloyd Austin', role: 'US Defense Secretary', anonymous: false, via: [{ name: 'Washington Post video' }], direct: true },
      sources: [
        { id: 'wapo', name: 'Washington Post', url: 'https://www.washingtonpost.com/video/x', type: 'newspaper', published: '2024-10-23' },
        { name: 'Pentagon transcript' },
      ],
      note: 'Checked against the transcript.',
      reviewer: 'desk-2',
      reviewed: '2026-11-27',
    });
    const text = visibleText(md);
    assert.match(text, /^Verified \(status: verified\) · claim c1 Confirmed by the evidence listed\./);
    assert.match(text, /Attribution: Lloyd Austin \(US Defense Secretary\), via Washington Post video direct quotation/);
    assert.match(text, /Washington Post \(www\.washingtonpost\.com\) · newspaper, published 2024-10-23/);
    assert.match(text, /Pentagon transcript/);
    assert.match(text, /Note: Checked against the transcript\./);
    assert.match(text, /Reviewed by desk-2 on 2026-11-27/);
    assert.match(text, /Anchored exactly\./);
    assert.deepEqual(hrefsIn(md), ['https://www.washingtonpost.com/video/x']);
  });

  it('marks anonymous speakers and uses the cue', () => {
    const md = hover({ attribution: { speaker: 'unnamed official', anonymous: true, cue: 'citing', via: [{ name: 'Yonhap' }] } });
    assert.match(visibleText(md), /Attribution: unnamed official \(anonymous\), citing Yonhap/);
  });

  it('shows a source id with no entry under sources: as the id, marked', () => {
    const ghost = { id: 'ghost', name: 'ghost', unresolved: true as const };
    const text = visibleText(hover({ sources: [ghost], attribution: { anonymous: false, via: [{ name: 'Yonhap' }, ghost] } }));
    assert.match(text, /Sources: ghost \(unresolved source id\)/);
    assert.match(text, /via Yonhap, from ghost \(unresolved source id\)/);
  });

  it('says when there are no sources yet', () => {
    assert.match(visibleText(hover({})), /Sources: none yet/);
  });

  it('links http and https sources only', () => {
    const md = hover({
      sources: [
        { name: 'ok', url: 'http://example.com/a' },
        { name: 'cmd', url: 'command:workbench.action.quit' },
        { name: 'js', url: 'javascript:alert(1)' },
        { name: 'file', url: 'file:///etc/passwd' },
      ],
    });
    assert.deepEqual(hrefsIn(md), ['http://example.com/a']);
    assert.match(visibleText(md), /ok \(example\.com\) cmd js file/);
  });

  it('renders every sidecar string as text, never markup', () => {
    const evil = '<img src=x onerror=alert(1)> [x](command:workbench.action.quit) ![i](https://e.example/p.png) `c` **b**';
    const md = hover({
      id: evil,
      note: evil,
      reviewer: evil,
      reviewed: evil,
      quote: evil,
      tags: [evil],
      attribution: { speaker: evil, role: evil, cue: evil, anonymous: true, via: [{ name: evil, url: 'command:x' }] },
      sources: [{ name: evil, url: 'https://ok.example/', note: evil, published: evil }],
    }, fuzzy);
    const allowed = new Set(['p', 'strong', 'em', 'br', 'ul', 'li', 'a', 'blockquote', 'hr']);
    assert.deepEqual(tagsIn(md).filter((t) => !allowed.has(t)), []);
    assert.deepEqual(hrefsIn(md), ['https://ok.example/']);
    assert.ok(visibleText(md).split(evil).length >= 8, 'each field shows the text as written');
  });

  it('says a drifted claim drifted and shows the quote it was looking for', () => {
    const text = visibleText(hover({ quote: 'we have clear evidence' }, fuzzy));
    assert.match(text, /Drifted: the quote is no longer in the article word for word; the closest match \(3 edits away\)/);
    assert.match(text, /Looking for: we have clear evidence/);
  });

  it('says a verified claim changed since it was verified', () => {
    const text = visibleText(hover({ status: 'verified', quote: 'we have clear evidence' }, fuzzy));
    assert.match(text, /Changed since verified: the verified text is no longer on the page/);
    assert.match(text, /we have clear evidence/);
    assert.doesNotMatch(text, /Drifted/);
  });

  it('explains ambiguous and normalized anchors', () => {
    assert.match(visibleText(hover({}, { ...exact, ambiguous: true })), /Ambiguous: the quote occurs more than once/);
    assert.match(visibleText(hover({}, { ...exact, kind: 'normalized' })), /Anchored after normalizing white space/);
  });

  it('separates overlapping claims with a rule, innermost first', () => {
    const claims: AnchoredClaim[] = [
      { claim: claim({ id: 'inner' }), anchor: exact },
      { claim: claim({ id: 'outer' }), anchor: exact },
    ];
    const md = claimsHoverMarkdown(claims);
    assert.ok(tagsIn(md).includes('hr'));
    assert.match(visibleText(md), /claim inner.*claim outer/s);
  });
});

describe('anchorLook', () => {
  it('distinguishes drifted, changed since verified, ambiguous, orphaned and plain', () => {
    assert.equal(anchorLook({ claim: claim(), anchor: exact }), 'plain');
    assert.equal(anchorLook({ claim: claim(), anchor: fuzzy }), 'drifted');
    assert.equal(anchorLook({ claim: claim({ status: 'verified' }), anchor: fuzzy }), 'changedSinceVerified');
    assert.equal(anchorLook({ claim: claim(), anchor: { ...exact, ambiguous: true } }), 'ambiguous');
    assert.equal(anchorLook({ claim: claim(), anchor: { ...fuzzy, ambiguous: true } }), 'drifted');
    assert.equal(anchorLook({ claim: claim(), anchor: { kind: 'orphaned', ambiguous: false } }), 'orphaned');
  });
});
