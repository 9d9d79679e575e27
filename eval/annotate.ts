/**
 * Annotation quality on the development sets in ../shared/data, beside the anchors' published scores:
 *   - CoNLL-2003 valid: the trained tagger alone (exact span and type, conlleval), overall and per type;
 *   - TempEval-3 train (TimeBank + AQUAINT): time spans (strict and relaxed F1) and TIMEX3 values of
 *     the relaxed matches, with each file's DCT as the reference date;
 *   - Microsoft Recognizers-Text English specs (DateTime): share of expected date/time spans found
 *     (extractor files) and of expected values produced (parser files);
 *   - quantulum3's test sentences: share of expected quantities with the same value and unit (mapping
 *     documented at QUANTULUM_UNITS).
 * Nothing is copied from the data: every file is read at run time.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { annotate } from '../src/annotate/index.ts';
import { evaluateConll, loadNerModel } from '../src/annotate/ner/index.ts';
import type { Quantity, TimeExpression } from '../src/model.ts';
import { dataPath, hasData, readText } from './data.ts';
import { fmt, prf } from './metrics.ts';
import type { EvalRow, EvalSuite } from './types.ts';

// ---------------------------------------------------------------------------------------------------
// TempEval-3

interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

interface TimeMlDoc {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!);
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

/** The TEXT element with its tags removed, and the TIMEX3 spans as offsets into that plain text. */
export function readTimeMl(id: string, xml: string): TimeMlDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attribute(dctTag, 'value').slice(0, 10);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { tag: string; start: number } | null = null;
  const parts = body.split(/(<[^>]+>)/);
  for (const part of parts) {
    if (part.startsWith('<')) {
      if (part.startsWith('<TIMEX3')) open = { tag: part, start: text.length };
      else if (part.startsWith('</TIMEX3') && open) {
        timexes.push({ start: open.start, end: text.length, type: attribute(open.tag, 'type'), value: attribute(open.tag, 'value') });
        open = null;
      }
      continue;
    }
    text += decodeXml(part);
  }
  return { id, dct, text, timexes };
}

interface TimeScores {
  strict: ReturnType<typeof prf>;
  relaxed: ReturnType<typeof prf>;
  valueAccuracy: number;
  typeAccuracy: number;
  gold: number;
  docs: number;
}

async function tempEval(): Promise<TimeScores> {
  const root = dataPath('time/tempeval3-train');
  let strictTp = 0, relaxedTp = 0, predicted = 0, gold = 0, values = 0, types = 0, docs = 0;
  for (const folder of ['TimeBank', 'AQUAINT']) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.tml')).sort()) {
      const doc = readTimeMl(name, await readText(join(dir, name)));
      docs++;
      const ours = annotate(doc.text, { referenceDate: doc.dct || null }).times;
      predicted += ours.length;
      gold += doc.timexes.length;
      const used = new Set<TimeExpression>();
      for (const g of doc.timexes) {
        const exact = ours.find((t) => t.start === g.start && t.end === g.end);
        if (exact) strictTp++;
        const match = exact ?? ours.find((t) => !used.has(t) && t.start < g.end && g.start < t.end);
        if (!match) continue;
        used.add(match);
        relaxedTp++;
        if (match.value === g.value) values++;
        if (match.type === g.type) types++;
      }
    }
  }
  return {
    strict: prf(strictTp, predicted - strictTp, gold - strictTp),
    relaxed: prf(relaxedTp, predicted - relaxedTp, gold - relaxedTp),
    valueAccuracy: values / Math.max(1, relaxedTp),
    typeAccuracy: types / Math.max(1, relaxedTp),
    gold,
    docs,
  };
}

// ---------------------------------------------------------------------------------------------------
// Recognizers-Text DateTime specs

interface SpecResult {
  Text: string;
  Start?: number;
  Length?: number;
  Value?: { Timex?: string; FutureResolution?: Record<string, string>; PastResolution?: Record<string, string> };
}

interface SpecCase {
  Input: string;
  Context?: { ReferenceDateTime?: string };
  Results: SpecResult[];
}

/** The reference date the parser specs use when a case gives none. */
const SPEC_DEFAULT_REFERENCE = '2016-11-07';
/** The spec files read: date and time extraction (spans) and resolution (values). */
export const RECOGNIZER_FILES = ['DateExtractor', 'DateParser', 'TimeExtractor', 'TimeParser'] as const;

const normaliseValue = (v: string) => v.replace(' ', 'T').replace(/T(\d\d:\d\d):00$/, 'T$1').replace(/^(\d\d:\d\d):00$/, '$1');

