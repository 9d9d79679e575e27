import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim } from '../model.ts';
import type { AttributedClaim } from './claims.ts';
import { findAttributions } from './claims-attribution.ts';
import { annotate } from './index.ts';
import { analyzeText } from './text.ts';

const REFERENCE = { referenceDate: '2024-11-29' };
const claimsOf = (text: string) => ({ text, claims: annotate(text, REFERENCE).claims });
const single = (text: string): { text: string; claim: Claim } => {
  const { claims } = claimsOf(text);
  assert.equal(claims.length, 1, JSON.stringify(claims));
  return { text, claim: claims[0]! };
};
const content = (text: string, claim: Claim) => text.slice(claim.content.start, claim.content.end);
const viaOf = (claim: Claim) => claim.source?.via?.map((v) => [v.text, v.kind]);

describe('claim sources and kinds', () => {
  it('person: "<name> said that ..."', () => {
    const { text, claim } = single('Tamsin Orel said that the harbour would reopen in spring.');
    assert.equal(claim.source?.text, 'Tamsin Orel');
    assert.equal(claim.source?.kind, 'person');
    assert.equal(claim.cue?.text, 'said');
    assert.equal(content(text, claim), 'the harbour would reopen in spring');
    assert.equal(claim.rule, 'claims.said');
  });

  it('institution: sentence-final ", the ministry said."', () => {
    const { text, claim } = single('The convoy reached Oslo on Friday, the ministry said.');
    assert.equal(claim.source?.text, 'the ministry');
    assert.equal(claim.source?.kind, 'institution');
    assert.equal(content(text, claim), 'The convoy reached Oslo on Friday');
  });

  it('institution: "according to" after and before the content', () => {
    const after = single('Catches fell by a third, according to the Chilean Fisheries Ministry.');
    assert.equal(after.claim.source?.text, 'the Chilean Fisheries Ministry');
    assert.equal(after.claim.source?.kind, 'institution');
    assert.equal(after.claim.source?.canonical, 'Chilean Fisheries Ministry');
    assert.equal(content(after.text, after.claim), 'Catches fell by a third');
    const before = single('According to the Chilean Fisheries Ministry, catches fell by a third last year.');
    assert.equal(before.claim.cue?.text, 'According to');
    assert.equal(before.claim.source?.kind, 'institution');
    assert.equal(content(before.text, before.claim), 'catches fell by a third last year');
  });

  it('outlet: news agencies, state media, "<Name> Gazette"', () => {
    const wire = single('The mine flooded overnight, Reuters reported.').claim;
    assert.equal(wire.source?.kind, 'outlet');
    assert.equal(wire.cue?.text, 'reported');
    assert.equal(single('Velmoran state media said the mine flooded overnight.').claim.source?.kind, 'outlet');
  });

  it('anonymous: a source with an institution, officials; relayed by the outlet it told', () => {
    const { text, claim } = single("A source with Chile's General Staff told the Harbour Gazette that the drills ended.");
    assert.equal(claim.source?.kind, 'anonymous');
    assert.equal(claim.source?.text, "A source with Chile's General Staff");
    assert.deepEqual(viaOf(claim), [['the Harbour Gazette', 'outlet']]);
    assert.equal(content(text, claim), 'the drills ended');
    assert.equal(single('Officials in Lima said the drills ended on Monday.').claim.source?.kind, 'anonymous');
  });

  it('references resolve: "it added" to the last institution, "he said" to the last person', () => {
    const { claims } = claimsOf('The fleet left port, the Peruvian Navy said. The ships carry supplies for the islands, it added. Admiral Rosa Quell spoke next. The weather is calm, he said.');
    assert.equal(claims[0]!.source?.canonical, 'Peruvian Navy');
    assert.equal(claims[1]!.source?.text, 'it');
    assert.equal(claims[1]!.source?.kind, 'institution');
    assert.equal(claims[1]!.source?.canonical, 'Peruvian Navy');
    assert.equal(claims[3]!.source?.kind, 'person');
    assert.equal(claims[3]!.source?.canonical, 'Rosa Quell');
  });

  it('descriptions resolve: "the ministry", "the influential daily"', () => {
    const ministry = claimsOf('The Peruvian Defence Ministry announced new drills. The drills will last a week, the ministry said.').claims;
    assert.equal(ministry[1]!.source?.text, 'the ministry');
    assert.equal(ministry[1]!.source?.canonical, 'Peruvian Defence Ministry');
    const daily = claimsOf('The Orvani Times, the influential daily, reported the strike. The strike will spread, the influential daily added.').claims;
    assert.equal(daily[1]!.source?.kind, 'outlet');
    assert.equal(daily[1]!.source?.canonical, daily[0]!.source?.canonical);
  });

  it('a compound source: "The United States and its allies have said"', () => {
    const { claim } = single('The United States and its allies have said that the fleet has sent more than 2,000 sailors to Tarsa.');
    assert.equal(claim.source?.text, 'The United States and its allies');
    assert.equal(claim.source?.kind, 'institution');
  });
});

