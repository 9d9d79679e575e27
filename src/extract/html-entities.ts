/**
 * Character references of HTML text and attribute values. The table holds the Latin-1 names, the
 * typographic and Greek names of HTML 4 and the punctuation names of HTML 5 that news pages use; an unknown
 * name stays as written (the text stays readable, and a wrong guess would be worse).
 */

/** Latin-1 entity names in code point order from U+00A0 (nbsp) to U+00FF (yuml). */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times ' +
  'Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave ' +
  'eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave ' +
  'uacute ucirc uuml yacute thorn yuml'
).split(' ');

const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega'.split(' ');

const OTHER_ENTITIES: Array<[string, number]> = [
  ['quot', 34], ['amp', 38], ['apos', 39], ['lt', 60], ['gt', 62], ['OElig', 338], ['oelig', 339], ['Scaron', 352],
  ['scaron', 353], ['Yuml', 376], ['Zcaron', 381], ['zcaron', 382], ['fnof', 402], ['circ', 710], ['tilde', 732],
  ['ensp', 8194], ['emsp', 8195], ['thinsp', 8201], ['zwnj', 8204], ['zwj', 8205], ['lrm', 8206], ['rlm', 8207],
  ['hyphen', 8208], ['dash', 8208], ['ndash', 8211], ['mdash', 8212], ['horbar', 8213], ['lsquo', 8216],
  ['rsquo', 8217], ['rsquor', 8217], ['sbquo', 8218], ['ldquo', 8220], ['rdquo', 8221], ['rdquor', 8221],
  ['bdquo', 8222], ['dagger', 8224], ['Dagger', 8225], ['bull', 8226], ['bullet', 8226], ['nldr', 8229],
  ['hellip', 8230], ['mldr', 8230], ['permil', 8240], ['prime', 8242], ['Prime', 8243], ['lsaquo', 8249],
  ['rsaquo', 8250], ['oline', 8254], ['frasl', 8260], ['euro', 8364], ['trade', 8482], ['TRADE', 8482],
  ['larr', 8592], ['uarr', 8593], ['rarr', 8594], ['darr', 8595], ['harr', 8596], ['rArr', 8658], ['lArr', 8656],
  ['minus', 8722], ['infin', 8734], ['asymp', 8776], ['ne', 8800], ['le', 8804], ['ge', 8805], ['sdot', 8901],
  ['hearts', 9829], ['check', 10003], ['star', 9734], ['starf', 9733], ['loz', 9674], ['sigmaf', 962],
  ['thetasym', 977], ['upsih', 978], ['piv', 982], ['NewLine', 10], ['Tab', 9], ['excl', 33], ['num', 35],
  ['dollar', 36], ['percnt', 37], ['lpar', 40], ['rpar', 41], ['ast', 42], ['midast', 42], ['plus', 43],
  ['comma', 44], ['period', 46], ['sol', 47], ['colon', 58], ['semi', 59], ['equals', 61], ['quest', 63],
  ['commat', 64], ['lsqb', 91], ['lbrack', 91], ['bsol', 92], ['rsqb', 93], ['rbrack', 93], ['Hat', 94],
  ['lowbar', 95], ['grave', 96], ['lcub', 123], ['lbrace', 123], ['verbar', 124], ['vert', 124], ['rcub', 125],
  ['rbrace', 125], ['nbsp', 160], ['deg', 176], ['half', 189], ['centerdot', 183], ['ccaron', 269], ['Ccaron', 268],
  ['rcaron', 345], ['ecaron', 283], ['scedil', 351], ['gbreve', 287], ['inodot', 305], ['imath', 305],
  ['lstrok', 322], ['Lstrok', 321], ['nacute', 324], ['sacute', 347], ['zacute', 378], ['zdot', 380],
  ['aogon', 261], ['eogon', 281], ['abreve', 259], ['tcedil', 355],
];

const NAMED = new Map<string, string>();
LATIN1_NAMES.forEach((name, i) => NAMED.set(name, String.fromCharCode(160 + i)));
GREEK_UPPER.forEach((name, i) => {
  if (name === '_') return;
  NAMED.set(name, String.fromCharCode(913 + i));
  NAMED.set(name.toLowerCase(), String.fromCharCode(945 + i));
});
for (const [name, code] of OTHER_ENTITIES) NAMED.set(name, String.fromCharCode(code));

