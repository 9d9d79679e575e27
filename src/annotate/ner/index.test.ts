import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateConll, loadNerModel, NerModel, recognize, type NerSpan } from './index.ts';
import { DocumentState, MAX_FEATURES_PER_TOKEN, observeDocumentCasing } from './features.ts';
import { tagSpans } from './eval.ts';
import { trainTagger } from './train.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA = process.env.CROSSCHECK_DATA ?? join(REPO, '../shared/data');
const VALID = join(DATA, 'ner/conll2003/valid.txt');

/**
 * Dev-set entity F1 of the committed model (train-only, BIO, 10 epochs) as measured when it was trained;
 * the gate allows 0.005 below it.
 */
const MEASURED_VALID_F1 = 0.9274;
const GATE_MARGIN = 0.005;

const found = (spans: NerSpan[]): string[] => spans.map((s) => `${s.text}/${s.type}`);

describe('loadNerModel', () => {
  it('loads the committed model in under a second and caches it', () => {
    const began = performance.now();
    const model = loadNerModel();
    const ms = performance.now() - began;
    assert.ok(ms < 1000, `load took ${ms.toFixed(0)} ms`);
    assert.equal(loadNerModel(), model);
    assert.deepEqual(model.labels.slice(0, 3), ['O', 'B-PER', 'I-PER']);
  });
});

describe('recognize', () => {
  it('types the people, place and agency of a fictional report', () => {
    const text = 'Defence Minister Talia Brennic met Prime Minister Osric Vale in Kelmar on Tuesday, the Kelmar News Agency reported.';
    assert.deepEqual(found(recognize(text)), ['Talia Brennic/PERSON', 'Osric Vale/PERSON', 'Kelmar/LOC', 'Kelmar News Agency/ORG']);
  });

  it('returns offsets into the text and the model rule', () => {
    const text = 'VELSEN, March 4 -- Marra Folton, a spokeswoman for Brisk Aerial Holdings, said the Dorvan Cup final\nwould go ahead in Velsen.\n\nFolton declined to comment further.';
    const spans = recognize(text);
    assert.ok(spans.length >= 4);
    for (const span of spans) {
      assert.equal(text.slice(span.start, span.end), span.text);
      assert.equal(span.rule, 'ner.perceptron');
    }
    const byText = new Map(spans.map((s) => [s.text, s.type]));
    assert.equal(byText.get('Marra Folton'), 'PERSON');
    assert.equal(byText.get('Brisk Aerial Holdings'), 'ORG');
    assert.equal(byText.get('Folton'), 'PERSON');
    assert.equal(byText.get('VELSEN'), 'LOC');
  });

  it('reads hard real-world names', () => {
    assert.deepEqual(found(recognize('North Korean official No Kwang-chol said talks would resume.')), ['North Korean/MISC', 'No Kwang-chol/PERSON']);
    assert.ok(found(recognize('President Yoon Suk Yeol spoke in Seoul.')).includes('Yoon Suk Yeol/PERSON'));
    assert.ok(found(recognize('Defence Minister Rustem Umerov said the army needs shells.')).includes('Rustem Umerov/PERSON'));
    assert.ok(found(recognize('Kim Jong Un inspected a missile launch.')).includes('Kim Jong Un/PERSON'));
  });

  it('splits a possessive owner from the organisation it owns', () => {
    assert.deepEqual(found(recognize("Ukraine's General Staff said the attack failed.")), ['Ukraine/LOC', 'General Staff/ORG']);
  });

  it('tags a ministry after a demonym (CoNLL style: the demonym is MISC of its own)', () => {
    assert.deepEqual(found(recognize('the Russian Defense Ministry said on Sunday.')), ['Russian/MISC', 'Defense Ministry/ORG']);
  });

  it('finds no entity in an ALL-CAPS navigation line', { todo: 'the model tags "MORE NEWS" as ORG: CoNLL headlines are capitals' }, () => {
    assert.deepEqual(recognize('MORE NEWS'), []);
  });

  it('returns nothing for empty or entity-free text', () => {
    assert.deepEqual(recognize(''), []);
    assert.deepEqual(recognize('it rained all day and the roads were closed.'), []);
  });
});

