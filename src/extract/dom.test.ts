import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Deadline } from './deadline.ts';
import { collapseSpace, countNonSpaceUpTo, newAttributes, parseHtml, releasePage, writtenAttributes, type ElementAttributes } from './dom.ts';
import { PARSED_ATTRIBUTES } from './html-constants.ts';
import { decodeEntities } from './html-entities.ts';

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

test('all parsed attributes of one element read back, whatever order they are written in', () => {
  const names = [...PARSED_ATTRIBUTES].reverse();
  const tag = `<span ${names.map((name, i) => `${name}="v${i}"`).join(' ')}>x</span>`;
  const attrs = parseHtml(tag, new Deadline(1000)).elements[1].attrs;
  const expected = Object.fromEntries(names.map((name, i) => [name, `v${i}`]));
  assert.deepEqual(writtenAttributes(attrs), expected);
  for (const name of PARSED_ATTRIBUTES) assert.equal(attrs[name as keyof ElementAttributes], expected[name]);
  assert.equal(attrs['aria-hidden'], expected['aria-hidden']);
  assert.equal(attrs['http-equiv'], expected['http-equiv']);
});

test('a repeated attribute keeps its first value, rare ones included', () => {
  const page = parseHtml(
    '<a href="/first" title="One" rel="author" href="/second" class="c1" title="Two" class="c2" rel="tag">Wren Alder</a>',
    new Deadline(1000),
  );
  assert.deepEqual(writtenAttributes(page.elements[1].attrs), { class: 'c1', rel: 'author', href: '/first', title: 'One' });
  const meta = parseHtml('<meta content="later" name="kestrel:byline" content="ignored" property="og:title">', new Deadline(1000));
  const attrs = meta.elements.find((element) => element.tag === 'meta')!.attrs;
  assert.equal(attrs.content, 'later');
  assert.equal(attrs.name, 'kestrel:byline');
  assert.equal(attrs.property, 'og:title');
  assert.equal(attrs.itemprop, undefined);
});

test('upper-case tag and attribute names read as lower case; values keep their case and decode entities', () => {
  const page = parseHtml(
    '<DIV CLASS="Lead Story" ID=Top ItemProp="articleBody" ARIA-HIDDEN=false><META HTTP-EQUIV="Content-Language" CONTENT="en&amp;fr"></DIV>',
    new Deadline(1000),
  );
  const div = page.elements.find((element) => element.tag === 'div')!;
  assert.deepEqual(writtenAttributes(div.attrs), { class: 'Lead Story', id: 'Top', 'aria-hidden': 'false', itemprop: 'articleBody' });
  const meta = page.elements.find((element) => element.tag === 'meta')!;
  assert.equal(meta.attrs['http-equiv'], 'Content-Language');
  assert.equal(meta.attrs.content, 'en&fr');
  const link = parseHtml('<p><a href="/q?a=1&amp;b=&#50;&#x33;&eacute" title="caf&eacute; &#8217;n&rsquo;">t</a></p>', new Deadline(1000)).elements.find((element) => element.tag === 'a')!;
  assert.equal(link.attrs.href, '/q?a=1&b=23&eacute');
  assert.equal(link.attrs.title, 'café ’n’');
});

/**
 * The reference decoder as a regex replace (how it was first written): the hand scanner must give the same text
 * for any input, including malformed and overlong references.
 */
const REFERENCE_PATTERN = /&(?:#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;
function decodeByRegex(text: string): string {
  return text.replace(REFERENCE_PATTERN, (whole: string, numeric: string | undefined, name: string | undefined, semicolon: string) => {
    if (numeric !== undefined) {
      const code = numeric[0] === 'x' || numeric[0] === 'X' ? parseInt(numeric.slice(1), 16) : parseInt(numeric, 10);
      // Decoded alone, through the scanner, so the oracle checks the scanning and not the code point table.
      return decodeEntities(`&#${code};`);
    }
    const alone = decodeEntities(`&${name};`);
    if (alone === `&${name};`) return whole;
    return semicolon === '' ? decodeEntities(`&${name}`) : alone;
  });
}

const ENTITY_PIECES = ['&', '#', 'x', 'X', ';', '0', '1', '9', 'a', 'F', 'amp', 'AMP', 'eacute', 'nbsp', 'copy', 'rsquo', 'hellip', ' ', 'é', 'zz'];

test('decodeEntities matches the regex decoder on any mix of references, malformed ones included', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...ENTITY_PIECES), { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
    assert.equal(decodeEntities(text), decodeByRegex(text));
  }), { numRuns: 2000 });
});

test('decodeEntities reads numeric, named and legacy references as browsers mostly do', () => {
  assert.equal(decodeEntities('Caf&eacute; &amp; bar &#8217;s &#x2019;&#X2019; &#150; &#0; &#1234567890'), 'Café & bar ’s ’’ – \ufffd \ufffd890');
  assert.equal(decodeEntities('a &amp b &eacute c &copy d &unknown; e &#; f &#x; g &'), 'a & b &eacute c © d &unknown; e &#; f &#x; g &');
  assert.equal(decodeEntities('&ampx; &AMP; &a; &lt;&gt;&quot;'), '&ampx; & &a; <>"');
  assert.equal(decodeEntities(`&${'a'.repeat(40)};`), `&${'a'.repeat(40)};`);
  assert.equal(decodeEntities('no references'), 'no references');
});

test('a released page keeps no link from one element to another, to its attributes or to its text', () => {
  const page = parseHtml('<html><body><div class="story" id="main"><p>First <a href="/x">link</a> text.</p><p>Second.</p></div></body></html>', new Deadline(1000));
  const elements = [...page.elements];
  assert.ok(elements.length >= 6);
  assert.ok(elements.some((element) => element.children.length > 0 && element.attrs.class === 'story'));
  releasePage(page);
  assert.equal(page.elements.length, 0);
  for (const element of elements) {
    assert.equal(element.children.length, 0);
    assert.equal(element.parent, null);
    assert.deepEqual(writtenAttributes(element.attrs), {});
    assert.equal(element.tokens, undefined);
  }
});
