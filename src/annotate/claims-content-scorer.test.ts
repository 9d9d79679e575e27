import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultClaimsModel, findCues } from './claims-attribution.ts';
import { contentScorer, tagContent } from './claims-content-scorer.ts';
import { CONTENT_FEATURE_COUNT, HashedLinear, contentFeatures, contentFrame, tokenContext } from './claims-model.ts';
import { analyzeText } from './text.ts';

// Fictional text: cues before and after their sources, quotations, commas, "that", a paragraph break.
const TEXT = [
  'Harbour master Tamsin Orel said on Tuesday that the northern pier, closed since March, would reopen “within weeks, not months.”',
  '“We have checked every beam twice,” she told the Kestrel Gazette. “The ferries can come back,” Orel added.',
  'The council, according to two officials familiar with the plan, has not yet approved the money.',
  '',
  'Residents say the repairs were promised before, and the mayor warned that costs could rise again.',
].join('\n');

/** The text's cues under the shipped model, with the token context and the cue-token marks the frames read. */
function cueFixture() {
  const model = defaultClaimsModel();
  const doc = analyzeText(TEXT);
  const ctx = tokenContext(doc);
  const cues = findCues(doc, ctx, model);
  const cueTokens = new Uint8Array(doc.tokens.length);
  for (const c of cues) for (let k = c.first; k <= c.last; k++) cueTokens[k] = 1;
  return { model, doc, ctx, cues, cueTokens };
}

/** No source, a source before the cue, a source after it (where the sentence has room). */
function sourcePlacements(cue: { first: number; last: number }, sentence: { firstToken: number; endToken: number }): Array<[number, number]> {
  const placements: Array<[number, number]> = [[-1, -1]];
  if (cue.first - 2 >= sentence.firstToken) placements.push([cue.first - 2, cue.first - 1]);
  if (cue.last + 2 < sentence.endToken) placements.push([cue.last + 1, cue.last + 2]);
  return placements;
}

describe('content scorer', () => {
  it('gives exactly the margin of the content features, for every token, label and source placement', () => {
    const { model, doc, ctx, cues, cueTokens } = cueFixture();
    const scorer = contentScorer(model.content);
    assert.ok(scorer, 'the shipped model has integer weights');
    assert.ok(cues.length >= 5, `cues found: ${cues.length}`);
    const features = new Int32Array(CONTENT_FEATURE_COUNT);
    let compared = 0;
    let nonZero = 0;
    for (const cue of cues) {
      const sentence = doc.sentences[doc.tokens[cue.first]!.sentence]!;
      for (const [sourceFirst, sourceLast] of sourcePlacements(cue, sentence)) {
        const frame = contentFrame(ctx, cue.first, cue.last, cue.head, sentence.firstToken, sentence.endToken, sourceFirst, sourceLast, cueTokens);
        scorer.setFrame(ctx, frame);
        for (let k = sentence.firstToken; k < sentence.endToken; k++) {
          if (k >= cue.first && k <= cue.last) continue;
          for (const previous of [0, 1]) {
            const expected = model.content.margin(features, contentFeatures(ctx, frame, k, previous, features));
            assert.equal(scorer.margin(ctx, frame, k, previous), expected, `token ${k} (${doc.tokens[k]!.text}), previous ${previous}`);
            compared++;
            if (expected !== 0) nonZero++;
          }
        }
      }
    }
    assert.ok(compared > 200 && nonZero > compared / 2, `compared ${compared}, non-zero ${nonZero}`);
  });

  it('tags a sentence as the feature path does, label by label', () => {
    const { model, doc, ctx, cues, cueTokens } = cueFixture();
    const scorer = contentScorer(model.content)!;
    const features = new Int32Array(CONTENT_FEATURE_COUNT);
    const fast = new Uint8Array(doc.tokens.length);
    let content = 0;
    for (const cue of cues) {
      const sentence = doc.sentences[doc.tokens[cue.first]!.sentence]!;
      for (const [sourceFirst, sourceLast] of sourcePlacements(cue, sentence)) {
        const frame = contentFrame(ctx, cue.first, cue.last, cue.head, sentence.firstToken, sentence.endToken, sourceFirst, sourceLast, cueTokens);
        const tagged = tagContent(scorer, ctx, frame, fast);
        let previous = 0;
        let expectedTagged = 0;
        for (let k = sentence.firstToken; k < sentence.endToken; k++) {
          const scored = (k < cue.first || k > cue.last) && (k < sourceFirst || k > sourceLast);
          const label = scored && model.content.margin(features, contentFeatures(ctx, frame, k, previous, features)) > 0 ? 1 : 0;
          assert.equal(fast[k], label, `token ${k} (${doc.tokens[k]!.text})`);
          expectedTagged += label;
          previous = label;
        }
        assert.equal(tagged, expectedTagged);
        content += tagged;
      }
    }
    assert.ok(content > 20, `content tokens tagged: ${content}`);
  });

  it('refuses a frame it was not set to, and float weights', () => {
    const model = defaultClaimsModel();
    const scorer = contentScorer(model.content)!;
    const doc = analyzeText('Orel said the pier would reopen.');
    const ctx = tokenContext(doc);
    const frame = contentFrame(ctx, 1, 1, 1, 0, doc.tokens.length, 0, 0, new Uint8Array(doc.tokens.length));
    scorer.setFrame(ctx, frame);
    const other = { ...frame };
    assert.throws(() => scorer.margin(ctx, other, 3, 0), /setFrame/);
    assert.equal(contentScorer(new HashedLinear(2)), null);
  });
});
