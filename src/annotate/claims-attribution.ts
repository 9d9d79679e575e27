/**
 * Attributions of one document: cue, source and content spans, as PolNeAR annotates them (every
 * attribution, nested ones included). claims.ts turns them into claims (one per outer attribution, inner
 * sources as the relay chain); eval/claims.ts scores them.
 *
 *   tokens -> cue model on the cue-head lexicon -> cue spans (head widened over "has", "to", ...) -> per
 *   cue: source ranker picks the source span (or none) -> content tagger tags the rest of the sentence
 *   O / CONTENT -> content = the CONTENT runs -> direct quotes continued over later sentences join the
 *   content.
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../model.ts';
import * as constants from './claims-constants.ts';
import * as modelModule from './claims-model.ts';
import type { ClaimsModel, TokenContext } from './claims-model.ts';
import { contentScorer, tagContent, type ContentScorer } from './claims-content-scorer.ts';
import { cueScorer, type CueScorer } from './claims-cue-scorer.ts';
import * as sourceModule from './claims-source-model.ts';
import type { SourceFrame } from './claims-source-model.ts';
import { tokenFrom, type AnalyzedText, type Token } from './text.ts';

// Imported bindings copied once: the test and CLI runner (tsx) reads imported bindings through getters,
// which costs in the per-token loops below.
const { CONTENT_FEATURE_COUNT, CUE_FEATURE_COUNT, isCueCandidate, commasIn, quotesIn, contentFeatures, contentFrame, cueFeatures, loadClaimsModel, tokenContext } = modelModule;
const { SourceScratch, bestSource } = sourceModule;
const { ALWAYS_CUES, RELAY_CHAIN_CUES, THIRD_PERSON_SUBJECTS, APPOSITION_DETERMINERS, CLAUSE_AUXILIARIES, CLAUSE_OPENERS, DISCOURSE_OPENERS, MAX_APPOSITION_TOKENS, PARTICIPLE_OPENERS, CONTRACTED_SUBJECTS, ASIDE_OPENERS, RELATIVE_SUBJECTS, SUBJECT_PRONOUNS, MAX_SIGNATURE_TOKENS, MAX_SIGNED_QUOTE_TOKENS, NAME_CONNECTORS, SPEAKER_LABELS, MIN_CUE_ADVERB_LENGTH, NOT_CUE_ADVERBS, MAX_QUOTE_SENTENCES, MAX_SOURCE_TOKENS, PASSIVE_AUXILIARIES, PASSIVE_CUES } = constants;
/** First words of the rule cues, to test each token once. */
const ALWAYS_FIRST = new modelModule.WordHashSet(ALWAYS_CUES.map((phrase) => phrase[0]!));
/** Verbs of saying and believing, which end a trailing reporting clause (", the daily added."). */
const REPORTING_VERBS = new modelModule.WordHashSet(RELAY_CHAIN_CUES);
const O = modelModule.LABEL_O;
const CONTENT = modelModule.LABEL_CONTENT;
const QUOTE = modelModule.GAP_QUOTE;
const STOP = modelModule.GAP_STOP;
const COMMA = modelModule.GAP_COMMA;
const COLON = modelModule.GAP_COLON;
const DASH = modelModule.GAP_DASH;

export interface Attribution {
  cue: Span;
  /** Token indices of the cue, first and last, and of its head word. */
  cueFirst: number;
  cueLast: number;
  cueHead: number;
  source: Span | null;
  /** Token indices of the source, when there is one. */
  sourceFirst: number;
  sourceLast: number;
  /** Hull of the content parts. */
  content: Span;
  /** The content as the model tagged it: runs of CONTENT tokens (a split quote gives two). */
  contentParts: Array<{ start: number; end: number }>;
  /** Sentences (indices into doc.sentences) the attribution spans, first to last. */
  firstSentence: number;
  lastSentence: number;
  rule: string;
}

/** A cue found in the text: its tokens and head. */
export interface CueSpan {
  first: number;
  last: number;
  head: number;
}

export const DEFAULT_CLAIMS_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/claims-polnear.bin');

let defaultModel: ClaimsModel | null = null;

/** The committed model, loaded once. */
export function defaultClaimsModel(): ClaimsModel {
  defaultModel ??= loadClaimsModel(DEFAULT_CLAIMS_MODEL_PATH);
  return defaultModel;
}

/** The source ranker's scratch buffers, reused by every call (they hold nothing between cues). */
const sharedScratch = new SourceScratch();

/** A model's table scorers, built once (null for float weights: the feature functions then). */
interface Derived {
  cue: CueScorer | null;
  content: ContentScorer | null;
}

const derived = new WeakMap<ClaimsModel, Derived>();

function derivedOf(model: ClaimsModel): Derived {
  let found = derived.get(model);
  if (!found) {
    found = { cue: cueScorer(model.cue), content: contentScorer(model.content) };
    derived.set(model, found);
  }
  return found;
}

/** Words joining two cues that share a subject. */
const COORDINATORS = new Set(['and', 'but']);
/** Relative pronouns that open a clause whose own subject follows them ("the changes, which officials said"). */
const OBJECT_RELATIVES = new Set(['which', 'whom']);
/** Words opening a new clause after a comma. */
const CLAUSE_COORDINATORS = new Set(['and', 'but', 'or', 'so', 'yet']);

const span = (text: string, start: number, end: number): Span => ({ text: text.slice(start, end), start, end });

