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
    ['The bridge closed on Dec. 5.', 'Dec. 5', 'DATE', '2023-12-05'],
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
    ['In recent weeks, the river rose.', 'In recent weeks', 'PAST_REF'],
    ['Fares rose in recent months.', 'in recent months', 'PAST_REF'],
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
  ]) {
    it(JSON.stringify(sentence), () => {
      assert.deepEqual(times(sentence).filter((t) => t.type !== 'DURATION' && !t.value.endsWith('_REF')), []);
    });
  }
});
