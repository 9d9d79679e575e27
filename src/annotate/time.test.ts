import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnotateContext } from '../model.ts';
import { annotate } from './index.ts';

/** Reference date pinned to Friday 2024-11-29 for every resolution test. */
const FRIDAY: AnnotateContext = { referenceDate: '2024-11-29' };
const times = (text: string, context = FRIDAY) => annotate(text, context).times;
const only = (text: string, context = FRIDAY) => {
  const list = times(text, context);
  assert.equal(list.length, 1, `one time expression in ${JSON.stringify(text)}, got ${JSON.stringify(list)}`);
  return list[0]!;
};

describe('time resolution against a pinned reference date', () => {
  const table: Array<[string, string, string, string]> = [
    // sentence, span, TIMEX3 type, value
    ['The mayor of Velmora spoke on Friday.', 'Friday', 'DATE', '2024-11-29'],
    ['The mayor of Velmora spoke on Monday.', 'Monday', 'DATE', '2024-11-25'],
    ['The ferry sank last Friday.', 'last Friday', 'DATE', '2024-11-22'],
    ['The mayor will speak on Tuesday.', 'Tuesday', 'DATE', '2024-12-03'],
    ['The bridge reopened on Nov. 23.', 'Nov. 23', 'DATE', '2024-11-23'],
    ['The bridge closed on Sept. 5.', 'Sept. 5', 'DATE', '2024-09-05'],
    // No tense cue: the coming Dec. 5 is far closer than last year's.
    ['Tolls on the bridge stop on Dec. 5.', 'Dec. 5', 'DATE', '2024-12-05'],
    // Past tense keeps a month in the past even when the coming one is nearer.
    ['The council adopted the plan in January.', 'January', 'DATE', '2024-01'],
    ['The third-quarter results beat forecasts.', 'The third-quarter', 'DATE', '2024-Q3'],
    ['Profit fell in the second quarter.', 'the second quarter', 'DATE', '2024-Q2'],
    ['Profit fell in the quarter.', 'the quarter', 'DATE', '2024-Q3'],
    ['The mill reported its results for the first half of 2023.', 'the first half of 2023', 'DATE', '2023-H1'],
    ['Prices rose in the 1990s.', '1990s', 'DATE', '199'],
    ['The ferry was repaired last fall.', 'last fall', 'DATE', '2023-FA'],
    ['The ferry sank over the weekend.', 'the weekend', 'DATE', '2024-W47-WE'],
    ['The mill closed last night.', 'last night', 'TIME', '2024-11-28TNI'],
    ['Wages fell in the current fiscal year.', 'the current fiscal year', 'DATE', '2024'],
    ['The ferry left on the 21st.', 'the 21st', 'DATE', '2024-11-21'],
    ['The ferry broke down on the 30th.', 'the 30th', 'DATE', '2024-10-30'],
    ['The ferry sailed on 4/22.', '4/22', 'DATE', '2024-04-22'],
    ['The coronation will be held on Jan. 20.', 'Jan. 20', 'DATE', '2025-01-20'],
    ['Her inauguration on Jan. 20 draws crowds.', 'Jan. 20', 'DATE', '2025-01-20'],
    ['The strike started in May.', 'May', 'DATE', '2024-05'],
    ['The council met in June.', 'June', 'DATE', '2024-06'],
    ['The harvest failed in August.', 'August', 'DATE', '2024-08'],
    ['The envoy would visit Tarsa in March.', 'March', 'DATE', '2025-03'],
    ['The envoy will return in March.', 'March', 'DATE', '2025-03'],
    ['The dam was finished in 2019.', '2019', 'DATE', '2019'],
    ['Prices fell since March 2022.', 'March 2022', 'DATE', '2022-03'],
    ['The committee met last week.', 'last week', 'DATE', '2024-W47'],
    ['The committee meets next week.', 'next week', 'DATE', '2024-W49'],
    ['Exports rose last month.', 'last month', 'DATE', '2024-10'],
    ['Exports will rise next year.', 'next year', 'DATE', '2025'],
    ['The mill closed three days ago.', 'three days ago', 'DATE', '2024-11-26'],
    ['The mill closed yesterday.', 'yesterday', 'DATE', '2024-11-28'],
    ['The vote ended at 8:35 a.m. on Nov. 29, 2024.', '8:35 a.m. on Nov. 29, 2024', 'TIME', '2024-11-29T08:35'],
  ];
  for (const [sentence, span, type, value] of table) {
    it(`${JSON.stringify(span)} in ${JSON.stringify(sentence)} -> ${value}`, () => {
      const time = only(sentence);
      assert.equal(time.text, span);
      assert.equal(time.type, type);
      assert.equal(time.value, value);
      assert.ok(time.rule.startsWith('time.'));
    });
  }
});

