import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim } from '../model.ts';
import { annotate } from './index.ts';

const REFERENCE = { referenceDate: '2024-11-29' };
const claimsOf = (text: string) => ({ text, claims: annotate(text, REFERENCE).claims });
const single = (text: string): { text: string; claim: Claim } => {
  const { claims } = claimsOf(text);
  assert.equal(claims.length, 1, JSON.stringify(claims));
  return { text, claim: claims[0]! };
};
const content = (text: string, claim: Claim) => text.slice(claim.content.start, claim.content.end);

describe('claim sources and kinds', () => {
  it('person: "<name> said that ..."', () => {
    const { text, claim } = single('Tamsin Orel said that the harbour would reopen in spring.');
    assert.equal(claim.source?.text, 'Tamsin Orel');
    assert.equal(claim.source?.kind, 'person');
    assert.equal(claim.cue?.text, 'said');
    assert.equal(content(text, claim), 'the harbour would reopen in spring');
    assert.equal(claim.rule, 'claims.said');
  });

  it('institution: trailing ", the ministry said."', () => {
    const { text, claim } = single('The convoy reached Oslo on Friday, the ministry said.');
    assert.equal(claim.source?.text, 'the ministry');
    assert.equal(claim.source?.kind, 'institution');
    assert.equal(content(text, claim), 'The convoy reached Oslo on Friday');
  });

  it('institution: "according to the Chilean Fisheries Ministry"', () => {
    const { text, claim } = single('Catches fell by a third, according to the Chilean Fisheries Ministry.');
    assert.equal(claim.source?.text, 'the Chilean Fisheries Ministry');
    assert.equal(claim.source?.kind, 'institution');
    assert.equal(claim.source?.canonical, 'Chilean Fisheries Ministry');
    assert.equal(content(text, claim), 'Catches fell by a third');
  });

  it('outlet: news agencies and state media', () => {
    assert.equal(single('The mine flooded overnight, Reuters reported.').claim.source?.kind, 'outlet');
    assert.equal(single('Velmoran state media said the mine flooded overnight.').claim.source?.kind, 'outlet');
  });

  it('anonymous: a source with an institution, officials, people familiar', () => {
    const first = single("A source with Chile's General Staff told the Harbour Gazette that the drills ended.").claim;
    assert.equal(first.source?.kind, 'anonymous');
    assert.equal(first.source?.text, "A source with Chile's General Staff");
    assert.equal(single('Officials in Lima said the drills ended.').claim.source?.kind, 'anonymous');
    assert.equal(single('The drills ended, according to sources familiar with the plans.').claim.source?.kind, 'anonymous');
  });

  it('pronouns resolve: "it added" to the last institution, "he said" to the last person', () => {
    const { claims } = claimsOf('The fleet left port, the Peruvian Navy said. The ships carry supplies for the islands, it added. Admiral Rosa Quell spoke next. The weather is calm, he said.');
    assert.equal(claims[1]!.source?.text, 'it');
    assert.equal(claims[1]!.source?.kind, 'institution');
    assert.equal(claims[1]!.source?.canonical, 'Peruvian Navy');
    assert.equal(claims[3]!.source?.kind, 'person');
    assert.equal(claims[3]!.source?.canonical, 'Rosa Quell');
  });
});

describe('relay chains', () => {
  it('"X believe that ..., the <outlet> reported" -> outlet relaying X', () => {
    const { text, claim } = single('NATO allies believe that the fleet is heading south, the Harbour Telegraph reported, citing no evidence.');
    assert.equal(claim.source?.text, 'the Harbour Telegraph');
    assert.equal(claim.source?.kind, 'outlet');
    assert.deepEqual(claim.source?.via?.map((v) => [v.text, v.kind]), [['NATO allies', 'institution']]);
    assert.equal(content(text, claim), 'the fleet is heading south');
  });

  it('"The <agency> news agency report citing the ministry ..." -> agency relaying the ministry', () => {
    const { text, claim } = single('The Velmora news agency report citing the ministry gave no reason for the delay.');
    assert.equal(claim.source?.kind, 'outlet');
    assert.deepEqual(claim.source?.via?.map((v) => [v.text, v.kind]), [['the ministry', 'institution']]);
    assert.equal(content(text, claim), 'gave no reason for the delay');
  });
});

describe('unattributed and hedged claims', () => {
  it("the reporter's own voice has no source", () => {
    const { claim } = single('The harbour of Tarsa reopened after the storm.');
    assert.equal(claim.source, null);
    assert.equal(claim.cue, null);
    assert.equal(claim.rule, 'claims.unattributed');
    assert.equal(claim.hedged, false);
  });

  it('passive attribution without an agent', () => {
    const { claim } = single('The guild is believed to have moved its archive.');
    assert.equal(claim.source, null);
    assert.equal(claim.cue?.text, 'believed');
    assert.equal(claim.rule, 'claims.passive');
    assert.equal(claim.hedged, true);
  });

  for (const sentence of [
    'The envoy reportedly left the capital.',
    'The envoy allegedly left the capital.',
    'The storm could reach the coast.',
    'The storm may reach the coast.',
    'Unconfirmed reports put the toll higher.',
  ]) {
    it(`hedged: ${JSON.stringify(sentence)}`, () => assert.equal(single(sentence).claim.hedged, true));
  }
  it('the month May is not a hedge', () => {
    assert.equal(single('The envoy left the capital in May.').claim.hedged, false);
  });
});

describe('claim spans', () => {
  it('every claim, source and cue span matches the text', () => {
    const { text, claims } = claimsOf('The fleet left port, the Peruvian Navy said. Tamsin Orel said that the harbour would reopen. The guild is believed to have moved.');
    assert.equal(claims.length, 3);
    for (const claim of claims) {
      assert.equal(text.slice(claim.start, claim.end), claim.text);
      if (claim.source) assert.equal(text.slice(claim.source.start, claim.source.end), claim.source.text);
      if (claim.cue) assert.equal(text.slice(claim.cue.start, claim.cue.end), claim.cue.text);
      assert.ok(claim.content.start >= claim.start && claim.content.end <= claim.end);
    }
  });
});