/**
 * Scoring of the Recognizers-Text specs (DateTime/English):
 *   - a parser case counts when a time of ours that overlaps the expected span has the expected value:
 *     the spec's TIMEX, or the value it lists for the past or for the future reading (it lists both for an
 *     ambiguous expression such as "Oct. 2" or "Friday"; we resolve by tense). A time of ours is credited
 *     to one expected result only. Values at another granularity ("a month ago": the spec writes the day
 *     2016-10-07, TimeML and we the month 2016-10) do not count;
 *   - an extractor case counts when one time of ours covers the expected span, leaving out a leading
 *     preposition or article ("on Friday next week", "the 27th") and closing punctuation;
 *   - the specs' negative cases (no expected result) are reported as false positives when we tag a time of
 *     the file's kind in them: a single day for Date files (the specs' "date" is a day; "August 2019" is
 *     their date range), a clock time for Time files.
 */
const SPEC_KIND_VALUE: Record<string, RegExp> = { DATE: /^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|-W(?:\d\d|XX)-\d$/, TIME: /T\d\d/ };
const SPEC_LEADING_WORD = /^(?:(?:on|in|at|for|by|the)\s+)+/i;

/** True when `time` has the expected TIMEX or one of its past/future resolutions. */
function valueMatches(expected: SpecResult, time: TimeExpression): boolean {
  const value = expected.Value;
  if (!value) return false;
  const wanted = new Set<string>();
  if (value.Timex) wanted.add(value.Timex);
  for (const resolution of [value.FutureResolution, value.PastResolution]) {
    for (const v of Object.values(resolution ?? {})) wanted.add(normaliseValue(v));
  }
  const v = normaliseValue(time.value);
  if (wanted.has(v)) return true;
  // A clock time the spec leaves without a day ("T08:40") matches our value on the reference day.
  const clock = /T\d\d(?::\d\d){0,2}$/.exec(v)?.[0];
  return clock !== undefined && (wanted.has(clock) || wanted.has(clock.replace(/^T(\d\d)$/, 'T$1:00')) || (value.Timex === 'T' + clock.slice(1, 3) && clock.endsWith(':00')));
}

/** The expected span in the input, or null when the spec's offsets do not point at its text. */
function expectedSpan(input: string, expected: SpecResult): { start: number; end: number } | null {
  let start = expected.Start ?? -1;
  if (start < 0 || input.slice(start, start + expected.Text.length).toLowerCase() !== expected.Text.toLowerCase()) {
    start = input.toLowerCase().indexOf(expected.Text.toLowerCase());
  }
  return start < 0 ? null : { start, end: start + expected.Text.length };
}

/** The span's core: without a leading preposition/article and closing punctuation. */
function coreSpan(input: string, span: { start: number; end: number }): { start: number; end: number } {
  const text = input.slice(span.start, span.end);
  const lead = SPEC_LEADING_WORD.exec(text)?.[0].length ?? 0;
  const trimmed = text.slice(lead).replace(/[\s.,!?;:]+$/, '');
  return trimmed.length === 0 ? span : { start: span.start + lead, end: span.start + lead + trimmed.length };
}

export interface RecognizerScore {
  found: number;
  total: number;
  /** Negative cases (no expected result) in which we tagged a time of the file's kind. */
  falsePositives: number;
  negatives: number;
}

