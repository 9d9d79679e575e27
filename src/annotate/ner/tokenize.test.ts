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

/**
 * The tokenizer is a hand-written scanner for speed; this is the regular expression it implements (first
 * alternative that matches at the leftmost position), kept here as the reference it is checked against.
 */
const REFERENCE_PATTERN = new RegExp(
  [
    String.raw`https?://[^\s<>"]*[^\s<>".,;:!?)\]'’]`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
    String.raw`\p{N}+(?:[.,:/\-]\p{N}+)*\p{L}*`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐‑'’&][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\.\.\.|--|\x60\x60|''`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

/** Raw pieces (before abbreviation periods and clitics are handled), as the reference expression cuts them. */
function referencePieces(text: string): string[] {
  return [...text.matchAll(REFERENCE_PATTERN)].map((m) => `${m.index}:${m[0]}`);
}

/** The scanner's pieces: tokens with a kept period or a split clitic joined back as the expression saw them. */
function scannerPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const token of tokenize(text)) {
    const last = pieces.length > 0 ? pieces[pieces.length - 1] : undefined;
    const lastEnd = last === undefined ? -1 : Number(last.slice(0, last.indexOf(':'))) + last.length - last.indexOf(':') - 1;
    const isClitic = /^(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i.test(token.text);
    const lastText = last === undefined ? '' : last.slice(last.indexOf(':') + 1);
    const joins = last !== undefined && lastEnd === token.start && isClitic && referencePieces(lastText + token.text).length === 1;
    if (joins) pieces[pieces.length - 1] = last + token.text;
    else pieces.push(`${token.start}:${token.text}`);
  }
  // A period kept on an abbreviation was its own piece for the expression.
  return pieces.flatMap((piece) => {
    const colon = piece.indexOf(':');
    const start = Number(piece.slice(0, colon));
    const text = piece.slice(colon + 1);
    const reference = referencePieces(text);
    return text.length > 1 && text.endsWith('.') && reference.length === 2 && reference[1] === `${text.length - 1}:.`
      ? [`${start}:${text.slice(0, -1)}`, `${start + text.length - 1}:.`]
      : [piece];
  });
}

describe('tokenize as a scanner', () => {
  const tricky = [
    'see https://example.test/a_b?c=1). or http://x.test/.',
    'mail anna.berg+news@kelmar-post.test, or a@b, or x@y.z.',
    'U.S. a.m. é.ü. U.S.A and U.Sx, 𝐀.𝐁. ok',
    '10,000 3.5 1996-08-22 2-1 1990s ٣٤٥ ½ 10:30 5/6 7.-',
    "Kwang-chol O'Brien AT&T Ukraine’s don't rock'n'roll naïve e\u0301te 𝐀𝐁𝐂",
    '... -- `` \'\' ---- .... ``` \'\'\' “Go” — ‐ ‑',
    'a\u00a0b\u2028c\ufeffd\u3000e\u200bf \ud800 \udc00 😀x',
  ];
  it('cuts the same pieces as the reference expression on tricky text', () => {
    for (const text of tricky) assert.deepEqual(scannerPieces(text), referencePieces(text), text);
  });

  it('cuts the same pieces as the reference expression on random text', () => {
    const alphabet = [
      'a', 'B', 'é', 'Ü', 'ß', 'ж', 'Ж', '中', '𝐀', '😀', '\u0301', '0', '7', '٣', '½', '.', ',', ':', '/', '-', '‐', '‑',
      "'", '’', '&', '@', '+', '_', '<', '>', '"', '`', ')', ']', '!', '?', ';', ' ', '\n', '\u00a0', '\u2028',
      '\ufeff', '\u3000', '\ud800', 'http://', 'https://', '.com', 'Mr', 'no', "'s", "n't",
    ];
    let seed = 7;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 24);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(scannerPieces(text), referencePieces(text), JSON.stringify(text));
    }
  });
});