/** The cues of the document: heads the cue model accepts, widened over the words cues carry beside their heads. */
export function findCues(doc: AnalyzedText, ctx: TokenContext, model: ClaimsModel): CueSpan[] {
  const { tokens } = doc;
  const n = tokens.length;
  const head = new Uint8Array(n);
  const features = new Int32Array(CUE_FEATURE_COUNT);
  const cueWords = model.cueWordHashes;
  const cueStems = model.cueStems;
  const threshold = model.cueThreshold;
  const word = ctx.word;
  // The shipped model's margins read partly from tables (the same numbers, see claims-cue-scorer.ts).
  const scorer = derivedOf(model).cue;
  for (const sentence of doc.sentences) {
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      if (!isCueCandidate(ctx, k, cueWords, cueStems)) continue;
      const margin = scorer
        ? scorer.margin(ctx, k, sentence.firstToken, sentence.endToken)
        : model.cue.margin(features, cueFeatures(ctx, k, sentence.firstToken, sentence.endToken, features));
      if (margin > threshold) head[k] = 1;
    }
  }
  // Lexicon words in a reporting frame the model may score low: a third-person pronoun and the word alone
  // between commas ("All of this, he acknowledges, could ...") or after a closing quotation mark, ending the
  // sentence ("“Why ...?” he asks."). Not "I" / "we" / "you": ", you know," and ", I think," are fillers.
  for (let k = 1; k < n; k++) {
    if (head[k] || !cueWords.has(word[k]!) || tokens[k]!.shape !== 'lower' || !THIRD_PERSON_SUBJECTS.has(ctx.lower[k - 1]!)) continue;
    const opening = ctx.gapBefore[k - 1]!;
    const closing = ctx.gapBefore[k + 1]!;
    if (ctx.gapBefore[k] !== 0 || tokens[k - 1]!.sentence !== tokens[k]!.sentence) continue;
    const parenthetical = (opening & COMMA) !== 0 && (closing & COMMA) !== 0 && k + 1 < n && tokens[k + 1]!.sentence === tokens[k]!.sentence;
    const afterQuote = (opening & QUOTE) !== 0 && (k + 1 >= n || tokens[k + 1]!.sentence !== tokens[k]!.sentence);
    if (parenthetical || afterQuote) head[k] = 1;
  }
  // A trailing reporting clause: a verb of saying ends the sentence after a comma or a closing quotation and
  // a noun phrase (determiner or name first: "..., the influential daily added.", "” Orel said.").
  for (const sentence of doc.sentences) {
    const k = sentence.endToken - 1;
    if (k - 1 <= sentence.firstToken || head[k] || tokens[k]!.shape !== 'lower' || !REPORTING_VERBS.has(word[k]!) || !cueWords.has(word[k]!)) continue;
    let j = k - 1;
    while (j > sentence.firstToken && k - j < MAX_APPOSITION_TOKENS && ctx.gapBefore[j] === 0) j--;
    if (j <= sentence.firstToken || (ctx.gapBefore[j]! & (COMMA | QUOTE)) === 0 || ctx.gapBefore[k] !== 0) continue;
    const opener = tokens[j]!.shape;
    if (APPOSITION_DETERMINERS.has(ctx.lower[j]!) || ((opener === 'cap' || opener === 'upper') && !SUBJECT_PRONOUNS.has(ctx.lower[j]!))) head[k] = 1;
  }
  // Rule cues the model may miss ("According to the source, ..."): the phrase's first word is the head, and
  // the cue takes the whole phrase.
  const always = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (!ALWAYS_FIRST.has(word[k]!)) continue;
    for (const phrase of ALWAYS_CUES) {
      if (ctx.lower[k] !== phrase[0]) continue;
      let ok = k + phrase.length <= n;
      for (let j = 1; ok && j < phrase.length; j++) ok = ctx.lower[k + j] === phrase[j];
      if (!ok) continue;
      head[k] = 1;
      for (let j = 1; j < phrase.length; j++) always[k + j] = 1;
    }
  }
  const left = model.cueLeft;
  const right = model.cueRight;
  const cues: CueSpan[] = [];
  for (let k = 0; k < n; k++) {
    if (!head[k]) continue;
    const sentence = tokens[k]!.sentence;
    let first = k;
    let last = k;
    // Widen over words cues carry ("has repeatedly said", "according to"), never across punctuation.
    // A word joins when cues take it in beside any head ("has", "also") or beside this head ("according" + "to").
    const headWord = ctx.lower[k]!;
    while (first - 1 >= 0 && tokens[first - 1]!.sentence === sentence && ctx.gapBefore[first] === 0) {
      const w = ctx.lower[first - 1]!;
      // A capitalised word inside the sentence is a name, not a lexicon word ("Theresa May said": no modal).
      const lexical = (tokens[first - 1]!.shape === 'lower' || tokens[first - 1]!.sentenceInitial) && (left.has(w) || (first === k && left.has(`${headWord} ${w}`)));
      if (!(head[first - 1] || lexical || isCueModifier(w, tokens[first - 1]!.shape))) break;
      if (isPronounContraction(tokens[first - 1]!, w)) break; // "It’s denouncing": "It" is the source
      first--;
    }
    // A fixed phrase ends its cue ("according to | show insiders": the next word is the source's).
    while (last + 1 < n && always[last + 1]) last++;
    while (last === k || !always[last]) {
      if (!(last + 1 < n && tokens[last + 1]!.sentence === sentence && ctx.gapBefore[last + 1] === 0)) break;
      const w = ctx.lower[last + 1]!;
      if (!(head[last + 1] || always[last + 1] || right.has(w) || (last === k && right.has(`${headWord} ${w}`)))) break;
      last++;
    }
    // Heads inside the widened span ("laughed and said") make one cue; the later head wins (the verb of speech).
    let lastHead = k;
    for (let j = k; j <= last; j++) if (head[j]) lastHead = j;
    const previous = cues[cues.length - 1];
    if (previous && previous.last >= first) {
      previous.last = Math.max(previous.last, last);
      previous.head = lastHead;
    } else {
      cues.push({ first, last, head: lastHead });
    }
    k = last;
  }
  return cues;
}