describe('relay chains', () => {
  it('"X believe that ..., the <outlet> reported" -> outlet relaying X', () => {
    const { text, claim } = single('NATO allies believe that the fleet is heading south, the Harbour Telegraph reported.');
    assert.equal(claim.source?.text, 'the Harbour Telegraph');
    assert.equal(claim.source?.kind, 'outlet');
    assert.deepEqual(viaOf(claim), [['NATO allies', 'institution']]);
    assert.equal(content(text, claim), 'the fleet is heading south');
    assert.equal(claim.hedged, true, '"believe" hedges');
  });

  it('"The <agency> news agency report citing the ministry ..." -> agency relaying the ministry', () => {
    const { text, claim } = single('The Velmora news agency report citing the ministry gave no reason for the delay.');
    assert.equal(claim.source?.text, 'The Velmora news agency');
    assert.equal(claim.source?.kind, 'outlet');
    assert.deepEqual(viaOf(claim), [['the ministry', 'institution']]);
    assert.equal(content(text, claim), 'gave no reason for the delay');
    assert.equal(claim.rule, 'claims.relay-citing');
  });

  it('a nested cue of desire is content, not a relay link', () => {
    const { claim } = single('NATO allies believe that the admiral wants to retake the islands, the Harbour Telegraph reported.');
    assert.deepEqual(viaOf(claim), [['NATO allies', 'institution']]);
  });
});

describe('quotations', () => {
  it('a direct quote over several sentences is one claim', () => {
    const text = 'Mara Velt said: "The bridge is closed. Trucks must detour. Repairs start in June." The mayor left the town hall.';
    const { claims } = claimsOf(text);
    assert.equal(claims.length, 2, JSON.stringify(claims.map((c) => c.text)));
    assert.equal(claims[0]!.source?.text, 'Mara Velt');
    assert.equal(content(text, claims[0]!), 'The bridge is closed. Trucks must detour. Repairs start in June');
    assert.equal(claims[1]!.source?.kind, 'document');
    assert.equal((claims[0] as AttributedClaim).quote, 'direct');
  });

  it('a split quote: the content runs over the cue into the next quoted sentence', () => {
    const text = '"The bridge is closed," Mara Velt said. "Repairs start in June."';
    const { claim } = single(text);
    assert.equal(claim.source?.text, 'Mara Velt');
    assert.ok(content(text, claim).startsWith('The bridge is closed'), content(text, claim));
    assert.ok(content(text, claim).endsWith('Repairs start in June'), content(text, claim));
  });
});

describe('quote kinds and content', () => {
  it('direct, indirect and mixed quotes', () => {
    const quoteOf = (text: string) => (single(text).claim as AttributedClaim).quote;
    assert.equal(quoteOf('"The harbour will reopen in spring," Tamsin Orel said.'), 'direct');
    assert.equal(quoteOf('Tamsin Orel said the harbour would reopen in spring.'), 'indirect');
    assert.equal(quoteOf('Tamsin Orel said the harbour would reopen "in the first days of spring."'), 'mixed');
    assert.equal(quoteOf("''The harbour will reopen in spring,'' Tamsin Orel said."), 'direct', "typewriter quotes that open with ''");
    assert.equal(quoteOf("``The harbour will reopen in spring,'' Tamsin Orel said."), 'direct');
  });

  it('the complementizer "that" is not part of the content', () => {
    const { text, claim } = single('Tamsin Orel told the Harbour Gazette that the harbour would reopen.');
    assert.equal(content(text, claim), 'the harbour would reopen');
  });
});

