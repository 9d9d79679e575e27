/**
 * HTML building for the server-rendered pages. Every stored value is untrusted (it comes from scraped news
 * pages), so text reaches the page only through `html` below, which escapes every interpolated value unless
 * it is already a SafeHtml produced by `html` itself.
 */

/** A fragment of HTML known to be safe: built by `html`, never from a raw string. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: `html\`<p>${text}</p>\`` escapes `text`. Arrays are joined, null/undefined/false render
 * nothing, nested `html` fragments are kept as they are. Attribute values must be written in double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let index = 0; index < values.length; index++) {
    out += renderValue(values[index]) + strings[index + 1];
  }
  return new SafeHtml(out);
}

/**
 * A link target for a stored URL, or null when it is not plain http(s): escaping alone would let a
 * `javascript:` URL through.
 */
export function safeExternalHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
