/**
 * Pages in the encodings of the world's news sites come out as the right text: each fixture is a short
 * fictional news page built here as bytes (iconv-lite encodes it), decoded through every way a charset can
 * be given (HTTP header, byte-order mark, `<meta charset>`, `http-equiv`, nothing at all), and extracted
 * through `crosscheck extract`, with its title and a body sentence compared exactly.
 *
 * Wrong declarations, decided (see decodeText in src/cli/inputs.ts): bytes that are valid UTF-8 are read as
 * UTF-8 whatever the page declares; a declaration the bytes contradict (meta says UTF-8, bytes are
 * windows-1251; meta says KOI8-R, bytes are windows-1251) gives way to the encoding whose text reads as a
 * language; bytes that no encoding reads plausibly (Latin-1 mixed with UTF-8) are rejected as `invalid_utf8`
 * rather than passed on as mojibake.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodePage, decodeText, rankEncodings } from '../src/cli/inputs.ts';
import { extractArticle } from '../src/extract/index.ts';
import { PipelineError } from '../src/model.ts';
import { runCli, tempDir } from './helpers.ts';

/** A fictional news page in one language. */
interface Story {
  lang: string;
  title: string;
  /** Two paragraphs; the first is compared exactly. */
  body: [string, string];
}

const RUSSIAN: Story = {
  lang: 'ru',
  title: 'В Верхнеозёрске открыли новый мост через реку Тихая',
  body: [
    'Мэр Верхнеозёрска Аркадий Полесов во вторник открыл новый мост через реку Тихая.',
    'По словам мэра, строительство заняло два года и обошлось городу в 40 миллионов рублей, а жители давно ждали этого события.',
  ],
};

const JAPANESE: Story = {
  lang: 'ja',
  title: '北浜市に新しい図書館が開館',
  body: [
    '北浜市の新しい図書館が月曜日に開館し、市長の山辺花子氏が式典で挨拶した。',
    '図書館には約十二万冊の本が並び、初日には千人以上の市民が訪れたという。',
  ],
};

const CHINESE_SIMPLIFIED: Story = {
  lang: 'zh',
  title: '青岚市第一条地铁线正式开通',
  body: [
    '青岚市的第一条地铁线于星期一正式开通，市长林若海在仪式上表示，这条线路将大大方便市民的出行。',
    '全线共有十四个车站，每天预计可运送二十万名乘客。',
  ],
};

const CHINESE_TRADITIONAL: Story = {
  lang: 'zh-Hant',
  title: '雲港市元宵燈會週六開幕',
  body: [
    '雲港市今年的元宵燈會於週六晚上開幕，市長陳明遠表示，這次燈會共展出三百多座花燈。',
    '主辦單位說，預計將有超過五十萬人次前來參觀。',
  ],
};

const KOREAN: Story = {
  lang: 'ko',
  title: '하늘시에 새 다리 개통',
  body: [
    '하늘시의 새 다리가 화요일에 개통되었다고 시장 김도윤이 밝혔다.',
    '이 다리는 강 양쪽의 마을을 잇는 첫 번째 다리로, 공사에는 삼 년이 걸렸다.',
  ],
};

const ARABIC: Story = {
  lang: 'ar',
  title: 'افتتاح مستشفى جديد في مدينة الوادي الأخضر',
  body: [
    'افتتح رئيس بلدية مدينة الوادي الأخضر سامر الحداد يوم الأحد مستشفى جديدا يضم مئتي سرير.',
    'وقال إن المستشفى سيخدم أكثر من خمسين ألف نسمة في المنطقة.',
  ],
};

const HINDI: Story = {
  lang: 'hi',
  title: 'नीलपुर में नदी पर नया पुल खुला',
  body: [
    'नीलपुर के महापौर अरविंद मेहता ने मंगलवार को नदी पर बने नए पुल का उद्घाटन किया।',
    'उन्होंने कहा कि पुल के निर्माण में दो साल लगे और इसकी लागत चालीस करोड़ रुपये रही।',
  ],
};

const FRENCH: Story = {
  lang: 'fr',
  title: 'Valbrume inaugure une nouvelle école de musique',
  body: [
    'Le maire de Valbrume a inauguré mardi une nouvelle école de musique près de la gare.',
    '« Ce projet a coûté très cher, mais il était attendu », a déclaré Élodie Marchand, qui préside le conseil régional.',
  ],
};