/**
 * Words a cue takes in on its left whatever the lexicon says: adverbs in -ly ("cynically dismissed", "had
 * historically resisted") and negated auxiliaries ("weren't", "haven't"); PolNeAR cues carry them, and a
 * cue cut short leaves them to the source ("Gingrich cynically").
 */
function isCueModifier(word: string, shape: string): boolean {
  if (shape !== 'lower') return false;
  if (word.endsWith("n't") || word.endsWith('n’t')) return true;
  return word.length >= MIN_CUE_ADVERB_LENGTH && word.endsWith('ly') && !NOT_CUE_ADVERBS.has(word);
}

/**
 * Where a source before its cue really starts, when the ranker reached back past a clause boundary: a
 * pronoun after the last comma ("The average benefit, it says") or a relative pronoun right before the cue
 * ("the study -- which notes") is the whole source.
 */
function sourceStart(ctx: TokenContext, first: number, last: number): number {
  if (SUBJECT_PRONOUNS.has(ctx.lower[last]!) && (ctx.gapBefore[last]! & COMMA) !== 0) return last;
  if (RELATIVE_SUBJECTS.has(ctx.lower[last]!)) return last;
  // A new clause inside the span ("Four in 10 voters see X, and a third said"; "The story never ran; my
  // editor argued"): the source starts after its break. Dashes stay (an aside inside the noun phrase).
  for (let k = last; k >= first; k--) {
    if (OBJECT_RELATIVES.has(ctx.lower[k]!) && k < last && ctx.gapBefore[last + 1] === 0 && commasIn(ctx, k + 1, last) === 0) return k + 1;
    if (k === first) break;
    const gap = ctx.gapBefore[k]!;
    if (gap & COLON) return k;
    if (gap & COMMA && CLAUSE_COORDINATORS.has(ctx.lower[k]!) && k < last) return k + 1;
  }
  return first;
}

/**
 * Where a source really ends, when the ranker ran on past its noun phrase: a participle clause after a
 * comma once the cue is passed ("said Donald Tusk, summing up ..."), a prepositional aside between the
 * source and its cue ("Hillary Clinton, at a later press gaggle, said"). Appositions and relative clauses
 * stay: PolNeAR's sources keep them as often as not (cutting them cost source F1 on train and dev).
 */
function sourceEnd(doc: AnalyzedText, ctx: TokenContext, first: number, last: number, cueFirst: number): number {
  const after = first > cueFirst;
  for (let k = first + 1; k <= last; k++) {
    if ((ctx.gapBefore[k]! & COMMA) === 0) continue;
    const w = ctx.lower[k]!;
    if (after && doc.tokens[k]!.shape === 'lower' && w.endsWith('ing')) return k - 1;
    // Before the cue, only the last comma-delimited part, closed by the comma before the cue.
    if (!after && ASIDE_OPENERS.has(w) && (ctx.gapBefore[last + 1]! & COMMA) !== 0 && commasIn(ctx, k + 1, last) === 0) return k - 1;
  }
  return last;
}

/**
 * Where a subject before its cue ends when the ranker ran on into the verb phrase ("Hillary Clinton | has a
 * new ad hitting", "Rakeyia Scott | can be heard yelling", "Republicans | weren't too concerned about"):
 * at an auxiliary or a negated verb in the source's last comma-free stretch, after its first word, unless
 * the source holds a relative pronoun (a relative clause keeps its verbs: "the study, which has found").
 * Participles stay: PolNeAR keeps "a poll released Friday" and "a union representing flight attendants".
 */
function subjectEnd(doc: AnalyzedText, ctx: TokenContext, first: number, last: number): number {
  for (let k = first; k <= last; k++) if (RELATIVE_SUBJECTS.has(ctx.lower[k]!) || ctx.lower[k] === 'whose' || ctx.lower[k] === 'what') return last;
  let from = last;
  while (from > first && ctx.gapBefore[from] === 0) from--;
  for (let k = from; k <= last; k++) {
    const w = ctx.lower[k]!;
    if (k === first || doc.tokens[k]!.shape !== 'lower') continue;
    if (CLAUSE_AUXILIARIES.has(w) || w.endsWith("n't") || w.endsWith('n’t')) return k - 1;
  }
  return last;
}

/**
 * A chunk of tokens [from, to] that can be one half of "<noun phrase>, <apposition>," before a cue: no
 * punctuation inside, no other cue, no relative pronoun, opened by a determiner or a capitalised word and
 * not by a preposition, a subordinator, a participle or a time word ("In a statement, ...", "Asked about
 * it, ...", "Tuesday, ...").
 */
