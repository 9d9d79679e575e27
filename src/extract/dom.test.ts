import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Deadline } from './deadline.ts';
import { collapseSpace, countNonSpaceUpTo, newAttributes, parseHtml, writtenAttributes } from './dom.ts';
import { PARSED_ATTRIBUTES } from './html-constants.ts';

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

test('every attribute name the parser reads is a field of newAttributes(), in the same order', () => {
  assert.deepEqual(Object.keys(newAttributes()), PARSED_ATTRIBUTES);
  const parsed = parseHtml('<div id="a" class="b" data-x="c" id="d"><time pubdate datetime="2024-05-03">x</time></div>', new Deadline(1000));
  assert.deepEqual(writtenAttributes(parsed.elements[1].attrs), { class: 'b', id: 'a' });
  assert.deepEqual(writtenAttributes(parsed.elements[2].attrs), { pubdate: '', datetime: '2024-05-03' });
  assert.equal(parsed.elements[1].attrs.style, undefined);
});
