/**
 * Renders an HTML page to the text a scraper saves (what `innerText` of the body gives): visible text only,
 * one block per line. Used to derive scraped-text evaluation pages from the HTML dev sets.
 */
import { Parser } from 'htmlparser2';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul', 'button', 'option', 'label', 'details', 'summary', 'caption',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function pageText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let skipDepth = 0;
  const stack: boolean[] = []; // whether each open element started a skipped region
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const hidden = 'hidden' in attrs || attrs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '');
        const skip = SKIPPED.has(name) || hidden;
        if (BLOCKS.has(name)) flush();
        if (VOID.has(name)) return;
        stack.push(skip);
        if (skip) skipDepth++;
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
      onclosetag(name, implied) {
        if (BLOCKS.has(name)) flush();
        if (VOID.has(name)) return;
        if (stack.pop()) skipDepth--;
        void implied;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join('\n');
}
