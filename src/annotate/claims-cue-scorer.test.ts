import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultClaimsModel } from './claims-attribution.ts';
import { cueScorer } from './claims-cue-scorer.ts';
import { CUE_FEATURE_COUNT, HashedLinear, cueFeatures, tokenContext } from './claims-model.ts';
import { analyzeText } from './text.ts';

// Fictional text: cue words at sentence edges, inside quotations, after commas, before "that".
const TEXT = [
  'Said the harbour master, Tamsin Orel: the northern pier “will reopen,” she told reporters, adding that repairs were done.',
  'Officials believe the ferries can return; the council has repeatedly said so, according to two people familiar with it.',
  '“Nobody warned us,” residents complained. Warned, the mayor denied it.',
].join('\n');

describe('cue scorer', () => {
  it('gives exactly the margin of the cue features, for every token of every sentence', () => {
    const model = defaultClaimsModel();
    const scorer = cueScorer(model.cue);
    assert.ok(scorer, 'the shipped model has integer weights');
    const doc = analyzeText(TEXT);
    const ctx = tokenContext(doc);
    const features = new Int32Array(CUE_FEATURE_COUNT);
    let compared = 0;
    let above = 0;
    // Twice: the second pass reads the per-word tables the first one filled.
    for (let pass = 0; pass < 2; pass++) {
      for (const sentence of doc.sentences) {
        for (let k = sentence.firstToken; k < sentence.endToken; k++) {
          const expected = model.cue.margin(features, cueFeatures(ctx, k, sentence.firstToken, sentence.endToken, features));
          assert.equal(scorer.margin(ctx, k, sentence.firstToken, sentence.endToken), expected, `token ${k} (${doc.tokens[k]!.text}), pass ${pass}`);
          compared++;
          if (expected > model.cueThreshold) above++;
        }
      }
    }
    assert.ok(compared > 80 && above >= 6, `compared ${compared}, above the threshold ${above}`);
  });

  it('is not built for float weights', () => {
    assert.equal(cueScorer(new HashedLinear(2)), null);
  });
});