function isNounChunk(doc: AnalyzedText, ctx: TokenContext, from: number, to: number, cueBefore: Int32Array): boolean {
  if (to < from || to - from + 1 > MAX_APPOSITION_TOKENS) return false;
  if (cueBefore[to + 1]! - cueBefore[from]! > 0) return false;
  for (let k = from; k <= to; k++) {
    if (k > from && ctx.gapBefore[k] !== 0) return false;
    if (RELATIVE_SUBJECTS.has(ctx.lower[k]!) || ctx.lower[k] === 'whose') return false;
  }
  const opener = ctx.lower[from]!;
  if (ASIDE_OPENERS.has(opener) || CLAUSE_OPENERS.has(opener) || SUBJECT_PRONOUNS.has(opener) || DISCOURSE_OPENERS.has(opener)) return false;
  const shape = doc.tokens[from]!.shape;
  if (!(APPOSITION_DETERMINERS.has(opener) || shape === 'cap' || shape === 'upper')) return false;
  // "Asked about ...", "Speaking to ...": a participle opens a clause ("United States ..." is a name).
  if ((opener.endsWith('ing') || opener.endsWith('ed')) && (from === to || doc.tokens[from + 1]!.shape === 'lower')) return false;
  return true;
}

/**
 * "Kerr Putney, the police chief, said" / "A lawyer for the outlets, David Schulz, said": PolNeAR's source is
 * the noun phrase with its apposition, both closed by the comma before the cue. When the ranker took one half
 * only, the other joins: the noun phrase before an apposition it picked (from the sentence start or the last
 * punctuation, a leading discourse word such as "Even" left out), or a noun apposition after a name it picked
 * (not a relative clause or an age: PolNeAR leaves "who ..." and ", 58," out more often than not).
 */
function appositionSource(doc: AnalyzedText, ctx: TokenContext, sentenceStart: number, first: number, last: number, cueFirst: number, cueBefore: Int32Array): { first: number; last: number } {
  if ((ctx.gapBefore[cueFirst]! & COMMA) === 0 || (ctx.gapBefore[cueFirst]! & ~(COMMA | DASH)) !== 0) return { first, last };
  if (commasIn(ctx, first + 1, last) > 0) return { first, last };
  if (last === cueFirst - 1 && first > sentenceStart && ctx.gapBefore[first] === COMMA) {
    // The apposition was picked: the noun phrase before its comma joins.
    let from = first - 1;
    while (from > sentenceStart && ctx.gapBefore[from] === 0) from--;
    while (from < first - 1 && DISCOURSE_OPENERS.has(ctx.lower[from]!)) from++;
    if (isNounChunk(doc, ctx, from, first - 1, cueBefore) && last - from + 1 <= MAX_SOURCE_TOKENS) return { first: from, last };
  } else if (last < cueFirst - 1 && ctx.gapBefore[last + 1] === COMMA) {
    // The name was picked: its apposition up to the comma before the cue joins.
    if (isNounChunk(doc, ctx, last + 1, cueFirst - 1, cueBefore) && cueFirst - first <= MAX_SOURCE_TOKENS) return { first, last: cueFirst - 1 };
  }
  return { first, last };
}

/** "It’s", "he's", "who’s": a subject pronoun fused with the auxiliary of the cue after it. */
function isPronounContraction(token: Token, lower: string): boolean {
  return token.possessive && token.nameEnd < token.end && CONTRACTED_SUBJECTS.has(lower.slice(0, token.nameEnd - token.start));
}

/**
 * The subject of the main clause after an opening participle cue ("Citing a theory, Trump accused ...",
 * "After saying ..., she was"): the source stands after the participle clause's comma, past the source
 * ranker's reach. Taken when it is a pronoun or a short capitalised name.
 */
function participleSubject(doc: AnalyzedText, ctx: TokenContext, first: number, head: number, start: number, end: number): { first: number; last: number } | null {
  if (!ctx.lower[head]!.endsWith('ing')) return null;
  if (first !== start && !(first === start + 1 && PARTICIPLE_OPENERS.has(ctx.lower[start]!))) return null;
  let comma = head + 1;
  while (comma < end && (ctx.gapBefore[comma]! & COMMA) === 0) comma++;
  if (comma >= end || quotesIn(ctx, head + 1, comma) > 0) return null;
  if (SUBJECT_PRONOUNS.has(ctx.lower[comma]!)) return { first: comma, last: comma };
  let last = comma;
  while (last + 1 < end && last - comma + 1 < MAX_SIGNATURE_TOKENS && ctx.gapBefore[last + 1] === 0 && doc.tokens[last + 1]!.shape !== 'lower') last++;
  const shape = doc.tokens[comma]!.shape;
  return shape === 'cap' || shape === 'upper' ? { first: comma, last } : null;
}

