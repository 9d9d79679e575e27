/**
 * A small element tree built by an own HTML scanner. No DOM library: the tree holds only what the
 * extractor reads, every walk over it is iterative (pages nest 20,000 deep without a stack overflow), and
 * the extractor keeps its per-element numbers in typed arrays indexed by the elements' document order.
 */
import type { Deadline } from './deadline.ts';
import { COMMON_TAGS, PARSED_ATTRIBUTES } from './html-constants.ts';
import { decodeEntities } from './html-entities.ts';

export interface HtmlElement {
  tag: string;
  /**
   * The attributes the extractor reads (PARSED_ATTRIBUTES in html-constants.ts: class, id, itemprop, href,
   * content, ...); the others (src, srcset, data-*, event handlers) are skipped while parsing. Add a name there
   * to read a new attribute.
   */
  attrs: ElementAttributes;
  /** Text nodes are strings (entities decoded, white space as written). */
  children: Array<HtmlElement | string>;
  parent: HtmlElement | null;
  /** Position in document order (0 = the root). */
  order: number;
  /** Order of the last element inside this one: `b` is inside `a` when a.order < b.order <= a.lastOrder. */
  lastOrder: number;
  /** Class and id words, filled on first use by classTokens. */
  tokens?: string[];
}

/**
 * The attributes the stage reads (the names of PARSED_ATTRIBUTES), each undefined when the element has none.
 * The parser gives an element one of two fixed layouts (see attributesOf): all the fields, or only `class`,
 * `id` and `href` when it has no other; a field a layout lacks reads as undefined. Two layouts keep the walks
 * that read `attrs.class` or `attrs.itemprop` on every element fast, where one per combination of attributes
 * written on the page would not.
 */
export interface ElementAttributes {
  class: string | undefined;
  id: string | undefined;
  href: string | undefined;
  style?: string;
  hidden?: string;
  'aria-hidden'?: string;
  role?: string;
  itemprop?: string;
  type?: string;
  rel?: string;
  content?: string;
  property?: string;
  name?: string;
  'http-equiv'?: string;
  lang?: string;
  datetime?: string;
  title?: string;
  pubdate?: string;
}

/** Attributes with none written (one literal: the engine copies it whole, in one fixed layout). */
export function newAttributes(): ElementAttributes {
  return {
    class: undefined, id: undefined, style: undefined, hidden: undefined, 'aria-hidden': undefined,
    role: undefined, itemprop: undefined, type: undefined, rel: undefined, href: undefined, content: undefined,
    property: undefined, name: undefined, 'http-equiv': undefined, lang: undefined, datetime: undefined,
    title: undefined, pubdate: undefined,
  };
}

/** The attributes an element has, as a plain object (for tests and debugging). */
export function writtenAttributes(attrs: ElementAttributes): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) out[name] = value;
  return out;
}

/** Elements whose text the tree never needs (a JSON-LD script keeps its text: metadata lives there). */
const SKIPPED_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * Elements whose content is raw text up to their end tag (no tags inside), as browsers with scripting read
 * them. `title` and `textarea` decode character references; the others are kept as written.
 */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'title', 'textarea', 'plaintext']);
const ESCAPABLE_RAW_TEXT_TAGS = new Set(['title', 'textarea']);

/** Elements whose content is never read (skipped to the end tag when there is one). */
const SKIPPED_CONTENT_TAGS = new Set(['svg', 'math', 'template']);

/** Elements that may stay in <head>; any other element (or text) closes the head, as in browsers. */
const HEAD_CONTENT_TAGS = new Set(['meta', 'link', 'title', 'script', 'style', 'noscript', 'base', 'template', 'basefont', 'bgsound']);

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

const TAB = 9, NEW_LINE = 10, FORM_FEED = 12, RETURN = 13, SPACE = 32, BANG = 33, DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39, SLASH = 47, EQUALS = 61, GT = 62, QUESTION = 63, LOWER_A = 97, LOWER_Z = 122, UPPER_A = 65, UPPER_Z = 90;

function isSpace(c: number): boolean {
  return c === SPACE || c === NEW_LINE || c === TAB || c === RETURN || c === FORM_FEED;
}

function isAsciiLetter(c: number): boolean {
  return (c >= LOWER_A && c <= LOWER_Z) || (c >= UPPER_A && c <= UPPER_Z);
}

