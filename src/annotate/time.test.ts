import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnotateContext } from '../model.ts';
import { analyzeText } from './text.ts';
import { tagTimes } from './time.ts';

/** Reference date pinned to Friday 2024-11-29 for every resolution test. */
const FRIDAY: AnnotateContext = { referenceDate: '2024-11-29' };
const times = (text: string, context = FRIDAY) => tagTimes(analyzeText(text), context);
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

describe('composite dates (own refiners over chrono-node)', () => {
  // Reference: Friday 2024-11-29, as above.
  const table: Array<[string, string, string]> = [
    // sentence, span, value
    ['The ferry sank on Friday the 22nd.', 'Friday the 22nd', '2024-11-22'],
    ['The fair opens the first Friday of July.', 'the first Friday of July', '2025-07-04'],
    ['The fair opened on the first Friday of July.', 'the first Friday of July', '2024-07-05'],
    ['The envoy will land on Tuesday next week.', 'Tuesday next week', '2024-12-03'],
    ['The envoy will land next week on Friday.', 'next week on Friday', '2024-12-06'],
    ['The envoy will return the 20th of next month.', 'the 20th of next month', '2024-12-20'],
    ['The guild meets the day after tomorrow.', 'the day after tomorrow', '2024-12-01'],
    ['The guild met the day before yesterday.', 'the day before yesterday', '2024-11-27'],
    ['The guild will vote two weeks from now.', 'two weeks from now', '2024-12-13'],
    ['The mill closed 1 month 21 days ago.', '1 month 21 days ago', '2024-10-08'],
    ['The mill will reopen in 3 weeks.', 'in 3 weeks', '2024-12-20'],
    ['The permit arrives in four business days.', 'in four business days', '2024-12-05'],
    ['The council met on May twenty-first.', 'May twenty-first', '2024-05-21'],
    ['The mill opened on the tenth of September, two thousand.', 'the tenth of September, two thousand', '2000-09-10'],
    ['She was born on September the twenty-first nineteen seventy eight.', 'September the twenty-first nineteen seventy eight', '1978-09-21'],
    ['The ferry capsized last February.', 'last February', '2024-02'],
    // Said in November, "last October" is a year back: the month just gone would be "last month".
    ['The ferry capsized last October.', 'last October', '2023-10'],
    ['The ferry capsized in July last year.', 'July last year', '2023-07'],
    ['The tolls were cut this September.', 'this September', '2024-09'],
    ['The leap-day fair was held on Feb 29.', 'Feb 29', '2024-02-29'],
    ['The market will reopen on 4-22.', '4-22', '2025-04-22'],
    ['The market reopened on 08/12,2015.', '08/12,2015', '2015-08-12'],
    ['The envoy arrives next Sunday.', 'next Sunday', '2024-12-08'],
    ['The envoy arrived on the 21st.', 'the 21st', '2024-11-21'],
  ];
  for (const [sentence, span, value] of table) {
    it(`${JSON.stringify(span)} -> ${value}`, () => {
      const time = times(sentence).find((t) => t.text === span);
      assert.ok(time, `${JSON.stringify(span)} in ${JSON.stringify(times(sentence))}`);
      assert.equal(time.value, value);
      assert.equal(time.type, 'DATE');
    });
  }
  it('leaves a leap day of a year without one to the nearest leap year', () => {
    const time = only('The fair was held on Feb 29.', { referenceDate: '2023-03-22' });
    assert.equal(time.value, '2020-02-29');
  });
  it('keeps a modified weekday apart from a date it does not fall on', () => {
    const list = times('The envoy lands this Friday June 23.', { referenceDate: '2018-06-20' });
    assert.deepEqual(list.map((t) => [t.text, t.value]), [
      ['this Friday', '2018-06-22'],
      ['June 23', '2018-06-23'],
    ]);
  });
  it('resolves composites TimeML-style without a reference date', () => {
    assert.equal(only('The guild met on May twenty-first.', { referenceDate: null }).value, 'XXXX-05-21');
    assert.equal(only('The fair opened the first Friday of July.', { referenceDate: null }).value, 'XXXX-07-WXX-5-#1');
  });
});

describe('tense of the clause decides past or future', () => {
  it('the verb before the date outweighs a future word after it', () => {
    const time = only('The envoy said on Tuesday that Tarsa would retaliate.');
    assert.equal(time.value, '2024-11-26');
  });
  it('a deadline is in the future', () => {
    const list = times('The guild has until 9 a.m. Tuesday to answer.');
    assert.equal(list.find((t) => t.text.includes('Tuesday'))?.value, '2024-12-03T09:00');
  });
  it('"will be held" is future although "held" is a past form', () => {
    assert.equal(only('The fair will be held on Jan. 20.').value, '2025-01-20');
  });
});

describe('parts of the day and clock times', () => {
  const table: Array<[string, string, string]> = [
    ['The mill burned Friday morning.', 'Friday morning', '2024-11-29TMO'],
    ['The mill burned yesterday afternoon.', 'yesterday afternoon', '2024-11-28TAF'],
    ['The mayor spoke this morning.', 'this morning', '2024-11-29TMO'],
    ['The bells rang at half past eight.', 'half past eight', '2024-11-29T08:30'],
    ['The bells rang at a quarter to 8 in the morning.', 'a quarter to 8 in the morning', '2024-11-29T07:45'],
    ['The bells rang at seven thirty pm.', 'seven thirty pm', '2024-11-29T19:30'],
    ['The bells rang at 7:56:30 pm.', '7:56:30 pm', '2024-11-29T19:56:30'],
    ['The bells rang at midday.', 'midday', '2024-11-29T12:00'],
    ['The bells rang at 7h01.', '7h01', '2024-11-29T07:01'],
  ];
  for (const [sentence, span, value] of table) {
    it(`${JSON.stringify(span)} -> ${value}`, () => {
      const time = times(sentence).find((t) => t.text === span);
      assert.ok(time, `${JSON.stringify(span)} in ${JSON.stringify(times(sentence))}`);
      assert.equal(time.type, 'TIME');
      assert.equal(time.value, value);
    });
  }
});

describe('more negatives', () => {
  for (const sentence of [
    'The index closed at 6,107.31 August traders said.',
    'Get tickets for the 17th Door show.',
    'The office is on the 27th floor.',
    'I am sure the mill will stay.',
    'Shares rose 12.50 a share.',
    'Prices rose 10-12 percent.',
  ]) {
    it(JSON.stringify(sentence), () => {
      assert.deepEqual(times(sentence).filter((t) => /^\d{4}-\d\d-\d\d/.test(t.value)), []);
    });
  }
});

describe('fractions are not dates', () => {
  it('"1/40" is no day, with or without a reference date', () => {
    assert.deepEqual(times('The lens needs about 1/40 of a wavelength.'), []);
    assert.deepEqual(times('The lens needs about 1/40 of a wavelength.', { referenceDate: null }), []);
  });
});

describe('offsets through the trigger windows', () => {
  it('maps every span back to the document, far into a long text', () => {
    const filler = 'The harbour board discussed ferries, tolls and the state of the old pier at length. ';
    const text = `${filler.repeat(40)}The ferry sank on Nov. 23 and the mill closed three days ago. ${filler.repeat(40)}It reopens in March.`;
    const list = times(text);
    assert.deepEqual(list.map((t) => t.text), ['Nov. 23', 'three days ago', 'March']);
    for (const t of list) assert.equal(text.slice(t.start, t.end), t.text);
  });
  it('finds nothing in a text without trigger words', () => {
    assert.deepEqual(times('The harbour board discussed ferries and tolls at length.'), []);
  });
});