describe('unattributed and hedged claims', () => {
  it("the reporter's own voice: source kind document, an empty span at the claim's start", () => {
    const { claim } = single('The harbour of Tarsa reopened after the storm.');
    assert.deepEqual(claim.source, { text: '', start: claim.start, end: claim.start, kind: 'document' });
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
      assert.equal(claim.source?.kind === 'document', claim.cue === null, 'the document speaks exactly where no cue does');
    }
  });

  it('a quotation opened sentences before its trailing cue is one claim from the opening mark', () => {
    const { text, claims } = claimsOf('The harbour closed at noon. “The pier is unsafe. Nobody may board the ferries,” Tamsin Orel said.');
    const quoted = claims.find((c) => c.cue !== null);
    assert.ok(quoted, JSON.stringify(claims));
    assert.equal(content(text, quoted), 'The pier is unsafe. Nobody may board the ferries');
    assert.equal(quoted.source?.text, 'Tamsin Orel');
    assert.equal(claims.length, 2, 'the quotation\'s first sentence is no claim of its own');
  });

  it('a cue takes in its adverb and negated auxiliary; the source stops before them', () => {
    const adverb = single('Tamsin Orel sharply criticised the harbour plan.').claim;
    assert.equal(adverb.source?.text, 'Tamsin Orel');
    const negated = single("The guild isn't saying much about the harbour plan.").claim;
    assert.equal(negated.source?.text, 'The guild');
    assert.equal(negated.cue?.text.startsWith("isn't"), true);
    const named = single('Theresa May said the harbour would reopen.').claim;
    assert.equal(named.source?.text, 'Theresa May', 'a name\'s "May" is no modal of the cue');
    assert.equal(named.cue?.text, 'said');
  });

  it('punctuation cues: a speaker colon opening a line, a dash signing a quotation', () => {
    const transcript = claimsOf('Partial transcript as follows:\n\nMORAN: The harbour will reopen in spring, and the ferries will run again.');
    const colon = transcript.claims.find((c) => c.rule === 'claims.speaker-colon');
    assert.ok(colon, JSON.stringify(transcript.claims));
    assert.equal(colon.source?.text, 'MORAN');
    assert.equal(colon.cue?.text, ':');
    assert.equal(content(transcript.text, colon), 'The harbour will reopen in spring, and the ferries will run again');
    const signed = claimsOf('“The harbour must reopen. We cannot wait.” ― Tamsin Orel “The ferries are idle.” ― Rui Anand');
    const dashes = signed.claims.filter((c) => c.rule === 'claims.signing-dash');
    assert.deepEqual(dashes.map((c) => [c.source?.text, content(signed.text, c)]), [
      ['Tamsin Orel', 'The harbour must reopen. We cannot wait'],
      ['Rui Anand', 'The ferries are idle'],
    ]);
  });

  it('line labels before a colon name no speaker', () => {
    const { claims } = claimsOf('UPDATE: The harbour reopened on Friday after the storm.');
    assert.equal(claims.some((c) => c.rule === 'claims.speaker-colon'), false);
  });

  it('a source stops before an aside or a participle clause', () => {
    assert.equal(single('Tamsin Orel, at a briefing on Monday, said the harbour would reopen.').claim.source?.text, 'Tamsin Orel');
    assert.equal(single('“The harbour will reopen soon,” said Tamsin Orel, speaking at the port on Monday.').claim.source?.text, 'Tamsin Orel');
  });

  it('a pronoun fused with the cue\'s auxiliary is the source ("It’s denouncing")', () => {
    const { claims } = claimsOf('The Peruvian Navy issued a statement on Monday. It’s denouncing the harbour plan as reckless.');
    const denouncing = claims.find((c) => c.cue?.text.endsWith('denouncing'));
    assert.ok(denouncing, JSON.stringify(claims));
    assert.equal(denouncing.source?.text, 'It');
    assert.equal(denouncing.source?.kind, 'institution');
  });

  it('an opening participle cue takes the main clause\'s subject as its source', () => {
    const { text, claims } = claimsOf('Tamsin Orel inspected the pier. After saying the pier was unsafe, she closed it on Monday.');
    const saying = claims.find((c) => c.cue?.text === 'saying');
    assert.ok(saying, JSON.stringify(claims));
    assert.equal(saying.source?.text, 'she');
    assert.equal(saying.source?.canonical, 'Tamsin Orel');
    assert.equal(content(text, saying), 'the pier was unsafe');
  });
});