/** Whether a text holds anything but white space. */
function hasNonSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Shared by the elements that have no attribute the stage reads / no children: a page has tens of thousands of
 * them, and one allocation fewer each is a good part of the parser's garbage. The empty list is frozen, so a
 * write to it fails loudly instead of leaking into other elements; the attributes are not (a frozen instance
 * gets a layout of its own, and every read of `attrs.class` would then see two), and only the parser writes
 * attributes, to an instance of its own.
 */
const NO_ATTRIBUTES: ElementAttributes = newAttributes();
const NO_CHILDREN = Object.freeze([]) as unknown as Array<HtmlElement | string>;

function newElement(tag: string, attrs: ElementAttributes): HtmlElement {
  // Every element gets the same fields in the same order (tokens included), so the engine sees one shape. The
  // children are set when the element closes (parseHtml); one without any keeps the shared empty list.
  return { tag, attrs, children: NO_CHILDREN, parent: null, order: -1, lastOrder: -1, tokens: undefined };
}

/**
 * A fixed list of lowercase names looked up at a position of the page without copying the name: the slot of a
 * name's length and first character holds the one or two entries that share both, each compared in place. One
 * slot probe instead of a scan over every name of that length (tags of two letters are many), and no hashing.
 */
class NameTable<T> {
  private readonly slots: Array<Array<{ name: string; value: T }> | undefined> = [];

  constructor(entries: Iterable<[string, T]>) {
    for (const [name, value] of entries) (this.slots[NameTable.slot(name.length, name.charCodeAt(0))] ??= []).push({ name, value });
  }

  private static slot(length: number, first: number): number {
    return first < 128 ? length * 128 + first : -1;
  }

  /** The entry of the name written at html[start, end) (any case when `upper` says capitals occur), else undefined. */
  find(html: string, start: number, end: number, upper: boolean): { name: string; value: T } | undefined {
    if (upper) {
      const lower = html.slice(start, end).toLowerCase();
      const slot = this.slots[NameTable.slot(lower.length, lower.charCodeAt(0))];
      if (slot) for (const entry of slot) if (entry.name === lower) return entry;
      return undefined;
    }
    const slot = this.slots[NameTable.slot(end - start, html.charCodeAt(start))];
    if (slot === undefined) return undefined;
    for (let k = 0; k < slot.length; k++) if (html.startsWith(slot[k].name, start)) return slot[k];
    return undefined;
  }
}

/**
 * What the parser needs to know of a tag, as bits read once per tag: a tag costs one table probe instead of a
 * lookup in each of the sets above.
 */
const VOID = 1, RAW_TEXT = 2, ESCAPABLE_RAW_TEXT = 4, SKIPPED_CONTENT = 8, HEAD_CONTENT = 16, SKIPPED_TEXT = 32;

interface TagFacts {
  flags: number;
  /** The open elements this tag's start tag closes when they are the current element. */
  closes: Set<string> | undefined;
}

function factsOf(tag: string): TagFacts {
  const flags = (VOID_TAGS.has(tag) ? VOID : 0) | (RAW_TEXT_TAGS.has(tag) ? RAW_TEXT : 0) |
    (ESCAPABLE_RAW_TEXT_TAGS.has(tag) ? ESCAPABLE_RAW_TEXT : 0) | (SKIPPED_CONTENT_TAGS.has(tag) ? SKIPPED_CONTENT : 0) |
    (HEAD_CONTENT_TAGS.has(tag) ? HEAD_CONTENT : 0) | (SKIPPED_TEXT_TAGS.has(tag) ? SKIPPED_TEXT : 0);
  return { flags, closes: OPEN_IMPLIES_CLOSE.get(tag) };
}

const KNOWN_TAG_NAMES = new Set([
  ...COMMON_TAGS, ...VOID_TAGS, ...RAW_TEXT_TAGS, ...SKIPPED_CONTENT_TAGS, ...HEAD_CONTENT_TAGS, ...SKIPPED_TEXT_TAGS,
  ...OPEN_IMPLIES_CLOSE.keys(), 'math', 'listing', 'image',
]);
/** Facts of every tag the rules above name (and the common ones); any other tag has none. */
const TAG_FACTS = new Map([...KNOWN_TAG_NAMES].map((tag) => [tag, factsOf(tag)] as [string, TagFacts]));
const PLAIN_TAG: TagFacts = { flags: 0, closes: undefined };
const TAG_TABLE = new NameTable(TAG_FACTS);

