import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, nmi } from './index.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('bcubed', () => {
  it('scores a perfect clustering 1 whatever the labels are called', () => {
    const score = bcubed({ a: 'p', b: 'p', c: 'q' }, { a: 'X', b: 'X', c: 'Y' });
    assert.deepEqual(score, { precision: 1, recall: 1, f1: 1, items: 3 });
  });

  it('matches hand-computed values on a small example', () => {
    // Predicted {a,b} {c}; gold {a} {b,c}.
    // a: P 1/2 R 1/1; b: P 1/2 R 1/2; c: P 1/1 R 1/2 -> P = R = 2/3, F1 = 2/3.
    const score = bcubed(new Map([['a', '1'], ['b', '1'], ['c', '2']]), new Map([['a', 'x'], ['b', 'y'], ['c', 'y']]));
    close(score.precision, 2 / 3);
    close(score.recall, 2 / 3);
    close(score.f1, 2 / 3);
  });

  it('punishes one big cluster in precision and singletons in recall', () => {
    const gold = { a: 'x', b: 'x', c: 'y', d: 'y' };
    const lumped = bcubed({ a: '1', b: '1', c: '1', d: '1' }, gold);
    close(lumped.precision, 0.5);
    close(lumped.recall, 1);
    close(lumped.f1, 2 / 3);
    const split = bcubed({ a: '1', b: '2', c: '3', d: '4' }, gold);
    close(split.precision, 1);
    close(split.recall, 0.5);
  });

  it('ignores items missing on either side and scores an empty overlap 0', () => {
    const score = bcubed({ a: '1', b: '1', z: '9' }, { a: 'x', b: 'x', w: 'y' });
    assert.equal(score.items, 2);
    close(score.f1, 1);
    assert.equal(bcubed({}, { a: 'x' }).f1, 0);
  });
});

describe('nmi', () => {
  it('is 1 for the same partition under other names, 0 for an independent one', () => {
    close(nmi({ a: 'p', b: 'p', c: 'q', d: 'q' }, { a: 'X', b: 'X', c: 'Y', d: 'Y' }), 1);
    // Each predicted cluster holds one item of each class: no information.
    close(nmi({ a: '1', b: '2', c: '1', d: '2' }, { a: 'x', b: 'x', c: 'y', d: 'y' }), 0);
  });

  it('matches a hand-computed value', () => {
    // Predicted {a,b} {c}; gold {a} {b,c}: both entropies are H(1/3, 2/3); I from the three cells.
    const value = nmi(new Map([['a', '1'], ['b', '1'], ['c', '2']]), new Map([['a', 'x'], ['b', 'y'], ['c', 'y']]));
    const h = -(2 / 3) * Math.log(2 / 3) - (1 / 3) * Math.log(1 / 3);
    const i = (1 / 3) * Math.log((1 * 3) / (2 * 1)) + (1 / 3) * Math.log((1 * 3) / (2 * 2)) + (1 / 3) * Math.log((1 * 3) / (1 * 2));
    close(value, i / h);
    assert.ok(value > 0 && value < 1);
  });
});