/** How the page declares its charset inside the markup. */
type Declaration = { meta: string } | { httpEquiv: string } | null;

function pageHtml(story: Story, declaration: Declaration): string {
  const decl =
    declaration === null
      ? ''
      : 'meta' in declaration
        ? `<meta charset="${declaration.meta}">`
        : `<meta http-equiv="Content-Type" content="text/html; charset=${declaration.httpEquiv}">`;
  return (
    `<!DOCTYPE html>\n<html lang="${story.lang}"><head>${decl}\n<title>${story.title}</title></head>\n` +
    `<body><article><h1>${story.title}</h1>\n<p>${story.body[0]}</p>\n<p>${story.body[1]}</p></article></body></html>\n`
  );
}

function encode(text: string, encoding: string, bom = false): Buffer {
  const bytes = iconv.encode(text, encoding);
  // The fixture must be representable: a character the encoding lacks would be a broken fixture, not a test.
  assert.equal(iconv.decode(bytes, encoding), text, `fixture not representable in ${encoding}`);
  if (!bom) return bytes;
  const marks: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };
  return Buffer.concat([Buffer.from(marks[encoding]), bytes]);
}

/** One page as bytes, the way it was declared, and what its decoding must give. */
interface Fixture {
  name: string;
  story: Story;
  bytes: Buffer;
  /** The HTTP Content-Type charset, when the page was "fetched". */
  header?: string;
  encoding: string;
  rule: string;
}

function fixture(name: string, story: Story, encoding: string, declaration: Declaration, expect: { encoding?: string; rule: string; bom?: boolean; header?: string }): Fixture {
  return {
    name,
    story,
    bytes: encode(pageHtml(story, declaration), encoding, expect.bom),
    header: expect.header,
    encoding: expect.encoding ?? encoding,
    rule: expect.rule,
  };
}

