/**
 * Fictional articles for the server tests (invented outlets, people and places), built by hand with
 * offsets computed from the text so every span satisfies `text.slice(start, end) === span.text`.
 */
import type { Annotations, Claim, Entity, EntityType, Span, TimeExpression } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';

export const SCRIPT_TITLE = '<script>alert(1)</script> Ferry terminal closes';
export const IMG_PAYLOAD = '<img src=x onerror=alert(2)>';

function span(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not in text`);
  return { text: needle, start, end: start + needle.length };
}

interface ClaimSpec {
  sentence: string;
  source: string;
  sourceKind: 'person' | 'institution';
  cue: string;
  content: string;
}

interface ArticleSpec {
  id: string;
  story: string;
  title: string | null;
  outlet: string | null;
  author?: string;
  published: string;
  url: string | null;
  text: string;
  entities: Array<[string, EntityType, string]>;
  times: Array<[string, string]>;
  claims: ClaimSpec[];
  decision: 'joined' | 'opened';
}

function buildArticle(spec: ArticleSpec): StoredArticle {
  const { text } = spec;
  const entities: Entity[] = spec.entities.map(([needle, type, canonical]) => ({
    ...span(text, needle),
    type,
    canonical,
    rule: 'fixture',
  }));
  const times: TimeExpression[] = spec.times.map(([needle, value]) => ({
    ...span(text, needle),
    type: 'DATE',
    value,
    rule: 'fixture',
  }));
  const claims: Claim[] = spec.claims.map((claim) => {
    const sentence = span(text, claim.sentence);
    const local = (needle: string): Span => {
      const inner = span(claim.sentence, needle);
      return { text: needle, start: sentence.start + inner.start, end: sentence.start + inner.end };
    };
    const content = local(claim.content);
    return {
      ...sentence,
      source: { ...local(claim.source), kind: claim.sourceKind },
      cue: local(claim.cue),
      content: { start: content.start, end: content.end },
      hedged: false,
      rule: 'fixture',
    };
  });
  const annotations: Annotations = { entities, times, quantities: [], claims };
  return {
    record: {
      id: spec.id,
      input: `fixture:${spec.id}`,
      url: spec.url,
      ingestedAt: `${spec.published}T12:00:00+00:00`,
      article: {
        title: spec.title,
        authors: spec.author ? [spec.author] : [],
        credit: null,
        outlet: spec.outlet,
        published: spec.published,
        updated: null,
        language: 'en',
        description: null,
        tags: [],
        url: spec.url,
        text,
        provenance: { title: { rule: 'fixture' } },
      },
      annotations,
    },
    assignment: {
      id: spec.id,
      story: spec.story,
      explanation: {
        score: spec.decision === 'opened' ? 0 : 0.72,
        parts: spec.decision === 'opened' ? {} : { text: 0.5, entities: 0.22 },
        sharedTerms: spec.decision === 'opened' ? [] : ['ferry', 'terminal'],
        sharedEntities: spec.decision === 'opened' ? [] : ['Port Adrel'],
        decision: spec.decision,
      },
    },
  };
}

const FIRE_CLAIM = 'The fire destroyed the ticket hall, harbour master Orla Venn said.';

/** Two stories: a ferry-terminal fire told by three outlets, and a one-article orchard story. */
export function fictionalArticles(): StoredArticle[] {
  return [
    buildArticle({
      id: 'art-ferry-1',
      story: 'story-ferry',
      title: SCRIPT_TITLE,
      outlet: 'Adrel Harbour Gazette',
      author: 'Tamsin Okoro',
      published: '2031-04-08',
      url: 'https://gazette.example/ferry-fire',
      text:
        `The ferry terminal in Port Adrel closed on Tuesday after a night fire. ${FIRE_CLAIM}\n\n` +
        'Ferries to Skarholm will leave from the north quay for two weeks, the Adrel Ferry Company said.',
      entities: [
        ['Port Adrel', 'LOC', 'Port Adrel'],
        ['Orla Venn', 'PERSON', 'Orla Venn'],
        ['Skarholm', 'LOC', 'Skarholm'],
        ['Adrel Ferry Company', 'ORG', 'Adrel Ferry Company'],
      ],
      times: [['on Tuesday', '2031-04-08']],
      claims: [
        {
          sentence: FIRE_CLAIM,
          source: 'harbour master Orla Venn',
          sourceKind: 'person',
          cue: 'said',
          content: 'The fire destroyed the ticket hall',
        },
      ],
      decision: 'opened',
    }),
    buildArticle({
      id: 'art-ferry-2',
      story: 'story-ferry',
      title: 'Port Adrel terminal shut after blaze',
      outlet: IMG_PAYLOAD,
      published: '2031-04-09',
      url: 'javascript:alert(3)',
      text:
        `A fire shut the Port Adrel ferry terminal on Tuesday. ${FIRE_CLAIM}\n\n` +
        `Readers sent photos ${IMG_PAYLOAD} of the smoke.`,
      entities: [
        ['Port Adrel', 'LOC', 'Port Adrel'],
        ['Orla Venn', 'PERSON', 'Orla Venn'],
      ],
      times: [['on Tuesday', '2031-04-08']],
      claims: [
        {
          sentence: FIRE_CLAIM,
          source: 'harbour master Orla Venn',
          sourceKind: 'person',
          cue: 'said',
          content: 'The fire destroyed the ticket hall',
        },
      ],
      decision: 'joined',
    }),
    buildArticle({
      id: 'art-orchard-1',
      story: 'story-orchard',
      title: 'Quillmoor Vale orchards report record pear harvest',
      outlet: 'Quillmoor Post',
      published: '2031-03-02',
      url: 'https://post.example/pears',
      text: 'Orchards in Quillmoor Vale picked a record pear harvest this season, the growers’ cooperative said.',
      entities: [['Quillmoor Vale', 'LOC', 'Quillmoor Vale']],
      times: [],
      claims: [
        {
          sentence: 'Orchards in Quillmoor Vale picked a record pear harvest this season, the growers’ cooperative said.',
          source: 'the growers’ cooperative',
          sourceKind: 'institution',
          cue: 'said',
          content: 'Orchards in Quillmoor Vale picked a record pear harvest this season',
        },
      ],
      decision: 'opened',
    }),
  ];
}
