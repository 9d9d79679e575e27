import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, tokenize } from './index.ts';

const words = (text: string): string[] => tokenize(text).map((t) => t.text);
const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('tokenize', () => {
  it('gives offsets that slice back to every token and cover all non-space text', () => {
    const text = `VELSEN, Nov. 3 (Kelmar News) -- Gen. Arlo Venn's staff said the U.S.-backed plan, worth 10,000 “units”, wasn't ready… On 2031-04-09 the score was 2-1.`;
    const tokens = tokenize(text);
    let previousEnd = 0;
    for (const token of tokens) {
      assert.equal(text.slice(token.start, token.end), token.text);
      assert.ok(token.start >= previousEnd, 'tokens are ordered and do not overlap');
      assert.match(text.slice(previousEnd, token.start), /^\s*$/, 'nothing but white space between tokens');
      previousEnd = token.end;
    }
    assert.match(text.slice(previousEnd), /^\s*$/);
  });

  it('keeps dotted acronyms, abbreviations and initials whole', () => {
    assert.deepEqual(words('the U.S. envoy'), ['the', 'U.S.', 'envoy']);
    assert.deepEqual(words('Mr. Venn and Gen. J. Orr on Nov. 3'), ['Mr.', 'Venn', 'and', 'Gen.', 'J.', 'Orr', 'on', 'Nov.', '3']);
    assert.deepEqual(words('Acme Corp. said'), ['Acme', 'Corp.', 'said']);
  });

  it('keeps hyphenated names and numbers with separators whole', () => {
    assert.deepEqual(words('No Kwang-chol paid 10,000 or 3.5 on 1996-08-22, won 2-1'), [
      'No', 'Kwang-chol', 'paid', '10,000', 'or', '3.5', 'on', '1996-08-22', ',', 'won', '2-1',
    ]);
  });

  it('splits clitics off as CoNLL does', () => {
    assert.deepEqual(words("Ukraine's General Staff"), ['Ukraine', "'s", 'General', 'Staff']);
    assert.deepEqual(words('Ukraine’s army'), ['Ukraine', '’s', 'army']);
    assert.deepEqual(words("they don't"), ['they', 'do', "n't"]);
    assert.deepEqual(words("Dara O'Neill"), ['Dara', "O'Neill"]);
  });

  it('makes quotes, dashes and sentence punctuation their own tokens', () => {
    assert.deepEqual(words('"Yes," he said -- then — left.'), ['"', 'Yes', ',', '"', 'he', 'said', '--', 'then', '—', 'left', '.']);
    assert.deepEqual(words('“Go”'), ['“', 'Go', '”']);
  });

  it('does not take a sentence-final period into a word', () => {
    assert.deepEqual(words('He said no.'), ['He', 'said', 'no', '.']);
    assert.deepEqual(words('see No. 5'), ['see', 'No.', '5']);
  });
});

describe('splitSentences', () => {
  it('does not split after titles, months or initials', () => {
    const text = 'Gen. Arlo Venn met Mr. J. Orr on Jan. 5 in Velsen. They spoke for an hour.';
    assert.deepEqual(sentences(text), ['Gen. Arlo Venn met Mr. J. Orr on Jan. 5 in Velsen.', 'They spoke for an hour.']);
  });

  it('splits after an abbreviation only before a sentence starter', () => {
    assert.deepEqual(sentences('Aid arrived from the U.S. The ministry thanked it.'), [
      'Aid arrived from the U.S.',
      'The ministry thanked it.',
    ]);
    assert.deepEqual(sentences('The U.S. Navy sailed.'), ['The U.S. Navy sailed.']);
  });

  it('keeps closing quotes with their sentence and splits at line breaks', () => {
    const text = '"We will win." Orr left.\nMORE NEWS\n\nthe end';
    assert.deepEqual(sentences(text), ['"We will win."', 'Orr left.', 'MORE NEWS', 'the end']);
  });

  it('keeps a wrapped line that continues in lowercase', () => {
    assert.deepEqual(sentences('The council said\nit would vote.'), ['The council said\nit would vote.']);
  });
});
