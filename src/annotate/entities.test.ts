import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../model.ts';
import { annotate, mergeCanonicals } from './index.ts';

const REFERENCE = { referenceDate: '2024-11-29' };
const entities = (text: string) => annotate(text, REFERENCE).entities;
const find = (list: Entity[], text: string) => {
  const entity = list.find((e) => e.text === text);
  assert.ok(entity, `entity ${JSON.stringify(text)} in ${JSON.stringify(list.map((e) => e.text))}`);
  return entity;
};

describe('entity types', () => {
  it('titles become roles of a person; the nationality is its own mention', () => {
    const list = entities('Norwegian Defense Minister Andrei Kolvatov arrived in Oslo on a visit.');
    const person = find(list, 'Andrei Kolvatov');
    assert.equal(person.type, 'PERSON');
    assert.deepEqual(person.roles, ['Norwegian Defense Minister']);
    assert.equal(find(list, 'Norwegian').subtype, 'NORP');
    const oslo = find(list, 'Oslo');
    assert.equal(oslo.type, 'LOC');
    assert.equal(oslo.subtype, 'GPE');
    assert.ok(!list.some((e) => e.text.includes('Minister')));
  });

  it('countries are LOC/GPE, demonyms NORP, a demonym with an organisation head is one ORG', () => {
    const list = entities('The talks between Chile and Peru ended, the Chilean Defense Ministry said, and Peruvian officials agreed.');
    assert.equal(find(list, 'Chile').subtype, 'GPE');
    assert.equal(find(list, 'Peru').type, 'LOC');
    assert.equal(find(list, 'Chilean Defense Ministry').type, 'ORG');
    assert.equal(find(list, 'Peruvian').subtype, 'NORP');
  });

  it('possessive owner: LOC plus ORG whose canonical names the owner', () => {
    const list = entities("A source in Ukraine's General Staff spoke. Later the Ukrainian General Staff denied it.");
    assert.equal(find(list, 'Ukraine').type, 'LOC');
    const staff = list.filter((e) => e.type === 'ORG' && e.text.endsWith('General Staff'));
    assert.equal(staff.length, 2);
    assert.equal(staff[0]!.canonical, 'Ukrainian General Staff');
    assert.equal(staff[1]!.canonical, 'Ukrainian General Staff');
  });

  it('hyphenated Korean names, particles and Arabic prefixes are persons', () => {
    const list = entities('He met his counterpart Ro Min-sung in Seoul. Later Faisal bin Qadir and Samir al-Hadi arrived.');
    assert.equal(find(list, 'Ro Min-sung').type, 'PERSON');
    assert.deepEqual(find(list, 'Ro Min-sung').roles, ['counterpart']);
    assert.equal(find(list, 'Faisal bin Qadir').type, 'PERSON');
    assert.equal(find(list, 'Samir al-Hadi').type, 'PERSON');
  });

  it('heads: Oblast is a place, Ministry of ... an organisation, Day an event', () => {
    const list = entities('Fighting in Velmora Oblast continued, the Ministry of Fisheries said after Harbour Day.');
    assert.equal(find(list, 'Velmora Oblast').type, 'LOC');
    assert.equal(find(list, 'Ministry of Fisheries').type, 'ORG');
    assert.equal(find(list, 'Harbour Day').type, 'MISC');
  });

  it('skips sentence-initial common words, calendar words and boilerplate', () => {
    const list = entities("After the vote, Tamsin Orel left on Friday.\n\nMORE NEWS\n\nEditors' Picks\n\nIn Lisbon, the mood was calm.");
    assert.deepEqual(list.map((e) => e.text), ['Tamsin Orel', 'Lisbon']);
  });

  it('apposition roles', () => {
    const list = entities('Maria Solvik, the foreign minister, spoke.');
    assert.deepEqual(find(list, 'Maria Solvik').roles, ['the foreign minister']);
  });
});

describe('canonicals within a document', () => {
  it('surname mentions and transliteration variants share the full name', () => {
    const list = entities('Defense Minister Andrei Kolvatov spoke. Andrey Kolvatov later left. Kolvatov said little.');
    const canonicals = new Set(list.filter((e) => e.type === 'PERSON').map((e) => e.canonical));
    assert.equal(canonicals.size, 1);
    assert.equal(find(list, 'Andrey Kolvatov').resolution, 'translit:Andrey Kolvatov~Andrei Kolvatov');
    const surname = find(list, 'Kolvatov');
    assert.equal(surname.type, 'PERSON');
    assert.equal(surname.resolution, 'surname-of:Andrei Kolvatov');
  });

  it('a surname used before the full name still resolves', () => {
    const list = entities('Kolvatov arrived. Later Andrei Kolvatov spoke.');
    assert.equal(find(list, 'Kolvatov').canonical, 'Andrei Kolvatov');
  });

  it('British and American spellings are one organisation', () => {
    const list = entities('The Chilean Defence Ministry spoke. The Chilean Defense Ministry agreed.');
    const orgs = list.filter((e) => e.type === 'ORG');
    assert.equal(orgs.length, 2);
    assert.equal(orgs[0]!.canonical, orgs[1]!.canonical);
  });

  it('acronyms and aliases: DPRK -> North Korea, U.S. -> United States', () => {
    const list = entities('North Korea and the DPRK are one. The U.S. envoy met the US delegation.');
    assert.equal(find(list, 'DPRK').canonical, 'North Korea');
    assert.equal(find(list, 'DPRK').resolution, 'acronym:DPRK=North Korea');
    assert.equal(find(list, 'U.S.').canonical, 'United States');
    assert.equal(find(list, 'US').canonical, 'United States');
  });

  it('East Asian family names come first', () => {
    const list = entities('President Park Sun-ho met aides. Park later resigned.');
    assert.equal(find(list, 'Park').canonical, 'Park Sun-ho');
  });

  it('different people stay apart', () => {
    const list = entities('Andrei Kolvatov met Ivan Petrenko.');
    assert.notEqual(find(list, 'Andrei Kolvatov').canonical, find(list, 'Ivan Petrenko').canonical);
  });
});

describe('mergeCanonicals across a story', () => {
  it('maps document canonicals to one story canonical', () => {
    const first = entities('Defense Minister Andrei Kolvatov spoke in Oslo. Kolvatov left.');
    const second = entities('Andrey Kolvatov, the minister, arrived. The DPRK replied.');
    const third = entities('On Friday, Kolvatov declined to comment. North Korea said nothing.');
    const merged = mergeCanonicals([first, second, third]);
    assert.equal(merged.get('Andrei Kolvatov'), merged.get('Andrey Kolvatov'));
    assert.equal(merged.get('North Korea'), 'North Korea');
    assert.equal(merged.get('Oslo'), 'Oslo');
    // "Kolvatov" alone is a canonical only in the third document: it joins the full name.
    assert.equal(merged.get('Kolvatov'), merged.get('Andrei Kolvatov'));
    assert.notEqual(merged.get('Oslo'), merged.get('Andrei Kolvatov'));
  });
});