/** The lowercase tag name written at html[start, end) and its facts; `image` is read as `img`, as in browsers. */
function tagAt(html: string, start: number, end: number, upper: boolean): { name: string; value: TagFacts } {
  const known = TAG_TABLE.find(html, start, end, upper);
  if (known !== undefined) return known.name === 'image' ? IMG_ENTRY : known;
  const name = html.slice(start, end).toLowerCase();
  return { name, value: TAG_FACTS.get(name) ?? PLAIN_TAG };
}
const IMG_ENTRY = { name: 'img', value: TAG_FACTS.get('img')! };

/** Attribute names the parser keeps, with their position in PARSED_ATTRIBUTES (the index attributesOf reads). */
const ATTRIBUTE_TABLE = new NameTable(PARSED_ATTRIBUTES.map((name, index) => [name, index] as [string, number]));

/** Bits of PARSED_ATTRIBUTES positions: `class`, `id` and `href` are most of the attributes of a page. */
const LINK_ATTRIBUTES = (1 << PARSED_ATTRIBUTES.indexOf('class')) | (1 << PARSED_ATTRIBUTES.indexOf('id')) |
  (1 << PARSED_ATTRIBUTES.indexOf('href'));

/**
 * The attributes object of one element from the values read off its tag (`values[i]` for PARSED_ATTRIBUTES[i],
 * `written` the bits of those present). Two thirds of the elements with attributes have no other than class,
 * id and href: they get an object of those three fields (a third of the size of the full one), and the full
 * object's other fields read as undefined on it all the same. Both are literals of fixed field order, so the
 * engine sees two layouts in all.
 */
function attributesOf(values: Array<string | undefined>, written: number): ElementAttributes {
  if ((written & ~LINK_ATTRIBUTES) === 0) return { class: values[0], id: values[1], href: values[9] };
  return {
    class: values[0], id: values[1], style: values[2], hidden: values[3], 'aria-hidden': values[4], role: values[5],
    itemprop: values[6], type: values[7], rel: values[8], href: values[9], content: values[10], property: values[11],
    name: values[12], 'http-equiv': values[13], lang: values[14], datetime: values[15], title: values[16],
    pubdate: values[17],
  };
}

/**
 * Whether html at `at` spells the lowercase tag name `name` in any case, compared in place: a script holding
 * markup in its strings has hundreds of `</` that are not its end tag, and a copy for each was garbage.
 */