/** Names browsers also read without the closing semicolon (the legacy references of HTML 5). */
const LEGACY_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'AMP', 'LT', 'GT', 'QUOT']);
NAMED.set('AMP', '&');
NAMED.set('LT', '<');
NAMED.set('GT', '>');
NAMED.set('QUOT', '"');

/** Numeric references 128-159 name Windows-1252 characters on real pages (`&#150;` is an en dash). */
const WINDOWS_1252: Record<number, number> = {
  128: 8364, 130: 8218, 131: 402, 132: 8222, 133: 8230, 134: 8224, 135: 8225, 136: 710, 137: 8240, 138: 352,
  139: 8249, 140: 338, 142: 381, 145: 8216, 146: 8217, 147: 8220, 148: 8221, 149: 8226, 150: 8211, 151: 8212,
  152: 732, 153: 8482, 154: 353, 155: 8250, 156: 339, 158: 382, 159: 376,
};

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

const HASH = 35, SEMICOLON = 59, LOWER_X = 120, UPPER_X = 88;
/** Longest numeric references read: 6 hex digits or 7 decimal ones (a longer run keeps its extra digits as text). */
const MAX_HEX_DIGITS = 6;
const MAX_DECIMAL_DIGITS = 7;
/** Longest entity name read (the longest HTML name is 31 characters after its first letter). */
const MAX_NAME_LENGTH = 32;

function isDecimalDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Where the reference last read by `referenceAt` ends (set instead of returning a pair: no allocation). */
let referenceEnd = 0;

/**
 * The character a reference starting with the `&` at `amp` stands for, or undefined when there is none there
 * (then the `&` is text). A numeric reference takes up to 6 hex or 7 decimal digits, a named one its whole run
 * of letters and digits (up to 32); either may end with a semicolon, which a name needs unless it is a legacy one.
 */
function referenceAt(text: string, amp: number): string | undefined {
  const n = text.length;
  let at = amp + 1;
  const first = text.charCodeAt(at);
  if (first === HASH) {
    at++;
    const marker = text.charCodeAt(at);
    const hex = marker === LOWER_X || marker === UPPER_X;
    const digitsStart = hex ? at + 1 : at;
    const maxDigits = hex ? MAX_HEX_DIGITS : MAX_DECIMAL_DIGITS;
    let end = digitsStart;
    while (end < n && end - digitsStart < maxDigits && (hex ? isHexDigit(text.charCodeAt(end)) : isDecimalDigit(text.charCodeAt(end)))) end++;
    if (end === digitsStart) return undefined;
    const code = parseInt(text.slice(digitsStart, end), hex ? 16 : 10);
    referenceEnd = text.charCodeAt(end) === SEMICOLON ? end + 1 : end;
    return fromCodePoint(code);
  }
  if (!isLetter(first)) return undefined;
  let end = at + 1;
  while (end < n && end - at < MAX_NAME_LENGTH) {
    const c = text.charCodeAt(end);
    if (!isLetter(c) && !isDecimalDigit(c)) break;
    end++;
  }
  if (end - at < 2) return undefined;
  const name = text.slice(at, end);
  const value = NAMED.get(name);
  if (value === undefined) return undefined;
  if (text.charCodeAt(end) === SEMICOLON) {
    referenceEnd = end + 1;
    return value;
  }
  if (!LEGACY_NAMES.has(name)) return undefined;
  referenceEnd = end;
  return value;
}

/** Decodes the character references of a text or attribute value (`&amp;`, `&#8217;`, `&#x2019;`, `&eacute;`). */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  // Scanned by hand: a regex replace calls back into script for every reference and was a large part of the
  // parser's garbage. Text not part of a decoded reference is copied in whole runs.
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    const value = referenceAt(text, amp);
    if (value === undefined) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    out += text.slice(copied, amp) + value;
    copied = referenceEnd;
    amp = text.indexOf('&', copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
