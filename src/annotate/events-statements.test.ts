import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimEvent } from '../model.ts';
import { extractClaims } from './claims.ts';
import { annotate } from './index.ts';
import { analyzeText } from './text.ts';

const CONTEXT = { referenceDate: '2024-11-29' };

/** The statements of a text's claims, with the document's own time and quantity annotations. */
function eventsOf(text: string): ClaimEvent[] {
  const annotations = annotate(text, CONTEXT);
  const claims = extractClaims(analyzeText(text), CONTEXT, annotations.entities, { times: annotations.times, quantities: annotations.quantities });
  return claims.map((claim) => {
    assert.ok(claim.event, `claim without event: ${claim.text}`);
    return claim.event;
  });
}
const single = (text: string) => {
  const events = eventsOf(text);
  assert.equal(events.length, 1, JSON.stringify(events));
  return events[0]!;
};
/** The fields two paraphrases must share. */
const comparable = (e: ClaimEvent) => ({ actor: e.actor, action: e.action, target: e.target, quantities: e.quantities.map((q) => ({ low: q.low, unit: q.unit })) });

describe('claim statements', () => {
  it('paraphrases of one deployment give matching statements (troops / soldiers, over / more than)', () => {
    const a = single('Velmora has dispatched over 10,000 troops to aid Tarsania.');
    const b = single('Velmora has sent more than 10,000 soldiers to Tarsania.');
    assert.equal(a.action, 'deploy_forces');
    assert.equal(a.actor, 'Velmora');
    assert.equal(a.target, 'Tarsania');
    assert.deepEqual(a.quantities.map((q) => [q.low, q.unit]), [[10000, 'troops']]);
    assert.deepEqual(comparable(a), comparable(b));
    assert.equal(a.verb, 'dispatched');
    assert.equal(b.verb, 'sent');
  });

  it('a transfer verb takes the class of its object: missiles -> supply_arms', () => {
    const e = single('Velmora has supplied 300 missiles to Tarsania, officials said.');
    assert.equal(e.action, 'supply_arms');
    assert.equal(e.target, 'Tarsania');
    assert.deepEqual(e.quantities.map((q) => [q.value, q.unit]), [[300, 'missiles']]);
  });

  it('visit: actor, place and TIMEX3 time from the document annotations', () => {
    const e = single('General Ilse Varga arrived in Kelvo on Nov. 12 for talks.');
    assert.deepEqual([e.actor, e.action, e.place, e.time], ['Ilse Varga', 'visit', 'Kelvo', '2024-11-12']);
  });

  it('negation before the verb', () => {
    const e = single('The Tarsanian army did not attack the port of Kelvo on Friday.');
    assert.equal(e.action, 'attack');
    assert.equal(e.negated, true);
    assert.equal(single('The Tarsanian army attacked the port of Kelvo on Friday.').negated, false);
  });

  it('appoint/replace, arrest, economic measure', () => {
    const replaced = single('Prime Minister Ada Lund replaced Oren Falk as finance minister in May.');
    assert.deepEqual([replaced.actor, replaced.action, replaced.target, replaced.time], ['Ada Lund', 'appoint_replace', 'Oren Falk', '2024-05']);
    const arrest = single('Police in Kelvo arrested 12 protesters on Tuesday.');
    assert.deepEqual([arrest.action, arrest.place], ['arrest', 'Kelvo']);
    assert.equal(single('The central bank of Velmora raised its interest rate to 21 percent.').action, 'economic_measure');
  });

  it('an attributed claim with no event verb is a statement by its source', () => {
    const e = single('The harbour authority of Kelvo said it was confident.');
    assert.equal(e.action, 'statement');
    assert.equal(e.verb, 'said');
  });

  it('a sentence with no known verb is "other", with no actor invented', () => {
    const e = single('The Kelvo harbour is the largest on the coast.');
    assert.equal(e.action, 'other');
    assert.equal(e.verb, null);
  });
});