/** Every fixture decodes to its page: the charset given each supported way, and sniffed when none is. */
const FIXTURES: Fixture[] = [
  // Declared in the markup.
  fixture('ru-1251-meta', RUSSIAN, 'windows-1251', { meta: 'windows-1251' }, { rule: 'meta' }),
  fixture('ru-koi8-http-equiv', RUSSIAN, 'koi8-r', { httpEquiv: 'KOI8-R' }, { rule: 'meta' }),
  fixture('ja-sjis-meta', JAPANESE, 'cp932', { meta: 'Shift_JIS' }, { rule: 'meta' }),
  fixture('zh-gb18030-http-equiv', CHINESE_SIMPLIFIED, 'gb18030', { httpEquiv: 'gb2312' }, { rule: 'meta' }),
  fixture('ko-euckr-meta', KOREAN, 'cp949', { meta: 'euc-kr' }, { rule: 'meta' }),
  fixture('zh-big5-meta', CHINESE_TRADITIONAL, 'big5hkscs', { meta: 'big5' }, { rule: 'meta' }),
  fixture('ar-1256-meta', ARABIC, 'windows-1256', { meta: 'windows-1256' }, { rule: 'meta' }),
  // Declared only by the HTTP header.
  fixture('ru-1251-header', RUSSIAN, 'windows-1251', null, { rule: 'http-header', header: 'windows-1251' }),
  fixture('ja-sjis-header', JAPANESE, 'cp932', null, { rule: 'http-header', header: 'shift_jis' }),
  fixture('ar-1256-header', ARABIC, 'windows-1256', null, { rule: 'http-header', header: 'cp1256' }),
  // The header outranks the meta (both true here, but the meta names a sibling label).
  fixture('ru-koi8-header-over-meta', RUSSIAN, 'koi8-r', { meta: 'koi8-u' }, { rule: 'http-header', header: 'koi8-r' }),
  // Byte-order marks.
  fixture('hi-utf8-bom', HINDI, 'utf-8', null, { rule: 'bom', bom: true }),
  fixture('hi-utf16le-bom', HINDI, 'utf-16le', null, { rule: 'bom', bom: true }),
  fixture('hi-utf16be-bom', HINDI, 'utf-16be', null, { rule: 'bom', bom: true }),
  fixture('ar-utf16le-bom', ARABIC, 'utf-16le', null, { rule: 'bom', bom: true }),
  // Plain UTF-8, declared or not.
  fixture('hi-utf8-plain', HINDI, 'utf-8', null, { rule: 'utf8' }),
  fixture('ja-utf8-meta', JAPANESE, 'utf-8', { meta: 'utf-8' }, { rule: 'utf8' }),
  // UTF-16 without a BOM: recognised by the NUL byte of every ASCII character of the markup.
  fixture('fr-utf16le-no-bom', FRENCH, 'utf-16le', null, { rule: 'utf16-pattern' }),
  fixture('fr-utf16be-no-bom', FRENCH, 'utf-16be', null, { rule: 'utf16-pattern' }),
  // Nothing declared: sniffed.
  fixture('ru-1251-sniffed', RUSSIAN, 'windows-1251', null, { rule: 'sniffed' }),
  fixture('ru-koi8-sniffed', RUSSIAN, 'koi8-r', null, { rule: 'sniffed' }),
  fixture('ja-sjis-sniffed', JAPANESE, 'cp932', null, { rule: 'sniffed' }),
  fixture('zh-gb18030-sniffed', CHINESE_SIMPLIFIED, 'gb18030', null, { rule: 'sniffed' }),
  fixture('zh-big5-sniffed', CHINESE_TRADITIONAL, 'big5hkscs', null, { rule: 'sniffed' }),
  fixture('ko-euckr-sniffed', KOREAN, 'cp949', null, { rule: 'sniffed' }),
  fixture('ar-1256-sniffed', ARABIC, 'windows-1256', null, { rule: 'sniffed' }),
  fixture('fr-1252-sniffed', FRENCH, 'windows-1252', null, { rule: 'sniffed' }),
  // Wrong declarations: readable text, never mojibake.
  fixture('ru-1251-meta-says-utf8', RUSSIAN, 'windows-1251', { meta: 'utf-8' }, { rule: 'sniffed' }),
  fixture('ru-utf8-meta-says-1251', RUSSIAN, 'utf-8', { meta: 'windows-1251' }, { rule: 'utf8' }),
  fixture('ru-1251-meta-says-koi8', RUSSIAN, 'windows-1251', { meta: 'koi8-r' }, { rule: 'sniffed' }),
  fixture('ru-koi8-header-says-1251', RUSSIAN, 'koi8-r', null, { rule: 'sniffed', header: 'windows-1251' }),
  fixture('ja-sjis-meta-says-gbk', JAPANESE, 'cp932', { meta: 'gbk' }, { rule: 'sniffed' }),
  fixture('ko-euckr-header-says-big5', KOREAN, 'cp949', null, { rule: 'sniffed', header: 'big5' }),
  fixture('ar-1256-meta-says-base64', ARABIC, 'windows-1256', { meta: 'base64' }, { rule: 'sniffed' }),
  fixture('zh-gb-meta-says-utf7', CHINESE_SIMPLIFIED, 'gb18030', { meta: 'utf-7' }, { rule: 'sniffed' }),
  fixture('fr-1252-header-says-utf16', FRENCH, 'windows-1252', null, { rule: 'sniffed', header: 'utf-16' }),
];

describe('decodePage: each way a charset is given', () => {
  for (const f of FIXTURES) {
    test(f.name, () => {
      const decoded = decodePage(f.bytes, f.name, 'html', f.header ?? null);
      assert.equal(decoded.encoding, f.encoding, `encoding of ${f.name}; ranking: ${JSON.stringify(rankEncodings(f.bytes).slice(0, 3))}`);
      assert.equal(decoded.rule, f.rule);
      assert.ok(decoded.text.includes(`<title>${f.story.title}</title>`), decoded.text.slice(0, 300));
      assert.ok(decoded.text.includes(f.story.body[1]));
      assert.ok(!decoded.text.includes('\ufffd'), 'no replacement characters');
    });
  }
});

describe('extraction through the header charset (decodeText 4th argument)', () => {
  for (const f of FIXTURES.filter((x) => x.header)) {
    test(f.name, () => {
      const content = decodeText(f.bytes, f.name, 'html', f.header);
      const article = extractArticle({ input: f.name, kind: 'html', content });
      assert.equal(article.title, f.story.title);
      assert.ok(article.text.includes(f.story.body[0]), article.text);
    });
  }
});

