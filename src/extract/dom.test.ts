import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collapseSpace, countNonSpaceUpTo } from './dom.ts';

/** Characters the white-space helpers must treat as `\s` does, with letters and look-alikes between them. */
const MIXED_CHARS = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2009', '\u2028', '\u3000', '\ufeff', '\u200b', 'a', 'Z', '-', '.'];
const mixedText = fc.array(fc.constantFrom(...MIXED_CHARS), { maxLength: 40 }).map((chars) => chars.join(''));

test('collapseSpace gives what a regex replace and trim give, tidy or not', () => {
  fc.assert(fc.property(mixedText, (text) => {
    assert.equal(collapseSpace(text), text.replace(/\s+/g, ' ').trim());
  }));
  assert.equal(collapseSpace('Jane Roe'), 'Jane Roe');
  assert.equal(collapseSpace('  Jane \n Roe\u00a0'), 'Jane Roe');
  assert.equal(collapseSpace('Jane\tRoe'), 'Jane Roe');
});

test('countNonSpaceUpTo counts what a regex strip leaves, capped at the limit', () => {
  fc.assert(fc.property(mixedText, fc.integer({ min: 0, max: 50 }), (text, limit) => {
    assert.equal(countNonSpaceUpTo(text, limit), Math.min(limit, text.replace(/\s+/g, '').length));
  }));
});
