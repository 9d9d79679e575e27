/** Sentence spans with offsets into the article text (`text.slice(start, end) === sentence.text`). */
import type { Span } from '../model.ts';
import { ABBREVIATIONS } from './constants.ts';

/**
 * Splits at line breaks (paragraphs) and at `.`, `!`, `?` (plus closing quotes or brackets) followed by
 * white space and a capital, digit or opening quote, except after an abbreviation or an initial ("J.").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end])) end++;
    if (end < text.length && !/[ \t]/.test(text[end])) continue;
    let next = end;
    while (next < text.length && /[ \t]/.test(text[next])) next++;
    if (next < text.length && text[next] !== '\n' && !/[\p{Lu}\p{N}"'“‘(]/u.test(text[next])) continue;
    if (ch === '.' && endsWithAbbreviation(text, i)) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return spans;
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 0) return false;
  // A single capital initial: "J. Smith".
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[dot - 1])) return true;
  return ABBREVIATIONS.has(word);
}
