import * as assert from 'node:assert/strict';
import { attributionSentence } from '../../src/core/attribution';
import type { Attribution } from '../../src/core/types';

function attribution(fields: Partial<Attribution>): Attribution {
  return { anonymous: false, via: [], ...fields };
}

describe('attributionSentence', () => {
  it('names the speaker with the role in brackets, then the chain', () => {
    const a = attribution({ speaker: 'Lloyd Austin', role: 'US Defense Secretary', via: [{ name: 'Washington Post video' }] });
    assert.equal(attributionSentence(a), 'Lloyd Austin (US Defense Secretary), via Washington Post video');
  });

  it('marks anonymous speakers and uses a chain cue as the connector', () => {
    const a = attribution({ speaker: 'unnamed official', anonymous: true, cue: 'citing', via: [{ id: 'yonhap', name: 'Yonhap' }] });
    assert.equal(attributionSentence(a), 'unnamed official (anonymous), citing Yonhap');
  });

  it('puts role and anonymity in the same brackets', () => {
    const a = attribution({ speaker: 'unnamed high-ranking official', role: 'presidential office', anonymous: true });
    assert.equal(attributionSentence(a), 'unnamed high-ranking official (presidential office, anonymous)');
  });

  it('puts a verb cue after the speaker', () => {
    const a = attribution({ speaker: 'Austin', cue: 'told reporters', via: [{ name: 'Reuters' }] });
    assert.equal(attributionSentence(a), 'Austin told reporters, via Reuters');
  });

  it('follows a chain from the article back, nearest first', () => {
    const a = attribution({ speaker: 'an official', cue: 'According to', via: [{ name: 'Reuters' }, { name: 'Yonhap' }] });
    assert.equal(attributionSentence(a), 'an official, According to Reuters, from Yonhap');
  });

  it('describes a speaker known only by role, or only as anonymous', () => {
    assert.equal(attributionSentence(attribution({ role: 'the ministry' })), 'the ministry');
    assert.equal(attributionSentence(attribution({ anonymous: true })), 'unnamed source (anonymous)');
  });

  it('is a chain alone without a speaker, and empty when it says nothing', () => {
    assert.equal(attributionSentence(attribution({ via: [{ name: 'AP' }] })), 'via AP');
    assert.equal(attributionSentence(attribution({})), '');
    assert.equal(attributionSentence(attribution({ cue: 'said' })), '');
  });
});