describe('the tagger of a packed model', () => {
  const sentences = [
    ['KELMAR', 'NEWS', 'AGENCY', 'REPORTS', 'ON', 'VELSEN', 'TALKS'],
    ['Defence', 'Minister', 'Talia', 'Brennic', 'met', 'Osric', 'Vale', 'in', 'Velsen', 'on', 'Tuesday', '.'],
    ['Brennic', 'told', 'the', 'Kelmar', 'News', 'Agency', 'that', 'the', 'talks', 'in', 'New', 'York', 'went', 'well', '.'],
    ['"', 'We', 'agreed', ',', '"', 'said', 'Vale', ',', 'a', 'former', 'striker', 'of', 'Brisk', 'Rovers', '.'],
  ];

  it('scores every token as the sum of its feature rows (per-word sums and tables change nothing)', () => {
    const model = loadNerModel();
    const L = model.labelCount;
    const doc = new DocumentState();
    observeDocumentCasing(doc, sentences);
    for (const words of sentences) {
      // The feature rows read the document history before this sentence is tagged (tagging adds to it).
      model.features.extract(words, doc);
      const { features, counts } = model.features;
      const expected = new Float64Array(words.length * L);
      for (let i = 0; i < words.length; i++) {
        for (let k = i * MAX_FEATURES_PER_TOKEN; k < i * MAX_FEATURES_PER_TOKEN + counts[i]; k++) {
          for (let l = 0; l < L; l++) expected[i * L + l] += model.weight(features[k], l);
        }
      }
      model.tagSentence(words, doc);
      const emission = model.lastEmission(words.length);
      for (let k = 0; k < expected.length; k++) {
        assert.ok(Math.abs(emission[k] - expected[k]) < 1e-6 * (1 + Math.abs(expected[k])), `${words.join(' ')}: score ${k}`);
      }
    }
  });

  it('tags the same after its word table starts over', () => {
    const model = loadNerModel();
    const before = model.tagDocument(sentences);
    // More distinct words than the table keeps: it starts over (twice) and scores its words again.
    const filler = Array.from({ length: 25_000 }, (_, k) => `Word${k}`);
    model.tagDocument([filler]);
    model.tagDocument(sentences);
    assert.deepEqual(model.tagDocument(sentences), before);
  });
});

describe('training and the model file', () => {
  it('trains on a fictional corpus, saves and loads back the same tagger', () => {
    const sentence = (pairs: string): { words: string[]; tags: string[] } => {
      const items = pairs.split(' ').map((p) => p.split('/'));
      return { words: items.map(([w]) => w), tags: items.map(([, t]) => t) };
    };
    const docs = [
      { sentences: [sentence('Talia/B-PER Brennic/I-PER visited/O Kelmar/B-LOC ./O'), sentence('Brennic/B-PER left/O ./O')] },
      { sentences: [sentence('Osric/B-PER Vale/I-PER joined/O Brisk/B-ORG Holdings/I-ORG in/O Velsen/B-LOC ./O')] },
    ];
    const model = trainTagger(docs, { gazetteer: new Map(), clusters: new Map() }, {
      epochs: 5, scheme: 'BIO', hashBits: 12, seed: 1, trainedOn: 'fictional test corpus',
    });
    const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
    try {
      const file = join(dir, 'tiny.bin');
      model.save(file);
      const loaded = NerModel.load(file);
      const words = docs.map((d) => d.sentences.map((s) => s.words));
      for (const doc of words) assert.deepEqual(loaded.tagDocument(doc), model.tagDocument(doc));
      assert.deepEqual(
        loaded.spans(loaded.tagDocument([docs[1].sentences[0].words])[0]),
        tagSpans(docs[1].sentences[0].tags),
        'the tagger learned its training sentence',
      );
      assert.equal(loaded.header.trainedOn, 'fictional test corpus; 5 epochs');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('trains under the IO scheme, where adjacent words of one type read as one entity', () => {
    const sentence = (pairs: string): { words: string[]; tags: string[] } => {
      const items = pairs.split(' ').map((p) => p.split('/'));
      return { words: items.map(([w]) => w), tags: items.map(([, t]) => t) };
    };
    const docs = [
      { sentences: [sentence('Talia/B-PER Brennic/I-PER visited/O Kelmar/B-LOC ./O')] },
      { sentences: [sentence('Osric/B-PER Vale/I-PER joined/O Brisk/B-ORG Holdings/I-ORG ./O')] },
    ];
    const model = trainTagger(docs, { gazetteer: new Map(), clusters: new Map() }, {
      epochs: 5, scheme: 'IO', hashBits: 12, seed: 1, trainedOn: 'fictional test corpus',
    });
    assert.deepEqual(model.labels, ['O', 'I-PER', 'I-ORG', 'I-LOC', 'I-MISC']);
    const words = docs[1].sentences[0].words;
    assert.deepEqual(model.spans(model.tagDocument([words])[0]), tagSpans(docs[1].sentences[0].tags));
  });

  it('reads IOB1 and IOB2 tags as conlleval does', () => {
    assert.deepEqual(tagSpans(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
  });
});

describe('CoNLL-2003 quality gate', () => {
  const skip = existsSync(VALID) ? false : `CoNLL-2003 valid.txt not found under ${DATA}: quality gate skipped`;
  it(`keeps dev entity F1 >= ${(MEASURED_VALID_F1 - GATE_MARGIN).toFixed(4)}`, { skip }, () => {
    const result = evaluateConll(VALID, loadNerModel());
    const detail = Object.entries(result.perType)
      .map(([type, s]) => `${type} ${(100 * s.f1).toFixed(2)}`)
      .join(', ');
    console.log(`CoNLL dev F1 ${(100 * result.f1).toFixed(2)} (${detail}); ${Math.round(result.tokens / (result.taggingMs / 1000))} tokens/s`);
    assert.equal(result.support, 5942);
    assert.ok(result.f1 >= MEASURED_VALID_F1 - GATE_MARGIN, `F1 ${result.f1.toFixed(4)}`);
  });
});
