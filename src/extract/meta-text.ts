/**
 * Small text helpers of the metadata rules: entities a publisher escaped twice, and the keys under which
 * Readability.js-compatible tools read a page's meta tags.
 */

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/**
 * Decodes the entities left in a metadata value after the parser decoded it once (`&amp;quot;` arrives as
 * `&quot;`, `&amp;#x26;` as `&#x26;`): the five XML entities, `&nbsp;` and numeric references.
 */
export function decodeTitleEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:(quot|amp|apos|lt|gt|nbsp)|#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7}));/g, (whole, name?: string, hex?: string, dec?: string) => {
    if (name) return NAMED_ENTITIES[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** `property` values read as metadata keys (several may share one attribute: "og:title twitter:title"). */
const PROPERTY_KEY = /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/gi;
/** `name` values read as metadata keys when the `property` names none. */
const NAME_KEY = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i;

/**
 * The keys one `<meta>` declares in the common reading of Readability.js: every `prefix:field` in `property`,
 * else the `name` (Dublin Core's `DC.title` read as `dc:title`). Lowercased, without white space.
 */
export function declaredMetaKeys(property: string | undefined, name: string | undefined): string[] {
  if (property) {
    const keys = property.match(PROPERTY_KEY);
    if (keys) return keys.map((key) => key.toLowerCase().replace(/\s+/g, ''));
  }
  if (name && NAME_KEY.test(name)) return [name.toLowerCase().replace(/\s+/g, '').replace(/\./g, ':')];
  return [];
}
