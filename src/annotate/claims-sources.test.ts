import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phraseWords } from './claims-sources.ts';

/** The words a phrase is read as, by the regular expression the ASCII scan stands in for. */
const byPattern = (phrase: string) => [...phrase.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu)].map((m) => [m[0], m.index + m[0].length] as const);

describe('source phrase words', () => {
  it('scans ASCII phrases as the word pattern reads them', () => {
    const phrases = [
      'the ministry',
      "O'Neil's spokesman, J.P. Harlow-Smith",
      'AT&T -- a 3rd-party report (2024)',
      '  .leading dots, trailing dash- and quote\' ',
      "'quoted' \"double\" ... --- ''",
      '',
    ];
    for (const phrase of phrases) {
      const words: string[] = [];
      const ends: number[] = [];
      phraseWords(phrase, words, ends);
      assert.deepEqual(words.map((w, i) => [w, ends[i]]), byPattern(phrase), phrase);
    }
  });

  it('reads other scripts with the pattern itself', () => {
    for (const phrase of ['Zoë Ångström’s aide', 'ministère de l’Intérieur', 'Ⅻ legion²']) {
      const words: string[] = [];
      const ends: number[] = [];
      phraseWords(phrase, words, ends);
      assert.deepEqual(words.map((w, i) => [w, ends[i]]), byPattern(phrase), phrase);
    }
  });
});