describe('durations', () => {
  const table: Array<[string, string, string]> = [
    ['Velmora ended an almost three-year war.', 'almost three-year', 'P3Y'],
    ['The hearing lasted two hours.', 'two hours', 'PT2H'],
    ['The siege lasted 18 months.', '18 months', 'P18M'],
    ['He ruled the guild for a decade.', 'a decade', 'P10Y'],
    ['The talks took several weeks.', 'several weeks', 'PXW'],
    ['A 30-minute delay followed.', '30-minute', 'PT30M'],
    ['Prices rose over the past two months.', 'the past two months', 'P2M'],
    ['The vigil lasted twenty-one years.', 'twenty-one years', 'P21Y'],
    ['The shortest day has only 3 hrs.', '3 hrs', 'PT3H'],
  ];
  for (const [sentence, span, value] of table) {
    it(`${JSON.stringify(span)} -> ${value}`, () => {
      const time = only(sentence);
      assert.equal(time.text, span);
      assert.equal(time.type, 'DURATION');
      assert.equal(time.value, value);
    });
  }
});

describe('vague references', () => {
  const table: Array<[string, string, string]> = [
    // TimeML: "recent weeks" is a stretch of unknown length.
    ['In recent weeks, the river rose.', 'In recent weeks', 'PXW'],
    ['Fares rose in recent months.', 'in recent months', 'PXM'],
    ['The current chair resigned.', 'current', 'PRESENT_REF'],
    ['The guild recently elected a chair.', 'recently', 'PAST_REF'],
    ['The port is now closed.', 'now', 'PRESENT_REF'],
    ['The port is currently closed.', 'currently', 'PRESENT_REF'],
    ['The port will reopen soon.', 'soon', 'FUTURE_REF'],
  ];
  for (const [sentence, span, value] of table) {
    it(`${JSON.stringify(span)} -> ${value}`, () => {
      const time = only(sentence);
      assert.equal(time.text, span);
      assert.equal(time.value, value);
    });
  }
});

describe('frequencies and anchoring', () => {
  it('reads frequencies as SET', () => {
    const list = times('The ferry runs daily and the market opens every Monday.');
    assert.deepEqual(list.map((t) => [t.text, t.type, t.value]), [
      ['daily', 'SET', 'P1D'],
      ['every Monday', 'SET', 'XXXX-WXX-1'],
    ]);
  });
  it('"a year ago" right after a quarter is that quarter a year before', () => {
    const list = times('Profit rose in the third quarter. It fell a year ago.');
    assert.equal(list.find((t) => t.text === 'a year ago')?.value, '2023-Q3');
  });
  it('"a year ago" elsewhere is the year', () => {
    assert.equal(only('The guild was founded a year ago.').value, '2023');
  });
  it('bare years are dates, but not counts', () => {
    assert.deepEqual(times('The guild met in Lisbon. 1998 was its best year.').map((t) => t.value), ['1998']);
    assert.deepEqual(times('Tarsa fielded 2000 volunteers.').filter((t) => t.type === 'DATE'), []);
  });
});

describe('without a reference date', () => {
  it('keeps relative expressions unresolved, TimeML style', () => {
    const list = times('The strike started in May. It ended on Friday.', { referenceDate: null });
    assert.deepEqual(list.map((t) => t.value), ['XXXX-05', 'XXXX-WXX-5']);
  });
  it('still resolves fully specified dates', () => {
    assert.equal(only('It opened on July 28, 2024.', { referenceDate: null }).value, '2024-07-28');
  });
});

describe('negatives: numbers and words that are not times', () => {
  for (const sentence of [
    'Officials counted 10,000 ballots.',
    'The troops march through the square.',
    'The council may decide later.',
    'Over 40 percent of the ballots were void.',
    'Velmora fielded 2024 volunteers.',
    'The Sun reported the story.',
    'Shares traded at 125 a share.',
    'About 7/8 of the hall was full.',
    'The 6-year-old boy was found.',
  ]) {
    it(JSON.stringify(sentence), () => {
      assert.deepEqual(times(sentence).filter((t) => t.type !== 'DURATION' && !t.value.endsWith('_REF')), []);
    });
  }
});
