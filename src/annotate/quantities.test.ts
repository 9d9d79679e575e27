import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Quantity } from '../model.ts';
import { annotate } from './index.ts';

const REFERENCE = { referenceDate: '2024-11-29' };
const quantities = (text: string) => annotate(text, REFERENCE).quantities;
const pick = ({ text, value, low, high, unit, approx }: Quantity) => ({ text, value, low, high, unit, approx });

describe('quantities', () => {
  const table: Array<[string, Partial<Quantity>]> = [
    ['Tarsa sent over 10,000 troops north.', { text: 'over 10,000 troops', value: 10000, low: 10000, unit: 'troops', approx: 'over' }],
    ['Tarsa sent 10,000 Velmoran troops.', { value: 10000, unit: 'troops' }],
    ['The party lost more than 40 percent of its seats.', { text: 'more than 40 percent', value: 40, low: 40, unit: 'percent', approx: 'over' }],
    ['About 300 people fled the valley.', { value: 300, unit: 'people', approx: 'about' }],
    ['Nearly 40% of the voters stayed home.', { value: 40, high: 40, unit: 'percent', approx: 'nearly' }],
    ['Up to 5,000 pilgrims are expected.', { value: 5000, high: 5000, unit: 'pilgrims', approx: 'up_to' }],
    ['At least 12 soldiers were hurt.', { value: 12, low: 12, unit: 'soldiers', approx: 'at_least' }],
    ['The guild pledged $3 billion.', { text: '$3 billion', value: 3e9, unit: 'USD' }],
    ['The fund paid €5m to the port.', { value: 5e6, unit: 'EUR' }],
    ['It cost 2.5 million rubles.', { value: 2.5e6, unit: 'RUB' }],
    ['Between 10,000 and 12,000 troops moved.', { value: null, low: 10000, high: 12000, unit: 'troops' }],
    ['Thousands of troops crossed the river.', { text: 'Thousands of troops', value: null, low: 1000, unit: 'troops' }],
    ['Dozens of drones were seen.', { value: null, low: 12, unit: 'drones' }],
    ['Three soldiers and two countries signed.', { text: 'Three soldiers', value: 3, unit: 'soldiers' }],
  ];
  for (const [sentence, expected] of table) {
    it(JSON.stringify(sentence), () => {
      const list = quantities(sentence);
      assert.ok(list.length >= 1, `a quantity in ${JSON.stringify(sentence)}`);
      const first = pick(list[0]!);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(first[key as keyof typeof first], value, `${key} of ${JSON.stringify(first)}`);
      }
      assert.ok(list[0]!.rule.startsWith('quantities.'));
    });
  }

  it('reads number words with their counted noun', () => {
    assert.deepEqual(quantities('Three soldiers and two countries signed.').map((q) => [q.value, q.unit]), [
      [3, 'soldiers'],
      [2, 'countries'],
    ]);
  });
});

describe('quantities: parts of dates and times are not quantities', () => {
  for (const sentence of [
    'The vote closed on Nov. 29, 2024 at 8:35 a.m.',
    'The dam was finished in 2019.',
    'The ferry left on 3 March and returned at 14:30.',
    'The F-16 and the G7 met; one of the envoys left.',
    'It placed 1st in the 2024 regatta.',
  ]) {
    it(JSON.stringify(sentence), () => {
      assert.deepEqual(quantities(sentence).map(pick), []);
    });
  }
  it('a duration is a time, not a quantity', () => {
    const result = annotate('The hearing lasted two hours.', REFERENCE);
    assert.deepEqual(result.quantities, []);
    assert.equal(result.times[0]?.value, 'PT2H');
  });
});

describe('quantities: units of measurement', () => {
  const table: Array<[string, Partial<Quantity>]> = [
    ['The ferry sailed 1,200 kilometres north.', { text: '1,200 kilometres', value: 1200, unit: 'km' }],
    ['The crate weighed 10kg (22lbs).', { text: '10kg', value: 10, unit: 'kg' }],
    ['The lake covers 301 km2 of marsh.', { text: '301 km2', value: 301, unit: 'km²' }],
    ['The plank is 2 1/2 in thick.', { text: '2 1/2 in', value: 2.5, unit: 'in' }],
    ['Add ½ tbsp of salt.', { text: '½ tbsp', value: 0.5, unit: 'tbsp' }],
    ['The signal runs at 4e14 s-1 here.', { value: 4e14, unit: '1/s' }],
    ['Water froze at -18 °C overnight.', { text: '-18 °C', value: -18, unit: '°C' }],
    ['Highs near 32 degrees Celsius are common.', { value: 32, unit: '°C' }],
    ['The mill charges $15.4/hour for repairs.', { text: '$15.4/hour', value: 15.4, unit: 'USD/h' }],
    ['Patients were given 44 mg to 50 mg of the drug.', { text: '44 mg to 50 mg', value: null, low: 44, high: 50, unit: 'mg' }],
    ['The grid has a size of 2.123 pm.', { text: '2.123 pm', value: 2.123, unit: 'pm' }],
    ['The guild saved €10M last year.', { text: '€10M', value: 1e7, unit: 'EUR' }],
    ['I want a hundred and two of those.', { text: 'a hundred and two', value: 102, unit: null }],
    ["I'd like two thirds of the cake.", { text: 'two thirds', value: 2 / 3 }],
    ['They walked two and a half miles.', { text: 'two and a half miles', value: 2.5, unit: 'mi' }],
    ['I want a gallon of cider.', { text: 'a gallon', value: 1, unit: 'gal' }],
  ];
  for (const [sentence, expected] of table) {
    it(JSON.stringify(sentence), () => {
      const list = quantities(sentence);
      assert.ok(list.length > 0, `a quantity in ${JSON.stringify(sentence)}`);
      const first = pick(list[0]!);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(first[key as keyof typeof first], value, `${key} of ${JSON.stringify(first)}`);
      }
    });
  }

  it('two units after "from ... to" are two quantities, not a range', () => {
    assert.deepEqual(quantities('The dose changed from 44 ml to 50 mg.').map((q) => [q.value, q.unit]), [
      [44, 'cm³'],
      [50, 'mg'],
    ]);
  });

  it('clock times and years stay times', () => {
    const result = annotate('The ferry left at 2 pm in 2019, and again at 2.13 am.', REFERENCE);
    assert.deepEqual(result.quantities, []);
    assert.equal(result.times.length, 3);
  });
});