describe('attribution spans (findAttributions)', () => {
  const attributionsOf = (text: string) =>
    findAttributions(analyzeText(text)).map((a) => ({ cue: a.cue.text, source: a.source?.text ?? null, content: a.contentParts.map((p) => text.slice(p.start, p.end)) }));

  it('a source before its cue keeps the noun phrase its apposition describes', () => {
    const person = attributionsOf('The harbour stayed closed. Orla Venn, the port authority director, said that the cranes would be repaired by June.');
    assert.equal(person.find((a) => a.cue === 'said')?.source, 'Orla Venn, the port authority director', JSON.stringify(person));
    const institution = attributionsOf('Ferries ran late. Brinmouth Harbour Trust, the body that runs the quays, said the cranes were fixed.');
    assert.equal(institution.find((a) => a.cue === 'said')?.source, 'Brinmouth Harbour Trust, the body that runs the quays', JSON.stringify(institution));
  });

  it('a source before its cue ends where the verb phrase starts (an auxiliary or a negated verb)', () => {
    const auxiliary = attributionsOf('The harbour stayed closed. Councillor Ivo Brandt has a new leaflet blaming the port board for the delays.');
    assert.equal(auxiliary.find((a) => a.cue === 'blaming')?.source, 'Councillor Ivo Brandt', JSON.stringify(auxiliary));
    const negated = attributionsOf('The harbour stayed closed. Dock workers weren’t too worried about the delay.');
    assert.equal(negated.find((a) => a.cue.startsWith('worried'))?.source, 'Dock workers', JSON.stringify(negated));
  });

  it('a cue word with a third-person pronoun between commas or after a quotation is a cue; "you know" is not', () => {
    const aside = attributionsOf('The port reopened. All of this, he acknowledges, could be undone by winter.');
    assert.deepEqual(aside.map((a) => [a.cue, a.source]), [['acknowledges', 'he']]);
    const afterQuote = attributionsOf('The port reopened. “Why did nobody fix the cranes?” he asks. Nobody answered.');
    assert.deepEqual(afterQuote.map((a) => [a.cue, a.source]), [['asks', 'he']]);
    const filler = attributionsOf('The port reopened. The cranes, you know, were never fixed.');
    assert.equal(filler.length, 0, JSON.stringify(filler));
  });

  it('a cue sentence of source and cue alone after a question quote takes the quotation as content', () => {
    const found = attributionsOf('The ferry ran late again. “How often must we wait on this pier?” Tamsin Orel said. “Nobody answers.”');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.source, 'Tamsin Orel');
    assert.equal(found[0]!.content[0], 'How often must we wait on this pier');
  });

  it('a cue after "and" shares the source of the cue before it', () => {
    const found = attributionsOf('Councillor Ivo Brandt praised the crews and warned that the budget would not last.');
    const warned = found.find((a) => a.cue === 'warned');
    assert.ok(warned, JSON.stringify(found));
    assert.equal(warned.source, 'Councillor Ivo Brandt');
  });

  it('a participle cue after a comma shares the source of the cue before it', () => {
    const found = attributionsOf('Ilse Varga criticised Tomas Brenn and the ferry board, arguing that captains were underpaid.');
    assert.deepEqual(found.map((a) => [a.cue, a.source]), [['criticised', 'Ilse Varga'], ['arguing', 'Ilse Varga']]);
  });

  it('an object relative pronoun before the source is not part of it ("which officials said")', () => {
    const found = attributionsOf('The pier repairs, which harbour officials said would cost millions, began in May.');
    assert.equal(found[0]?.source, 'harbour officials', JSON.stringify(found));
  });

  it('"according to" ends its cue: the next word belongs to the source', () => {
    const found = attributionsOf('The pier was closed for a week, according to campaign insiders.');
    assert.deepEqual(found, [{ cue: 'according to', source: 'campaign insiders', content: ['The pier was closed for a week'] }]);
  });
});