async function recognizers(): Promise<Map<string, RecognizerScore>> {
  const result = new Map<string, RecognizerScore>();
  for (const file of RECOGNIZER_FILES) {
    const path = dataPath('time/recognizers-text-specs-en/DateTime/English', `${file}.json`);
    if (!existsSync(path)) continue;
    const cases = JSON.parse((await readText(path)).replace(/^\uFEFF/, '')) as SpecCase[];
    const kind = file.startsWith('Date') ? 'DATE' : 'TIME';
    const score: RecognizerScore = { found: 0, total: 0, falsePositives: 0, negatives: 0 };
    for (const c of cases) {
      const reference = (c.Context?.ReferenceDateTime ?? SPEC_DEFAULT_REFERENCE).slice(0, 10);
      const times = annotate(c.Input, { referenceDate: reference }).times;
      if (c.Results.length === 0) {
        score.negatives++;
        if (times.some((t) => SPEC_KIND_VALUE[kind]!.test(t.value))) score.falsePositives++;
        continue;
      }
      const used = new Set<TimeExpression>();
      for (const expected of c.Results) {
        score.total++;
        const span = expectedSpan(c.Input, expected);
        if (!span) continue;
        let credited: TimeExpression | undefined;
        if (file.endsWith('Parser')) {
          credited = times.find((t) => !used.has(t) && t.start < span.end && span.start < t.end && valueMatches(expected, t));
        } else {
          const core = coreSpan(c.Input, span);
          credited = times.find((t) => !used.has(t) && t.start <= core.start && core.end <= t.end);
        }
        if (credited) {
          used.add(credited);
          score.found++;
        }
      }
    }
    result.set(file, score);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// quantulum3

/**
 * quantulum3's unit names -> the unit string our tagger gives. "Correct" = some quantity of ours in the
 * sentence has the expected value (relative difference <= 1e-3; for a range, the midpoint that quantulum
 * reports) and this unit. `dimensionless` accepts no unit or a counted noun (anything not a measurement
 * unit). Durations (year, month, week, day, hour) are time expressions in our model (TIMEX3 `P3Y`), so they
 * are looked up among the times: a DURATION whose value has the same amount and designator counts.
 */
export const QUANTULUM_UNITS: Record<string, string> = {
  metre: 'm', kilometre: 'km', mile: 'mi', inch: 'in', nanometre: 'nm', picometre: 'pm', attometre: 'am',
  'square kilometre': 'km²', 'square mile': 'mi²', 'cubic kilometre': 'km³', 'cubic centimetre': 'cm³',
  litre: 'L', centilitre: 'cL', gallon: 'gal', cup: 'cup', tablespoon: 'tbsp',
  milligram: 'mg', kilogram: 'kg', tonne: 't', 'pound-mass': 'lb', 'ton per day': 't/d',
  'pound sterling': 'GBP', dollar: 'USD', euro: 'EUR', penny: 'penny', cent: 'cent', dime: 'dime',
  'dollar per hour': 'USD/h', 'dollar per kilogram': 'USD/kg',
  percentage: 'percent', 'degree Celsius': '°C', 'degree fahrenheit': '°F', kelvin: 'K',
  electronvolt: 'eV', teraelectronvolt: 'TeV', 'watt hour': 'Wh', 'megawatt hour': 'MWh', 'watt per minute': 'W/min',
  'joule second': 'J·s', 'joule per square metre per year': 'J/m²/yr', 'candela second': 'cd·s', milligray: 'mGy',
  gigahertz: 'GHz', 'inverse second': '1/s', 'inverse femtobarn': '1/fb', 'kilometre per hour': 'km/h',
  'kilometre per square second': 'km/s²', byte: 'B', kibibyte: 'KiB', megabyte: 'MB', exabyte: 'EB', bit: 'bit',
  dozen: 'dozen', "baker's dozen": "baker's dozen", gross: 'gross', 'count per week': 'per week',
  gigayear: 'Gyr', megayear: 'Myr',
};
const QUANTULUM_DURATIONS: Record<string, string> = { year: 'Y', month: 'M', week: 'W', day: 'D', hour: 'TH' };
/** Units that are measurements: a quantity with one of these is not `dimensionless`. */
const MEASUREMENT_UNITS = new Set(Object.values(QUANTULUM_UNITS));

interface QuantulumCase {
  req: string;
  res: Array<{ value: number; unit: string; surface: string }>;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));

function quantityValues(q: Quantity): number[] {
  const list: number[] = [];
  if (q.value !== null) list.push(q.value);
  if (q.low !== undefined && q.high !== undefined) list.push((q.low + q.high) / 2);
  return list;
}

function durationAmount(value: string, designator: string): number | null {
  const match = /^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$/.exec(value);
  if (!match) return null;
  return `${match[1]}${match[3]}` === designator ? Number(match[2]) : null;
}

async function quantulum(): Promise<{ correct: number; total: number; yearLike: number; spurious: number; emptySentences: number }> {
  const cases = JSON.parse(await readText(dataPath('quantities/quantulum3-tests/quantities.json'))) as QuantulumCase[];
  let correct = 0, total = 0, yearLike = 0, spurious = 0, emptySentences = 0;
  for (const c of cases) {
    const { quantities, times } = annotate(c.req, { referenceDate: null });
    if (c.res.length === 0) {
      emptySentences++;
      if (quantities.length > 0) spurious++;
    }
    for (const expected of c.res) {
      total++;
      if (expected.unit === 'dimensionless' && Number.isInteger(expected.value) && expected.value >= 1900 && expected.value <= 2100) yearLike++;
      const duration = QUANTULUM_DURATIONS[expected.unit];
      if (duration) {
        if (times.some((t) => durationAmount(t.value, duration) === expected.value)) correct++;
        continue;
      }
      const unit = QUANTULUM_UNITS[expected.unit];
      const hit = quantities.some((q) => {
        if (!quantityValues(q).some((v) => close(v, expected.value))) return false;
        if (expected.unit === 'dimensionless') return q.unit === null || !MEASUREMENT_UNITS.has(q.unit);
        return q.unit === unit;
      });
      if (hit) correct++;
    }
  }
  return { correct, total, yearLike, spurious, emptySentences };
}

// ---------------------------------------------------------------------------------------------------

export const annotateSuite: EvalSuite = {
  name: 'annotate',
  title: 'Annotation (../shared/data/ner, time, quantities)',
  async run() {
    const rows: EvalRow[] = [];
    if (!hasData('ner') && !hasData('time') && !hasData('quantities')) return { rows, skipped: `no annotation data under ${dataPath('')}` };

    const conll = dataPath('ner/conll2003/valid.txt');
    if (existsSync(conll)) {
      const result = evaluateConll(conll, loadNerModel());
      rows.push({
        measure: 'CoNLL-2003 valid NER F1 (tagger)',
        ours: result.f1,
        anchors: 'CoNLL test: Flair 0.931, bert-base-NER 0.926, Stanza 0.921, Stanford CRF ~0.869',
        detail: `P ${fmt(result.precision)} R ${fmt(result.recall)}; ${Math.round(result.tokens / (result.taggingMs / 1000)).toLocaleString('en-US')} tokens/s tagging`,
      });
      for (const [type, score] of Object.entries(result.perType)) {
        rows.push({ measure: `CoNLL-2003 valid F1 ${type}`, ours: score.f1, anchors: '', detail: `P ${fmt(score.precision)} R ${fmt(score.recall)}, ${score.support} gold` });
      }
    }

    if (hasData('time/tempeval3-train')) {
      const t = await tempEval();
      const anchor = 'HeidelTime strict P 0.839 R 0.790 (F1 0.814)';
      rows.push({ measure: `TempEval-3 train strict span F1 (${t.docs} docs, ${t.gold} TIMEX3)`, ours: t.strict.f1, anchors: anchor, detail: `P ${fmt(t.strict.precision)} R ${fmt(t.strict.recall)}` });
      rows.push({ measure: 'TempEval-3 train relaxed span F1', ours: t.relaxed.f1, goal: 0.88, anchors: 'HeidelTime relaxed F1 0.903 (TE-3 test)', detail: `P ${fmt(t.relaxed.precision)} R ${fmt(t.relaxed.recall)}` });
      rows.push({ measure: 'TempEval-3 train value accuracy (relaxed matches)', ours: t.valueAccuracy, goal: 0.85, anchors: 'HeidelTime value F1 0.776 (TE-3 test)', detail: `type accuracy ${fmt(t.typeAccuracy)}` });
    }

    if (hasData('time/recognizers-text-specs-en')) {
      const r = await recognizers();
      const part = (prefix: string) => [...r].filter(([file]) => file.startsWith(prefix));
      const share = (list: Array<[string, RecognizerScore]>) => list.reduce((n, [, s]) => n + s.found, 0) / Math.max(1, list.reduce((n, [, s]) => n + s.total, 0));
      const describe = (list: Array<[string, RecognizerScore]>) =>
        list.map(([file, s]) => `${file} ${s.found}/${s.total}${s.negatives ? ` (false positives on ${s.falsePositives}/${s.negatives} negative cases)` : ''}`).join('; ');
      const dates = part('Date');
      const clock = part('Time');
      rows.push({ measure: 'Recognizers-Text date cases: share of expected spans/values produced', ours: share(dates), goal: 0.85, anchors: '', detail: describe(dates) });
      rows.push({ measure: 'Recognizers-Text time-of-day cases: share produced', ours: share(clock), anchors: '', detail: describe(clock) });
    }

    if (hasData('quantities/quantulum3-tests/quantities.json')) {
      const q = await quantulum();
      rows.push({
        measure: `quantulum3 tests: share of expected quantities correct (${q.total})`,
        ours: q.correct / Math.max(1, q.total),
        goal: 0.85,
        anchors: 'quantulum3 passes its own tests',
        detail: `${q.correct}/${q.total}; ${q.yearLike} are year-like numbers we keep out by design; ${q.spurious}/${q.emptySentences} sentences with no quantity got one`,
      });
    }
    return { rows };
  },
};
