/**
 * A small element tree built from htmlparser2's streaming events. No DOM library: the tree holds only what
 * the extractor reads, every walk over it is iterative (pages nest 20,000 deep without a stack overflow),
 * and the extractor keeps its per-element numbers in the nodes themselves.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { Deadline } from './deadline.ts';

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  /** Text nodes are strings (entities decoded, white space as written). */
  children: Array<HtmlElement | string>;
  parent: HtmlElement | null;
  /** Position in document order (0 = the root). */
  order: number;
  /** Order of the last element inside this one: `b` is inside `a` when a.order < b.order <= a.lastOrder. */
  lastOrder: number;
  /** Filled by the content scorer. */
  stats?: ElementStats;
}

export interface ElementStats {
  /** Characters of text (white space excluded) in the subtree, counting only kept descendants. */
  textChars: number;
  /** The part of textChars inside links. */
  linkChars: number;
  /** Commas in the kept text: a sign of prose. */
  commas: number;
  /** Characters of text directly in this element (not in child elements). */
  ownTextChars: number;
  /** Dropped by tag, attribute or class, itself or through an ancestor. */
  dropped: boolean;
  /** Content score given by the paragraphs below it; null when it never received any. */
  score: number | null;
  /** Characters of text in clean paragraphs (scored, mostly not links) in the subtree. */
  paragraphChars: number;
}

/** Raw text kept for these elements although they are otherwise not text (JSON-LD lives in a script). */
const KEEP_TEXT_OF_SCRIPT_TYPES = /ld\+json/i;

/** Elements whose text the tree never needs. */
const SKIPPED_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

export interface ParsedPage {
  root: HtmlElement;
  /** Every element in document order (root first). */
  elements: HtmlElement[];
}

/** Elements that never have content or a closing tag. */
const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const CLOSED_BY_BLOCK = new Set(['p']);
const HEADINGS_AND_P = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);

/** Open elements an opening tag closes when they are the current element (HTML's implied end tags). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])], ['p', CLOSED_BY_BLOCK],
  ['h1', HEADINGS_AND_P], ['h2', HEADINGS_AND_P], ['h3', HEADINGS_AND_P], ['h4', HEADINGS_AND_P],
  ['h5', HEADINGS_AND_P], ['h6', HEADINGS_AND_P], ['select', FORM_CONTROLS], ['input', FORM_CONTROLS],
  ['button', FORM_CONTROLS], ['textarea', FORM_CONTROLS], ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])], ['dd', new Set(['dd', 'dt'])], ['dt', new Set(['dd', 'dt'])],
  ['tbody', new Set(['thead', 'tbody'])], ['tfoot', new Set(['thead', 'tbody'])],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
    'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (tag) => [tag, CLOSED_BY_BLOCK] as [string, Set<string>],
  ),
]);

/**
 * How far down the stack of open elements a closing tag looks for its element. Browsers look all the way;
 * a bound keeps stray closing tags on a page nested thousands deep from costing depth x tags. 512 is far
 * more than the unclosed inline elements found between an element and its end tag on real pages.
 */
const MAX_CLOSE_SEARCH = 512;

/**
 * Parses HTML into the element tree with htmlparser2's tokenizer and an own tree builder: the builder keeps
 * its stack of open elements at the end of an array, so each tag costs constant time however deep the page
 * nests (htmlparser2's Parser shifts its stack from the front, which is quadratic on 20,000 nested divs).
 */