describe('scraped text files are sniffed too', () => {
  test('a windows-1251 .txt and a Shift_JIS .txt', () => {
    for (const [story, encoding] of [[RUSSIAN, 'windows-1251'], [JAPANESE, 'cp932']] as const) {
      const text = `${story.title}\n\n${story.body[0]}\n\n${story.body[1]}\n`;
      const decoded = decodePage(encode(text, encoding), 'page.txt', 'text');
      assert.equal(decoded.text, text);
      assert.equal(decoded.encoding, encoding);
    }
  });
});

/** Bytes no single encoding reads: the input is refused with a clear error, not passed on as mojibake. */
const UNDECODABLE: Array<[string, Buffer]> = [
  ['latin1 mixed with utf-8', Buffer.concat([Buffer.from('<p>Caf'), Buffer.from([0xe9]), Buffer.from(' au lait, naïvely encoded, and a résumé.</p>')])],
  ['windows-1251 mixed with utf-8', Buffer.concat([iconv.encode('<p>Мэр Полесов открыл мост ', 'windows-1251'), Buffer.from('через реку Тихая, сообщили в мэрии.</p>')])],
  ['stray control-range bytes', Buffer.concat([Buffer.from('<p>The council met on Monday'), Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]), Buffer.from(' and voted.</p>')])],
];

describe('undecodable bytes', () => {
  for (const [name, bytes] of UNDECODABLE) {
    test(`${name}: invalid_utf8`, () => {
      assert.throws(
        () => decodeText(bytes, name, 'html'),
        (err: unknown) => err instanceof PipelineError && err.code === 'invalid_utf8' && /not valid UTF-8.*offset \d+/.test(err.message),
      );
    });
  }
  test('a long UTF-8 page with one stray byte is read, the byte as U+FFFD (utf8-lossy)', () => {
    const paragraph = '<p>Die Gemeinde Lindenau öffnet die Brücke über die Weißach am Montag wieder für den Verkehr.</p>\n';
    const bytes = Buffer.concat([Buffer.from(`<meta charset="utf-8">${paragraph.repeat(150)}`), Buffer.from([0xe9]), Buffer.from(paragraph.repeat(150))]);
    const decoded = decodePage(bytes, 'long.html', 'html');
    assert.equal(decoded.rule, 'utf8-lossy');
    assert.equal(decoded.text.split('\ufffd').length - 1, 1);
    assert.ok(decoded.text.includes('Brücke über die Weißach'));
  });
  test('a UTF-8 declaration the bytes contradict is named in the error', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>Caf'), Buffer.from([0xe9]), Buffer.from(' naïvely</p>')]);
    assert.throws(() => decodeText(bytes, 'x.html', 'html'), /declares utf-8 but is not valid UTF-8/);
  });
  test('binary behind a UTF-16 byte-order mark is binary', () => {
    // Deterministic noise (a linear congruential sequence), as an image or archive would hold.
    let seed = 12345;
    const noise = Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(noise)]);
    assert.throws(() => decodeText(bytes, 'x.html', 'html'), (err: unknown) => err instanceof PipelineError && err.code === 'binary');
  });
});

describe('crosscheck extract on every fixture', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir('crosscheck-enc-');
    // The CLI has no HTTP header: fixtures declared only by one are written without it (and must be sniffed).
    for (const f of FIXTURES) await writeFile(join(dir, `${f.name}.html`), f.bytes);
    for (const [i, [, bytes]] of UNDECODABLE.entries()) await writeFile(join(dir, `zz-undecodable-${i}.html`), bytes);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('title and first body sentence come out exactly; undecodable bytes are invalid_utf8', async () => {
    const r = await runCli(['extract', ...FIXTURES.map((f) => join(dir, `${f.name}.html`)), ...UNDECODABLE.map((_, i) => join(dir, `zz-undecodable-${i}.html`))]);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.lines.length, FIXTURES.length + UNDECODABLE.length);
    for (const [i, f] of FIXTURES.entries()) {
      const line = r.lines[i];
      assert.ok(line.input.endsWith(`${f.name}.html`));
      assert.equal(line.ok, true, `${f.name}: ${JSON.stringify(line.error)}`);
      assert.equal(line.title, f.story.title, f.name);
      assert.ok(line.text.includes(f.story.body[0]), `${f.name}: ${line.text}`);
      assert.ok(!line.text.includes('\ufffd'), f.name);
    }
    for (const line of r.lines.slice(FIXTURES.length)) {
      assert.equal(line.ok, false);
      assert.equal(line.error.code, 'invalid_utf8', JSON.stringify(line));
    }
  });
});