function matchesLowerName(html: string, at: number, name: string): boolean {
  if (at + name.length > html.length) return false;
  for (let k = 0; k < name.length; k++) {
    let c = html.charCodeAt(at + k);
    if (c >= UPPER_A && c <= UPPER_Z) c += LOWER_A - UPPER_A;
    if (c !== name.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Cuts the links between a page's elements once nothing reads the page any more. Elements of a large page
 * outlive a young-generation collection and move to the old generation, where they stay, dead, until the next
 * full collection; meanwhile every young element, list and string they still point to counts as alive at each
 * young-generation collection and is copied and promoted in turn. Emptying the links leaves nothing for the
 * dead tree to keep.
 */
export function releasePage(page: ParsedPage): void {
  for (const element of page.elements) {
    element.children = NO_CHILDREN;
    element.parent = null;
    element.attrs = NO_ATTRIBUTES;
    element.tokens = undefined;
  }
  page.elements.length = 0;
}

/**
 * Parses HTML into the element tree with an own scanner: text runs are found with `indexOf('<')`, script
 * and style bodies are skipped with `indexOf('</')`, and tags are read with character codes, so a page
 * costs about one pass over its bytes. The builder keeps its stack of open elements at the end of an array,
 * so each tag costs constant time however deep the page nests. It follows the HTML rules that matter for
 * extraction: void elements, implied end tags (`<p>` closed by a block, `<li>` by `<li>`), raw-text
 * elements, the head closed by the first body element, stray `</p>` and `</br>`.
 */
export function parseHtml(html: string, deadline: Deadline): ParsedPage {
  const root: HtmlElement = newElement('#root', newAttributes());
  root.order = 0;
  root.lastOrder = 0;
  const elements: HtmlElement[] = [root];
  const stack: HtmlElement[] = [root];
  // The children of the open elements, each run on top of its parent's, copied into an array of the exact size
  // when the element closes: an array grown by push would hold room for 17 children for the one or two most
  // elements have. `childStarts[k]` is where the children of stack[k] begin; entries past `pendingLength` are stale.
  const pending: Array<HtmlElement | string> = [];
  let pendingLength = 0;
  const childStarts: number[] = [0];
  const n = html.length;
  // Elements whose text is skipped (script, style, ...) that are open.
  let skippedDepth = 0;
  let headOpen = false;
  // Open <svg> and <math> elements (foreign content follows XML rules for self-closing tags).
  let foreignDepth = 0;
  // Open <pre> elements, inside which white space is kept as written.
  let preDepth = 0;
  // Attribute values of the start tag being read (see readStartTag).
  const attributeValues = new Array<string | undefined>(PARSED_ATTRIBUTES.length).fill(undefined);

  const current = (): HtmlElement => stack[stack.length - 1];
  const skipsText = (element: HtmlElement, flags: number): boolean =>
    (flags & SKIPPED_TEXT) !== 0 && !(element.tag === 'script' && /ld\+json/i.test(element.attrs.type ?? ''));
  // The next `&` of the page at or after `ampFrom` (n when there is none): a text or attribute value holds an
  // entity when it reaches that far. Values are read in document order, so one forward search serves them all.
  let ampFrom = 0;
  let ampAt = -1;
  const holdsAmpersand = (start: number, end: number): boolean => {
    if (start < ampFrom || ampAt < start) {
      ampFrom = start;
      ampAt = html.indexOf('&', start);
      if (ampAt < 0) ampAt = n;
    }
    return ampAt < end;
  };
  const pop = (): void => {
    const element = stack.pop()!;
    const start = childStarts.pop()!;
    if (pendingLength > start) element.children = pending.slice(start, pendingLength);
    pendingLength = start;
    element.lastOrder = elements.length - 1;
    if (element.tag === 'head') headOpen = false;
    else if (element.tag === 'pre' || element.tag === 'listing') preDepth--;
    else if (foreignDepth > 0 && (element.tag === 'svg' || element.tag === 'math')) foreignDepth--;
    if (skippedDepth > 0 && skipsText(element, (TAG_FACTS.get(element.tag) ?? PLAIN_TAG).flags)) skippedDepth--;
  };
  const closeHead = (): void => {
    if (!headOpen) return;
    for (let i = stack.length - 1; i >= 1; i--) {
      if (stack[i].tag === 'head') {
        while (stack.length > i) pop();
        return;
      }
    }
    headOpen = false;
  };
  const appendText = (text: string): void => {
    if (skippedDepth > 0 || text === '') return;
    const last = pendingLength > childStarts[childStarts.length - 1] ? pending[pendingLength - 1] : undefined;
    if (typeof last === 'string') pending[pendingLength - 1] = last + text;
    else pending[pendingLength++] = text;
  };
  const open = (element: HtmlElement, flags: number): void => {
    const parent = current();
    element.parent = parent;
    element.order = elements.length;
    elements.push(element);
    pending[pendingLength++] = element;
    if ((flags & VOID) !== 0) {
      element.lastOrder = element.order;
      return;
    }
    stack.push(element);
    childStarts.push(pendingLength);
    if (element.tag === 'head') headOpen = true;
    else if (element.tag === 'pre' || element.tag === 'listing') preDepth++;
    if (skipsText(element, flags)) skippedDepth++;
  };
  const closeTag = (tag: string, flags: number): void => {
    if ((flags & VOID) !== 0) {
      if (tag === 'br') open(newElement('br', NO_ATTRIBUTES), flags);
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
      open(newElement('p', NO_ATTRIBUTES), 0);
      pop();
    }
  };
  /** Finds the end tag of a raw-text element from `from`; returns [start of `</tag`, index after its `>`]. */
  const rawTextEnd = (tag: string, from: number): [number, number] => {
    let at = from;
    for (;;) {
      const lt = html.indexOf('</', at);
      if (lt < 0) return [n, n];
      const nameEnd = lt + 2 + tag.length;
      if (matchesLowerName(html, lt + 2, tag)) {
        const after = html.charCodeAt(nameEnd);
        if (nameEnd >= n || isSpace(after) || after === GT || after === SLASH) {
          const gt = html.indexOf('>', nameEnd);
          return [lt, gt < 0 ? n : gt + 1];
        }
      }
      at = lt + 2;
    }
  };
  const text = (start: number, end: number): void => {
    if (skippedDepth > 0) return;
    if (preDepth === 0) {
      // White space between tags (most text nodes of a page) becomes one shared space: no copy.
      let k = start;
      while (k < end && isSpace(html.charCodeAt(k))) k++;
      if (k === end) {
        appendText(' ');
        return;
      }
    }
    let raw = html.slice(start, end);
    if (headOpen && current().tag === 'head' && hasNonSpace(raw)) closeHead();
    if (holdsAmpersand(start, end)) raw = decodeEntities(raw);
    appendText(raw);
  };

  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(i, n);
      break;
    }
    if (lt > i) text(i, lt);
    const next = html.charCodeAt(lt + 1);
    if (isAsciiLetter(next)) {
      i = readStartTag(lt + 1);
    } else if (next === SLASH) {
      const first = html.charCodeAt(lt + 2);
      const gt = html.indexOf('>', lt + 2);
      const end = gt < 0 ? n : gt;
      if (isAsciiLetter(first)) {
        let nameEnd = lt + 3;
        let upper = first >= UPPER_A && first <= UPPER_Z;
        while (nameEnd < end) {
          const c = html.charCodeAt(nameEnd);
          if (isSpace(c) || c === SLASH) break;
          if (c >= UPPER_A && c <= UPPER_Z) upper = true;
          nameEnd++;
        }
        deadline.tick();
        const closed = tagAt(html, lt + 2, nameEnd, upper);
        closeTag(closed.name, closed.value.flags);
      }
      i = end + 1;
    } else if (next === BANG) {
      if (html.startsWith('--', lt + 2)) {
        // `<!-->` and `<!--->` are empty comments.
        let close = html.indexOf('-->', lt + 4);
        if (html.startsWith('>', lt + 4)) close = lt + 2;
        else if (html.startsWith('->', lt + 4)) close = lt + 3;
        i = close < 0 ? n : close + 3;
      } else {
        const gt = html.indexOf('>', lt + 2);
        i = gt < 0 ? n : gt + 1;
      }
    } else if (next === QUESTION) {
      const gt = html.indexOf('>', lt + 2);
      i = gt < 0 ? n : gt + 1;
    } else {
      // A `<` that opens no tag is text.
      appendText('<');
      i = lt + 1;
    }
  }
  while (stack.length > 0) pop();
  return { root, elements };

  /** Reads a start tag whose name begins at `at`; returns the index after it (and after a raw-text body). */
  function readStartTag(at: number): number {
    deadline.tick();
    let j = at;
    let upperTag = false;
    while (j < n) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === SLASH || c === GT) break;
      if (c >= UPPER_A && c <= UPPER_Z) upperTag = true;
      j++;
    }
    const { name: tag, value: facts } = tagAt(html, at, j, upperTag);
    const flags = facts.flags;
    // Values of the kept attributes, by position in PARSED_ATTRIBUTES; `written` has a bit for each one read.
    let written = 0;
    // Attributes.
    let selfClosing = false;
    for (;;) {
      let c = html.charCodeAt(j);
      while (j < n && (isSpace(c) || c === SLASH)) c = html.charCodeAt(++j);
      if (j >= n) break;
      if (c === GT) {
        selfClosing = html.charCodeAt(j - 1) === SLASH;
        j++;
        break;
      }
      const nameStart = j;
      let upper = c >= UPPER_A && c <= UPPER_Z;
      j++; // the first character may be `=`
      while (j < n) {
        c = html.charCodeAt(j);
        if (isSpace(c) || c === SLASH || c === GT || c === EQUALS) break;
        if (c >= UPPER_A && c <= UPPER_Z) upper = true;
        j++;
      }
      // Attributes nobody reads are scanned over without copying their name or value.
      const attribute = ATTRIBUTE_TABLE.find(html, nameStart, j, upper);
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      let value = '';
      if (html.charCodeAt(j) === EQUALS) {
        j++;
        while (j < n && isSpace(html.charCodeAt(j))) j++;
        const quote = html.charCodeAt(j);
        if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
          const close = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", j + 1);
          const end = close < 0 ? n : close;
          if (attribute !== undefined) {
            value = html.slice(j + 1, end);
            if (holdsAmpersand(j + 1, end)) value = decodeEntities(value);
          }
          j = end + 1;
        } else {
          const start = j;
          while (j < n) {
            c = html.charCodeAt(j);
            if (isSpace(c) || c === GT) break;
            j++;
          }
          if (attribute !== undefined) {
            value = html.slice(start, j);
            if (holdsAmpersand(start, j)) value = decodeEntities(value);
          }
        }
      }
      // The first of a repeated attribute wins, as in browsers.
      if (attribute !== undefined && (written & (1 << attribute.value)) === 0) {
        attributeValues[attribute.value] = value;
        written |= 1 << attribute.value;
      }
    }
    let attrs = NO_ATTRIBUTES;
    if (written !== 0) {
      attrs = attributesOf(attributeValues, written);
      attributeValues.fill(undefined);
    }

    if (headOpen && (flags & HEAD_CONTENT) === 0 && tag !== 'head' && tag !== 'html') closeHead();
    if (tag === 'body') closeHead();
    const closes = facts.closes;
    if (closes) while (stack.length > 1 && closes.has(current().tag)) pop();
    const element = newElement(tag, attrs);
    open(element, flags);
    if ((flags & SKIPPED_CONTENT) !== 0 && !selfClosing) {
      // Nothing inside an inline SVG icon, a formula or a template is read: skip to the end tag in one
      // search (icons repeat their paths hundreds of times on some pages).
      const [endStart, after] = rawTextEnd(tag, j);
      if (endStart < n) {
        if (current() === element) pop();
        return after;
      }
    }
    if (foreignDepth > 0 || tag === 'svg' || tag === 'math') {
      // Inside SVG and MathML a self-closing tag closes, and `<title>` or `<style>` hold markup, not raw text.
      if (tag === 'svg' || tag === 'math') foreignDepth++;
      if (selfClosing && current() === element) pop();
      return j;
    }
    if ((flags & RAW_TEXT) === 0) return j;
    // Raw text: the body runs to the matching end tag.
    const [endStart, after] = tag === 'plaintext' ? [n, n] : rawTextEnd(tag, j);
    if (skippedDepth === 0 && endStart > j) {
      const body = html.slice(j, endStart);
      // The element is the current one: its body is its only child.
      pending[pendingLength++] = (flags & ESCAPABLE_RAW_TEXT) !== 0 ? decodeEntities(body) : body;
    }
    if (current() === element) pop();
    return after;
  }
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

