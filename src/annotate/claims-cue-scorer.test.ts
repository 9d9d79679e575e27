import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultClaimsModel } from './claims-attribution.ts';
import { cueScorer } from './claims-cue-scorer.ts';
import { CUE_FEATURE_COUNT, HashedLinear, OBJECT_CLASSES, SUBJECT_CLASSES, WordHashSet, cueFeatures, cueObjectClass, cueQuoteDistance, cueStemSet, cueSubjectClass, isCueCandidate, tokenContext } from './claims-model.ts';
import { analyzeText } from './text.ts';

// Fictional text: cue words at sentence edges, inside quotations, after commas, before "that".
const TEXT = [
  'Said the harbour master, Tamsin Orel: the northern pier “will reopen,” she told reporters, adding that repairs were done.',
  'Officials believe the ferries can return; the council has repeatedly said so, according to two people familiar with it.',
  '“Nobody warned us,” residents complained. Warned, the mayor denied it.',
  'She has not yet decided whether to run; her aide, who wants to talk about it, told them: “Later.” It’s denouncing the plan, 2 councillors wrote.',
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

  it('reads the context classes of a candidate: subject past auxiliaries, complement, quotation marks', () => {
    const doc = analyzeText('The harbour master has repeatedly said that “the pier is safe,” she insisted to reporters.');
    const ctx = tokenContext(doc);
    const { firstToken: first, endToken: end } = doc.sentences[0]!;
    const at = (word: string) => doc.tokens.findIndex((t) => t.text === word);
    const said = at('said');
    // "master has repeatedly said": a lower-case word (13) after auxiliaries and adverbs were read past (+1).
    assert.equal(cueSubjectClass(ctx, said, first), 13 * 2 + 1);
    assert.equal(cueObjectClass(ctx, said, end), 5); // "that"
    const insisted = at('insisted');
    assert.equal(cueSubjectClass(ctx, insisted, first), 4 * 2); // "she"
    assert.equal(cueObjectClass(ctx, insisted, end), 6); // "to"
    // A closing quotation mark two tokens to the left of "insisted" (bucket 2), none to its right (0).
    assert.equal(cueQuoteDistance(ctx, insisted, first, end), 2 * 5 + 0);
    assert.equal(cueSubjectClass(ctx, first, first), 0); // the sentence start
    for (let k = first; k < end; k++) {
      assert.ok(cueSubjectClass(ctx, k, first) < SUBJECT_CLASSES);
      assert.ok(cueObjectClass(ctx, k, end) < OBJECT_CLASSES);
    }
  });

  it('takes lower-case forms of a lexicon word as candidates, not names or other words', () => {
    const doc = analyzeText('Warns Orel: the mayor warns that the pier warned nobody, warning sirens aside.');
    const ctx = tokenContext(doc);
    const lexicon = ['warned'];
    const candidates = doc.tokens.filter((_, k) => isCueCandidate(ctx, k, new WordHashSet(lexicon), cueStemSet(lexicon))).map((t) => t.text);
    assert.deepEqual(candidates, ['warns', 'warned', 'warning']);
  });

  it('is not built for float weights', () => {
    assert.equal(cueScorer(new HashedLinear(2)), null);
  });
});