/** Finds every attribution of the document; `cues` replaces the cue model (training, oracle studies). */
export function findAttributions(doc: AnalyzedText, model: ClaimsModel = defaultClaimsModel(), context?: TokenContext, cues?: CueSpan[]): Attribution[] {
  const { text, tokens, sentences } = doc;
  const ctx = context ?? tokenContext(doc);
  const found = cues ?? findCues(doc, ctx, model);
  const n = tokens.length;
  const cueTokens = new Uint8Array(n);
  for (const c of found) for (let k = c.first; k <= c.last; k++) cueTokens[k] = 1;
  const cueBefore = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) cueBefore[k + 1] = cueBefore[k]! + cueTokens[k]!;
  const scratch = sharedScratch;
  const attributions: Attribution[] = [];
  const features = new Int32Array(CONTENT_FEATURE_COUNT);
  // The shipped model's content tagged from tables (the same labels, see claims-content-scorer.ts).
  const scorer = derivedOf(model).content;
  const labels = new Uint8Array(n);
  for (const { first, last, head } of found) {
    const sentenceIndex = tokens[first]!.sentence;
    const sentence = sentences[sentenceIndex]!;
    const frame: SourceFrame = { first, last, head, start: sentence.firstToken, end: sentence.endToken, cueBefore };
    const chosen = bestSource(ctx, frame, model.source, scratch);
    let sourceFirst = chosen.first;
    let sourceLast = chosen.last;
    // A coordinated source the ranker cut at "and" ("The United States and its allies said"): the conjunct
    // before it joins when it is a name (capitalised words, "the") standing at the sentence start or after
    // punctuation.
    if (sourceFirst - 2 >= sentence.firstToken && sourceLast < first && (ctx.lower[sourceFirst - 1] === 'and' || ctx.lower[sourceFirst - 1] === 'or') && ctx.gapBefore[sourceFirst] === 0 && ctx.gapBefore[sourceFirst - 1] === 0) {
      let conjunctFirst = sourceFirst - 1;
      for (let j = sourceFirst - 2; j >= sentence.firstToken && (tokens[j]!.shape === 'cap' || tokens[j]!.shape === 'upper' || ctx.lower[j] === 'the'); j--) {
        conjunctFirst = j;
        if (ctx.gapBefore[j] !== 0) break;
      }
      if (conjunctFirst < sourceFirst - 1 && (conjunctFirst === sentence.firstToken || ctx.gapBefore[conjunctFirst] !== 0)) sourceFirst = conjunctFirst;
    }
    // An opening participle ("After saying ..., she"): the ranker's source before it can only be the opener.
    if (sourceFirst < 0 || sourceLast < first) {
      const subject = participleSubject(doc, ctx, first, head, sentence.firstToken, sentence.endToken);
      if (subject) {
        sourceFirst = subject.first;
        sourceLast = subject.last;
      }
    }
    if (sourceFirst >= 0 && sourceLast < first && sourceLast > sourceFirst) sourceFirst = sourceStart(ctx, sourceFirst, sourceLast);
    if (sourceFirst >= 0 && sourceLast > sourceFirst) sourceLast = sourceEnd(doc, ctx, sourceFirst, sourceLast, first);
    if (sourceFirst >= 0 && sourceLast < first && sourceLast > sourceFirst) sourceLast = subjectEnd(doc, ctx, sourceFirst, sourceLast);
    if (sourceFirst >= 0 && sourceLast < first) {
      const whole = appositionSource(doc, ctx, sentence.firstToken, sourceFirst, sourceLast, first, cueBefore);
      sourceFirst = whole.first;
      sourceLast = whole.last;
    }
    // "It’s denouncing": a subject pronoun fused with the cue's auxiliary is the source.
    if ((sourceFirst < 0 || sourceLast < first) && first - 1 >= sentence.firstToken && ctx.gapBefore[first] === 0 && isPronounContraction(tokens[first - 1]!, ctx.lower[first - 1]!)) sourceFirst = sourceLast = first - 1;
    // A passive cue without an agent has no source ("is believed to", "has been accused of"): the phrase
    // before it is what the claim is about, not who makes it.
    const passive = head > sentence.firstToken && PASSIVE_CUES.has(ctx.lower[head]!) && PASSIVE_AUXILIARIES.has(ctx.lower[head - 1]!) && ctx.lower[head + 1] !== 'by';
    if (passive && sourceFirst >= 0 && sourceLast < first) sourceFirst = sourceLast = -1;

    // Content: the tagger over the sentence's other tokens, then runs of CONTENT tokens; when it tags none,
    // the rest of the sentence (the cue was found, and a cue is rarely without content).
    const cframe = contentFrame(ctx, first, last, head, sentence.firstToken, sentence.endToken, sourceFirst, sourceLast, cueTokens);
    let tagged = 0;
    if (scorer) tagged = tagContent(scorer, ctx, cframe, labels);
    else {
      let previous = O;
      for (let k = sentence.firstToken; k < sentence.endToken; k++) {
        let label = O;
        if ((k < first || k > last) && (k < sourceFirst || k > sourceLast)) label = model.content.margin(features, contentFeatures(ctx, cframe, k, previous, features)) > 0 ? CONTENT : O;
        labels[k] = label;
        tagged += label;
        previous = label;
      }
    }
    if (tagged === 0) {
      for (let k = sentence.firstToken; k < sentence.endToken; k++) labels[k] = (k < first || k > last) && (k < sourceFirst || k > sourceLast) ? CONTENT : O;
    }
    const parts: Array<{ start: number; end: number }> = [];
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      if (labels[k] !== CONTENT) continue;
      let end = k;
      while (end + 1 < sentence.endToken && labels[end + 1] === CONTENT) end++;
      parts.push({ start: tokens[k]!.start, end: tokens[end]!.end });
      k = end;
    }
    // Trailing attribution over a nested one ("NATO allies believe that C, the Telegraph reported") or at
    // the sentence's end ("C, officials said."): the content is the whole clause before the source, nested
    // attributions included (so claims.ts sees the relay); the model's own parts after the cue (a split
    // quote) stay. Other trailing attributions keep the model's content: on PolNeAR dev the rule for every
    // trailing attribution cost 0.5 points of content F1, these two cases gain 0.2.
    if (
      sourceFirst > sentence.firstToken &&
      (cueBefore[sourceFirst]! - cueBefore[sentence.firstToken]! > 0 || last === sentence.endToken - 1) &&
      sourceLast < first &&
      (ctx.gapBefore[sourceFirst]! & COMMA) !== 0 &&
      commasIn(ctx, sourceFirst + 1, first) === 0
    ) {
      const after = parts.filter((p) => p.start >= tokens[last]!.end);
      parts.length = 0;
      parts.push({ start: tokens[sentence.firstToken]!.start, end: tokens[sourceFirst - 1]!.end }, ...after);
    }
    // "according to <source>" the model left without content or source: read both by rule.
    if ((parts.length === 0 || sourceFirst < 0) && ctx.lower[first] === 'according') {
      const rule = accordingTo(doc, ctx, first, last);
      if (rule) {
        sourceFirst = rule.sourceFirst;
        sourceLast = rule.sourceLast;
        parts.length = 0;
        parts.push(rule.content);
      }
    }
    // A cue sentence of source and cue alone after a quotation ("“... country?” Clinton said."): the sentence
    // splitter cut after the quotation's own stop, and the quotation is the content.
    if (parts.length === 0) {
      const quoted = quotationBefore(doc, ctx, sentenceIndex);
      if (quoted) parts.push(quoted);
    }
    // PolNeAR's contents keep a leading "that" ("said that C"); claims.ts drops it from the claim's content.
    if (parts.length === 0) continue; // a cue with nothing attributed is a false cue
    let lastSentence = sentenceIndex;
    const lastContentToken = tokenIndexAtOrBefore(doc, parts[parts.length - 1]!.end);
    // Direct quote running past the sentence ("X said: "A. B. C.""): follow it to the closing quote.
    if (lastContentToken >= 0 && ctx.inQuote[lastContentToken] && lastContentToken === sentence.endToken - 1) {
      for (let s = sentenceIndex + 1; s < sentences.length && s <= sentenceIndex + MAX_QUOTE_SENTENCES; s++) {
        const next = sentences[s]!;
        if (next.endToken <= next.firstToken || !ctx.inQuote[next.firstToken]) break;
        if ((ctx.gapBefore[next.firstToken]! & QUOTE) !== 0) break; // a new quotation opens: not a continuation
        if (hasParagraphBreak(text, sentences[s - 1]!.end, next.start)) break;
        let end = next.endToken - 1;
        let closed = false;
        for (let k = next.firstToken + 1; k < next.endToken; k++) {
          if (!ctx.inQuote[k]) {
            end = k - 1;
            closed = true;
            break;
          }
        }
        parts.push({ start: tokens[next.firstToken]!.start, end: tokens[end]!.end });
        lastSentence = s;
        if (closed || (ctx.gapBefore[next.endToken]! & QUOTE) !== 0) break;
      }
    }
    // Split quote ("“A,” said X. “B.”"): the quotation after the cue sentence continues the same content.
    const trailingCue = parts[0]!.end <= tokens[first]!.start && ctx.inQuote[tokenIndexAtOrBefore(doc, parts[0]!.end)] === 1;
    if (trailingCue && lastSentence === sentenceIndex) {
      for (let s = sentenceIndex + 1; s < sentences.length && s <= sentenceIndex + MAX_QUOTE_SENTENCES; s++) {
        const next = sentences[s]!;
        if (next.endToken <= next.firstToken || !ctx.inQuote[next.firstToken]) break;
        if (hasParagraphBreak(text, sentences[s - 1]!.end, next.start)) break;
        if (s === sentenceIndex + 1 && (ctx.gapBefore[next.firstToken]! & QUOTE) === 0) break;
        let k = next.firstToken;
        while (k < next.endToken && ctx.inQuote[k]) k++;
        // A cue after the closing quote makes the sentence its own attribution ("“B,” she added.").
        if (cueTokens.subarray(k, next.endToken).some((f) => f === 1)) break;
        parts.push({ start: tokens[next.firstToken]!.start, end: tokens[k - 1]!.end });
        lastSentence = s;
        if (k < next.endToken || (ctx.gapBefore[next.endToken]! & (QUOTE | STOP)) === (QUOTE | STOP)) break;
      }
    }
    // A quotation opened in an earlier sentence and closed before a trailing cue ("“A. B,” said X."): the
    // content starts at the opening quotation mark, not at this sentence's start.
    const firstPart = tokenFrom(doc, parts[0]!.start);
    if (firstPart === sentence.firstToken && firstPart < first && ctx.inQuote[firstPart] && (ctx.gapBefore[firstPart]! & QUOTE) === 0) {
      for (let s = sentenceIndex - 1; s >= 0 && s >= sentenceIndex - MAX_QUOTE_SENTENCES; s--) {
        const previous = sentences[s]!;
        if (previous.endToken <= previous.firstToken || !ctx.inQuote[previous.endToken - 1]) break;
        if (hasParagraphBreak(text, previous.end, sentences[s + 1]!.start)) break;
        let k = previous.endToken - 1;
        while (k > previous.firstToken && ctx.inQuote[k - 1] && (ctx.gapBefore[k]! & QUOTE) === 0) k--;
        parts[0] = { start: tokens[k]!.start, end: parts[0]!.end };
        if ((ctx.gapBefore[k]! & QUOTE) !== 0 || k > previous.firstToken) break; // the opening quotation mark
      }
    }
    const contentStart = parts[0]!.start;
    const contentEnd = parts[parts.length - 1]!.end;
    attributions.push({
      cue: span(text, tokens[first]!.start, tokens[last]!.end),
      cueFirst: first,
      cueLast: last,
      cueHead: head,
      // "It’s denouncing": the pronoun is the source, its "’s" belongs to the cue.
      source: sourceFirst >= 0 ? span(text, tokens[sourceFirst]!.start, sourceLast === first - 1 && isPronounContraction(tokens[sourceLast]!, ctx.lower[sourceLast]!) ? tokens[sourceLast]!.nameEnd : tokens[sourceLast]!.end) : null,
      sourceFirst,
      sourceLast,
      content: span(text, contentStart, contentEnd),
      contentParts: parts,
      firstSentence: sentenceIndex,
      lastSentence,
      rule: passive ? 'claims.model.passive' : 'claims.model',
    });
  }
  sharedSubjects(ctx, attributions);
  punctuationAttributions(doc, ctx, cueTokens, attributions);
  return attributions;
}

