import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../model.ts';
import { annotate } from './index.ts';

const entities = (text: string) => annotate(text, { referenceDate: '2024-11-29' }, { claims: false }).entities;
const find = (list: Entity[], text: string) => {
  const entity = list.find((e) => e.text === text);
  assert.ok(entity, `entity ${JSON.stringify(text)} in ${JSON.stringify(list.map((e) => `${e.type}:${e.text}`))}`);
  return entity;
};

describe('tagger spans refined by the rules', () => {
  it('every entity comes from the tagger or a precise rule, and names the rule', () => {
    const list = entities('Chilean Defense Minister Tomas Arvelo arrived in Lima on Friday for talks with Peruvian officials.');
    for (const e of list) assert.match(e.rule, /^(ner\.perceptron|entities\.)/);
    assert.ok(list.some((e) => e.rule.startsWith('ner.perceptron+')), 'rules refine tagger spans');
  });

  it('joins a demonym and its ministry into one ORG', () => {
    const list = entities('The talks ended, the Chilean Defense Ministry said on Monday.');
    const ministry = find(list, 'Chilean Defense Ministry');
    assert.equal(ministry.type, 'ORG');
    assert.ok(!list.some((e) => e.text === 'Chilean'), 'the demonym is inside the organisation');
  });

  it('attaches a title as the roles of the person, and types nationality and places', () => {
    const list = entities('Chilean Defense Minister Tomas Arvelo arrived in Oslo on Friday for talks.');
    const person = find(list, 'Tomas Arvelo');
    assert.equal(person.type, 'PERSON');
    assert.deepEqual(person.roles, ['Chilean Defense Minister']);
    assert.equal(find(list, 'Chilean').subtype, 'NORP');
    assert.equal(find(list, 'Oslo').type, 'LOC');
    assert.equal(find(list, 'Oslo').subtype, 'GPE');
  });

  it('a role word before a name keeps it a person', () => {
    const list = entities('In Lima, the minister met his Peruvian counterpart Ro Min-sung on Friday.');
    const person = find(list, 'Ro Min-sung');
    assert.equal(person.type, 'PERSON');
    assert.deepEqual(person.roles, ['Peruvian counterpart']);
  });

  it('an organisation head the tagger cut at a title word is one ORG with its owner in the canonical', () => {
    const list = entities("A source in Chile's General Staff spoke. Later the Chilean General Staff denied it.");
    const staff = list.filter((e) => e.type === 'ORG' && e.text.endsWith('General Staff'));
    assert.equal(staff.length, 2, JSON.stringify(list.map((e) => `${e.type}:${e.text}`)));
    assert.deepEqual(new Set(staff.map((e) => e.canonical)), new Set(['Chilean General Staff']));
  });

  it('keeps a name with a particle whole', () => {
    const list = entities('Later Faisal bin Qadir and Samir al-Hadi arrived in Lima.');
    assert.equal(find(list, 'Faisal bin Qadir').type, 'PERSON');
    assert.equal(find(list, 'Samir al-Hadi').type, 'PERSON');
  });

  it('a place with a place head is a GPE', () => {
    const list = entities('Fighting in Velmora Oblast continued for a third day, officials in Lima said.');
    const oblast = find(list, 'Velmora Oblast');
    assert.equal(oblast.type, 'LOC');
    assert.equal(oblast.subtype, 'GPE');
  });
});

describe('page furniture and repairs', () => {
  it('drops navigation labels and ALL-CAPS runs', () => {
    const text = "MORE NEWS\n\nEditors' Picks\n\nTrending Topics\n\nFollow Us\n\nTomas Arvelo left Lima on Friday.";
    const list = entities(text);
    assert.deepEqual(list.map((e) => e.text).sort(), ['Lima', 'Tomas Arvelo']);
  });

  it('a picture credit keeps only its agency, as an ORG', () => {
    const list = entities('Tomas Arvelo speaks in Lima on July 28 (Contributor/Getty Images)\n\nHe left on Friday.');
    const agency = find(list, 'Getty Images');
    assert.equal(agency.type, 'ORG');
    assert.ok(!list.some((e) => e.text.includes('Contributor')));
  });

  it('cuts a lower-case word glued to a name', () => {
    const list = entities('velmoran defence ministerTomas Arvelo, a former judge, replaced Ines Palo as minister in May.');
    assert.ok(list.some((e) => e.text === 'Tomas Arvelo' && e.type === 'PERSON'), JSON.stringify(list.map((e) => e.text)));
    assert.ok(!list.some((e) => /^\p{Ll}/u.test(e.text.replace(/^velmoran$/, 'Velmoran'))), 'no span starts inside a glued word');
  });

  it('cuts a capitalised sentence starter off a name', () => {
    const list = entities('Can Velmora survive the winter?\nThe council in Lima doubts it.');
    assert.ok(!list.some((e) => e.text.startsWith('Can ')), JSON.stringify(list.map((e) => e.text)));
  });

  it('drops a run of menu items with lower-case words', () => {
    const list = entities('Tags:\n• military North korea Chile Chile Peru\n\nTomas Arvelo left Lima on Friday.');
    assert.ok(!list.some((e) => e.text.includes('korea')), JSON.stringify(list.map((e) => e.text)));
  });
});

describe('resolution reasons', () => {
  it('says why a mention got its canonical', () => {
    const list = entities(
      'Defence Minister Andrei Kolvatov met the Chilean Defense Ministry in Lima. Andrey Kolvatov said the DPRK ' +
        'had not replied. Kolvatov left. Later the Chilean Defence Ministry confirmed the visit.',
    );
    assert.equal(find(list, 'Andrey Kolvatov').resolution, 'translit:Andrey Kolvatov~Andrei Kolvatov');
    assert.equal(find(list, 'Kolvatov').resolution, 'surname-of:Andrei Kolvatov');
    assert.equal(find(list, 'DPRK').resolution, 'acronym:DPRK=North Korea');
    const ministries = list.filter((e) => e.text.startsWith('Chilean Defen'));
    assert.equal(new Set(ministries.map((e) => e.canonical)).size, 1, JSON.stringify(ministries));
    assert.match(ministries[1]!.resolution ?? '', /^spelling:Chilean Defence Ministry~Chilean Defense Ministry$/);
  });
});