/**
 * A copy of a string that does not hold on to the page it was read from. The engine keeps a substring of 13+
 * characters as a view into its parent, so a cross-page cache keyed by a class name read off a page would keep
 * that whole page in memory; the concatenation is flattened into a new string when sliced.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Whether a character code is white space as `\s` reads it (ASCII and Unicode spaces, line separators, BOM). */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= TAB && c <= RETURN);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Characters of a text that are not white space (as `\s` reads it), counted up to `limit`. */
export function countNonSpaceUpTo(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++) if (!isJsSpace(text.charCodeAt(i))) count++;
  return count;
}

/** Collapses runs of white space to one space and trims. */
export function collapseSpace(text: string): string {
  // Most labels are already collapsed: one scan instead of a regex replace that copies them.
  const n = text.length;
  if (n === 0) return text;
  let tidy = !isJsSpace(text.charCodeAt(0)) && !isJsSpace(text.charCodeAt(n - 1));
  for (let i = 1; tidy && i < n; i++) {
    const c = text.charCodeAt(i);
    if (isJsSpace(c) && (c !== SPACE || isJsSpace(text.charCodeAt(i - 1)))) tidy = false;
  }
  return tidy ? text : text.replace(/\s+/g, ' ').trim();
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
  if (element.tokens) return element.tokens;
  const cls = element.attrs.class;
  const id = element.attrs.id;
  let tokens: string[] = [];
  if (cls || id) {
    const raw = cls && id ? `${cls} ${id}` : (cls ?? id ?? '');
    tokens = raw.toLowerCase().split(/[^a-z0-9]+/).filter((token) => token.length > 0);
  }
  element.tokens = tokens;
  return tokens;
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
