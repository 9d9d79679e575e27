import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunningVector, TermTable, addVectors, pruneVector, vectorOf, type SparseVector } from './vectors.ts';
import { seededRandom as random } from '../util/random.ts';


/** A vector of up to `size` ids drawn from 1..range, with weights that tie now and then. */
function randomVector(rand: () => number, size: number, range: number): SparseVector {
  const n = Math.floor(rand() * size);
  const ids = Array.from({ length: n }, () => 1 + Math.floor(rand() * range));
  const weights = ids.map(() => (rand() < 0.2 ? 0.5 : rand()));
  return vectorOf(ids, weights);
}

const plain = (v: SparseVector) => ({ ids: [...v.ids], weights: [...v.weights], norm2: v.norm2 });

describe('RunningVector', () => {
  it('adds and prunes in place to exactly what addVectors and pruneVector return', () => {
    const rand = random(7);
    for (let trial = 0; trial < 200; trial++) {
      const running = new RunningVector();
      let expected: SparseVector = vectorOf([], []);
      for (let step = 0; step < 12; step++) {
        const article = randomVector(rand, 60, 150);
        running.add(article);
        expected = addVectors(expected, article);
        assert.deepEqual(plain(running.vector), plain(expected), `trial ${trial} step ${step}: add`);
        if (running.size > 45) {
          running.prune(30);
          expected = pruneVector(expected, 30);
          assert.deepEqual(plain(running.vector), plain(expected), `trial ${trial} step ${step}: prune`);
        }
      }
    }
  });

  it('leaves the vector it was added unchanged, and starts from a given one', () => {
    const article = vectorOf([5, 3, 9], [0.5, 0.25, 1]);
    const before = plain(article);
    const running = new RunningVector(vectorOf([3, 4], [1, 2]));
    running.add(article);
    running.add(article);
    assert.deepEqual(plain(article), before);
    assert.deepEqual([...running.vector.ids], [3, 4, 5, 9]);
    assert.deepEqual([...running.vector.weights], [1.5, 2, 1, 2]);
  });
});

describe('TermTable', () => {
  it('gives the same dot products when reused for vectors of other sizes', () => {
    const rand = random(11);
    const reused = new TermTable();
    for (let trial = 0; trial < 50; trial++) {
      const article = randomVector(rand, trial % 2 === 0 ? 200 : 10, 400);
      const profile = randomVector(rand, 300, 400);
      assert.equal(reused.load(article).dot(profile), new TermTable(article).dot(profile));
    }
  });
});