export function parseHtml(html: string, deadline: Deadline): ParsedPage {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: null, order: 0, lastOrder: 0 };
  const elements: HtmlElement[] = [root];
  const stack: HtmlElement[] = [root];
  let pending: HtmlElement | null = null;
  let attribName = '';
  let attribValue = '';
  // Elements whose text is skipped (script, style, ...) that are open, unless it is a JSON-LD script.
  let skippedDepth = 0;

  const current = (): HtmlElement => stack[stack.length - 1];
  const skipsText = (element: HtmlElement): boolean =>
    SKIPPED_TEXT_TAGS.has(element.tag) && !(element.tag === 'script' && KEEP_TEXT_OF_SCRIPT_TYPES.test(element.attrs.type ?? ''));
  const pop = (): void => {
    const element = stack.pop()!;
    element.lastOrder = elements.length - 1;
    if (skipsText(element)) skippedDepth = Math.max(0, skippedDepth - 1);
  };
  const appendText = (text: string): void => {
    if (skippedDepth > 0 || text === '') return;
    const parent = current();
    const last = parent.children[parent.children.length - 1];
    // The tokenizer delivers one text in pieces around entities: keep one string per run of text.
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  const openPending = (): void => {
    const element = pending;
    if (!element) return;
    pending = null;
    const parent = current();
    element.parent = parent;
    element.order = elements.length;
    elements.push(element);
    parent.children.push(element);
    if (VOID_TAGS.has(element.tag)) {
      element.lastOrder = element.order;
      return;
    }
    stack.push(element);
    if (skipsText(element)) skippedDepth++;
  };
  const slice = (start: number, end: number): string => html.slice(start, end);

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      deadline.tick();
      openPending();
      let tag = slice(start, end).toLowerCase();
      if (tag === 'image') tag = 'img';
      const closes = OPEN_IMPLIES_CLOSE.get(tag);
      if (closes) while (stack.length > 1 && closes.has(current().tag)) pop();
      pending = { tag, attrs: {}, children: [], parent: null, order: -1, lastOrder: -1 };
    },
    onattribname(start, end) {
      attribName = slice(start, end).toLowerCase();
      attribValue = '';
    },
    onattribdata(start, end) {
      attribValue += slice(start, end);
    },
    onattribentity(codepoint) {
      attribValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (pending && !Object.hasOwn(pending.attrs, attribName)) pending.attrs[attribName] = attribValue;
      attribValue = '';
    },
    onopentagend() {
      openPending();
    },
    onselfclosingtag() {
      // HTML ignores the slash (`<div/>` opens a div), except on void elements, which close anyway.
      openPending();
    },
    onclosetag(start, end) {
      deadline.tick();
      openPending();
      const tag = slice(start, end).toLowerCase();
      if (VOID_TAGS.has(tag)) {
        if (tag === 'br') {
          pending = { tag: 'br', attrs: {}, children: [], parent: null, order: -1, lastOrder: -1 };
          openPending();
        }
        return;
      }
      const lowest = Math.max(1, stack.length - MAX_CLOSE_SEARCH);
      for (let i = stack.length - 1; i >= lowest; i--) {
        if (stack[i].tag === tag) {
          while (stack.length > i) pop();
          return;
        }
      }
      if (tag === 'p') {
        // A stray </p> stands for an empty paragraph, as in browsers.
        pending = { tag: 'p', attrs: {}, children: [], parent: null, order: -1, lastOrder: -1 };
        openPending();
        pop();
      }
    },
    ontext(start, end) {
      openPending();
      appendText(slice(start, end));
    },
    ontextentity(codepoint) {
      appendText(String.fromCodePoint(codepoint));
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {
      openPending();
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  while (stack.length > 0) pop();
  return { root, elements };
}

/**
 * All text under an element, in order, joined as written (iterative). Stops after maxChars characters or
 * maxNodes visited nodes, so that reading a short label never walks a page nested thousands deep.
 */
export function textOf(element: HtmlElement, maxChars = Number.POSITIVE_INFINITY, maxNodes = Number.POSITIVE_INFINITY): string {
  let out = '';
  let visited = 0;
  const stack: Array<HtmlElement | string> = [element];
  while (stack.length > 0 && visited++ < maxNodes) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out += node;
      if (out.length >= maxChars) break;
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/** Collapses runs of white space to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const LEFTOVER_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', '#39': "'" };

/**
 * Decodes the common entities left in a value after the parser decoded it once: attribute values and
 * JSON-LD strings that were escaped twice by the publisher (`&amp;quot;` arrives as `&quot;`).
 */
export function decodeLeftoverEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|quot|apos|lt|gt|nbsp|#39);/g, (_, name: string) => LEFTOVER_ENTITIES[name]);
}

/** The element's class and id words, lowercased and split on non-letters (`top_ad-slot` -> top, ad, slot). */
export function classTokens(element: HtmlElement): string[] {
  const raw = `${element.attrs.class ?? ''} ${element.attrs.id ?? ''}`.toLowerCase();
  if (raw.trim() === '') return [];
  return raw.split(/[^a-z0-9]+/).filter((token) => token.length > 0);
}

/** Elements under (and including) an element, in document order (iterative). */
export function descendants(element: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack: HtmlElement[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return out;
}