/**
 * Coordinated cues share their subject ("Merrill says A and said B", "Trump tweeted A and encouraged B"),
 * and so does a participle cue after a comma (", saying ..."): such a cue takes the source of the cue
 * before it in the sentence when its own source is missing, stands between the two cues (the first
 * verb's object) or is a piece of the first cue's source.
 */
function sharedSubjects(ctx: TokenContext, attributions: Attribution[]): void {
  for (let i = 1; i < attributions.length; i++) {
    const a = attributions[i]!;
    const before = a.cueFirst - 1;
    if (before < 0) continue;
    const coordinated = COORDINATORS.has(ctx.lower[before]!) && (ctx.gapBefore[a.cueFirst]! & ~COMMA) === 0;
    // ", saying ...": a participle after a comma has the main clause's subject.
    const participle = ctx.gapBefore[a.cueFirst] === COMMA && a.cueFirst === a.cueHead && ctx.lower[a.cueHead]!.endsWith('ing');
    if (!coordinated && !participle) continue;
    const b = attributions[i - 1]!;
    if (b.firstSentence !== a.firstSentence || b.cueLast >= before || b.sourceFirst < 0 || b.sourceLast >= b.cueFirst) continue;
    const between = a.sourceFirst > b.cueLast && a.sourceLast < a.cueFirst;
    const inside = a.sourceFirst >= b.sourceFirst && a.sourceLast <= b.sourceLast;
    if (a.sourceFirst >= 0 && !between && !inside) continue;
    a.source = b.source;
    a.sourceFirst = b.sourceFirst;
    a.sourceLast = b.sourceLast;
  }
}

