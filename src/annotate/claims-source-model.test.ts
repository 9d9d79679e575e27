import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultClaimsModel, findCues } from './claims-attribution.ts';
import { HashedLinear, tokenContext } from './claims-model.ts';
import { SourceScratch, bestSource, type SourceFrame } from './claims-source-model.ts';
import { analyzeText } from './text.ts';

// Fictional text: sources before and after their cues, appositions, quotations, a sentence-initial cue.
const TEXT = [
  'Harbour master Tamsin Orel, who has run the port since 2019, said on Tuesday that the northern pier would reopen.',
  '“We have checked every beam twice,” said the engineer in charge of the survey, Ivo Marsh.',
  'According to two officials familiar with the plan, the council has not approved the money.',
  'The ferry company, in a statement to the Kestrel Gazette, warned that prices could rise.',
].join('\n');

describe('source ranker', () => {
  it('scores boundaries from tables exactly as feature by feature (same span, same margin)', () => {
    const model = defaultClaimsModel();
    assert.ok(model.source.weights instanceof Int16Array);
    // The same weights as floats take the feature-by-feature path.
    const reference = new HashedLinear(model.source.labels, Float32Array.from(model.source.weights), model.source.scale);
    const doc = analyzeText(TEXT);
    const ctx = tokenContext(doc);
    const cues = findCues(doc, ctx, model);
    assert.ok(cues.length >= 4, `cues found: ${cues.length}`);
    const cueBefore = new Int32Array(doc.tokens.length + 1);
    const scratch = new SourceScratch();
    let sourced = 0;
    for (const cue of cues) {
      const sentence = doc.sentences[doc.tokens[cue.first]!.sentence]!;
      const frame: SourceFrame = { first: cue.first, last: cue.last, head: cue.head, start: sentence.firstToken, end: sentence.endToken, cueBefore };
      const fast = bestSource(ctx, frame, model.source, scratch);
      const slow = bestSource(ctx, frame, reference, scratch);
      assert.deepEqual(fast, slow, `cue ${doc.tokens[cue.head]!.text}`);
      if (fast.first >= 0) sourced++;
    }
    assert.ok(sourced >= 3, `sources found: ${sourced}`);
  });
});