/** Characters of a speaker's colon gap ("PENCE: Well, ..."): the colon, white space, an opening quote. */
const COLON_GAP = /^\s*:\s*["“‘']?\s*$/;
/** A dash that signs a quotation ("“...” ― Name"), after the closing quotation mark. */
const SIGNING_DASH = /^[\s.!?,]*[”"’']\s*(?:―|—|–|--)\s*$/;
/** What may stand before a line's first word: nothing but white space, an opening quote or a dash. */
const LINE_OPENING = /(?:^|\n|\s[-—–]\s)["“(]?\s*$/;

/** "A. Diaz": a single capital and its period, inside a name. */
function isInitial(text: string, token: Token, next: Token): boolean {
  return token.end - token.start === 1 && token.shape === 'cap' && text.slice(token.end, next.start) === '. ';
}

/** Tokens [from, to] that are a short name: capitalised words, inner "and" / "of" / "the". */
function isNamePhrase(doc: AnalyzedText, ctx: TokenContext, from: number, to: number): boolean {
  if (to - from + 1 > MAX_SIGNATURE_TOKENS) return false;
  for (let k = from; k <= to; k++) {
    const shape = doc.tokens[k]!.shape;
    if (shape === 'cap' || shape === 'upper') continue;
    if (k > from && k < to && NAME_CONNECTORS.has(ctx.lower[k]!)) continue;
    return false;
  }
  return !SPEAKER_LABELS.has(ctx.lower.slice(from, to + 1).join(' '));
}

/**
 * Attributions made by punctuation, which the cue model (word tokens only) cannot find:
 *   speaker colons   "PENCE: Well, ...", "Poll: Voters ..." (a name opening a line, then a colon): the content is
 *                    the rest of the paragraph;
 *   signing dashes   "“...” ― Name": the content is the quotation before the dash.
 * The cue is the punctuation mark; its token indices are those of the source's last word.
 */
function punctuationAttributions(doc: AnalyzedText, ctx: TokenContext, cueTokens: Uint8Array, out: Attribution[]): void {
  const { text, tokens, sentences } = doc;
  const n = tokens.length;
  for (let k = 0; k + 1 < n; k++) {
    const gapFlags = ctx.gapBefore[k + 1]!;
    if ((gapFlags & (COLON | QUOTE)) === 0) continue;
    // Both need a name beside the mark: a capitalised word before a colon, after a dash.
    const nameBefore = tokens[k]!.shape === 'cap' || tokens[k]!.shape === 'upper';
    const nameAfter = tokens[k + 1]!.shape === 'cap' || tokens[k + 1]!.shape === 'upper';
    if (!((gapFlags & COLON && nameBefore) || (gapFlags & QUOTE && nameAfter))) continue;
    const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    if (gapFlags & COLON && COLON_GAP.test(gap)) {
      // Speaker colon: the name runs back to the line's opening.
      let from = k;
      while (from > 0 && k - from + 1 < MAX_SIGNATURE_TOKENS && ctx.gapBefore[from] === 0 && !text.slice(tokens[from - 1]!.end, tokens[from]!.start).includes('\n')) from--;
      if (!LINE_OPENING.test(text.slice(Math.max(0, tokens[from]!.start - 4), tokens[from]!.start))) continue;
      if (!isNamePhrase(doc, ctx, from, k) || cueTokens.subarray(from, k + 1).some((f) => f === 1)) continue;
      const lineEnd = text.indexOf('\n', tokens[k + 1]!.start);
      const end = tokenIndexAtOrBefore(doc, lineEnd < 0 ? text.length : lineEnd);
      const colon = tokens[k]!.end + gap.indexOf(':');
      out.push(punctuationAttribution(doc, { start: colon, end: colon + 1 }, from, k, k + 1, end, 'claims.speaker-colon'));
      continue;
    }
    if (gapFlags & QUOTE && SIGNING_DASH.test(gap)) {
      // Signing dash: a short name ends the line or the sentence, or a new quotation follows.
      let to = k + 1;
      while (to + 1 < n && to - k < MAX_SIGNATURE_TOKENS && (ctx.gapBefore[to + 1] === 0 || isInitial(text, tokens[to]!, tokens[to + 1]!))) to++;
      if (to + 1 < n && (ctx.gapBefore[to + 1]! & (STOP | QUOTE)) === 0) continue;
      if (!isNamePhrase(doc, ctx, k + 1, to)) continue;
      // Back to the opening quotation mark (the quotation state may be off after a mark turned the wrong way).
      let opening = k;
      while (opening > 0 && (ctx.gapBefore[opening]! & QUOTE) === 0 && k - opening < MAX_SIGNED_QUOTE_TOKENS) opening--;
      if ((ctx.gapBefore[opening]! & QUOTE) === 0) continue;
      const dashAt = tokens[k]!.end + gap.search(/[―—–-]/);
      const dashEnd = gap.includes('--') ? dashAt + 2 : dashAt + 1;
      out.push(punctuationAttribution(doc, { start: dashAt, end: dashEnd }, k + 1, to, opening, k, 'claims.signing-dash'));
    }
  }
}

function punctuationAttribution(doc: AnalyzedText, cue: { start: number; end: number }, sourceFirst: number, sourceLast: number, contentFirst: number, contentLast: number, rule: string): Attribution {
  const { text, tokens } = doc;
  const content = { start: tokens[contentFirst]!.start, end: tokens[contentLast]!.end };
  const sentenceOf = (k: number) => tokens[k]!.sentence;
  return {
    cue: span(text, cue.start, cue.end),
    cueFirst: sourceLast,
    cueLast: sourceLast,
    cueHead: sourceLast,
    source: span(text, tokens[sourceFirst]!.start, tokens[sourceLast]!.end),
    sourceFirst,
    sourceLast,
    content: span(text, content.start, content.end),
    contentParts: [content],
    firstSentence: Math.min(sentenceOf(sourceFirst), sentenceOf(contentFirst)),
    lastSentence: Math.max(sentenceOf(sourceLast), sentenceOf(contentLast)),
    rule,
  };
}

/**
 * "According to S, C." / "C, according to S.": the source runs from the cue to the next comma (or the
 * sentence end); the content is the rest of the sentence after that comma, or the clause before the cue.
 */
function accordingTo(doc: AnalyzedText, ctx: TokenContext, first: number, last: number): { sourceFirst: number; sourceLast: number; content: { start: number; end: number } } | null {
  const { tokens } = doc;
  const sentence = doc.sentences[doc.tokens[first]!.sentence]!;
  const sourceFirst = last + 1;
  if (sourceFirst >= sentence.endToken) return null;
  let sourceLast = sourceFirst;
  while (sourceLast + 1 < sentence.endToken && (ctx.gapBefore[sourceLast + 1]! & COMMA) === 0 && sourceLast - sourceFirst + 1 < MAX_SOURCE_TOKENS) sourceLast++;
  if (first > sentence.firstToken) {
    return { sourceFirst, sourceLast, content: { start: tokens[sentence.firstToken]!.start, end: tokens[first - 1]!.end } };
  }
  if (sourceLast + 1 >= sentence.endToken) return null;
  return { sourceFirst, sourceLast, content: { start: tokens[sourceLast + 1]!.start, end: tokens[sentence.endToken - 1]!.end } };
}


/**
 * The quotation that closes right before sentence `index` (a closing mark in the gap before its first
 * token), read back to its opening mark over at most MAX_QUOTE_SENTENCES sentences of one paragraph; null
 * when there is none.
 */
function quotationBefore(doc: AnalyzedText, ctx: TokenContext, index: number): { start: number; end: number } | null {
  const { text, tokens, sentences } = doc;
  const sentence = sentences[index]!;
  if (index === 0 || (ctx.gapBefore[sentence.firstToken]! & QUOTE) === 0) return null;
  const closing = sentences[index - 1]!.endToken - 1;
  if (closing < 0 || !ctx.inQuote[closing] || hasParagraphBreak(text, tokens[closing]!.end, sentence.start)) return null;
  for (let s = index - 1; s >= 0 && s >= index - MAX_QUOTE_SENTENCES; s--) {
    const previous = sentences[s]!;
    if (previous.endToken <= previous.firstToken) return null;
    if (s < index - 1 && hasParagraphBreak(text, previous.end, sentences[s + 1]!.start)) return null;
    let k = previous.endToken - 1;
    while (k > previous.firstToken && ctx.inQuote[k - 1] && (ctx.gapBefore[k]! & QUOTE) === 0) k--;
    if ((ctx.gapBefore[k]! & QUOTE) !== 0 || k > previous.firstToken) {
      // The opening mark (or text outside the quotation before it): the quotation starts here.
      return ctx.inQuote[k] ? { start: tokens[k]!.start, end: tokens[closing]!.end } : null;
    }
  }
  return null;
}

function hasParagraphBreak(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes('\n');
}

/** Index of the last token starting before `offset` (binary search). */
function tokenIndexAtOrBefore(doc: AnalyzedText, offset: number): number {
  const { tokens } = doc;
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
