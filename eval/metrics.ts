/** Scoring functions shared by the evaluation suites. */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Lower-cased word tokens (letters and digits, any script). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Bag-of-words overlap between an extraction and its gold text, as the extraction benchmarks count it: true
 * positives are the words the two share (with multiplicity).
 */
export function wordCounts(predicted: string, gold: string): { tp: number; fp: number; fn: number } {
  const goldCounts = new Map<string, number>();
  for (const w of words(gold)) goldCounts.set(w, (goldCounts.get(w) ?? 0) + 1);
  let tp = 0;
  let predictedTotal = 0;
  for (const w of words(predicted)) {
    predictedTotal++;
    const left = goldCounts.get(w) ?? 0;
    if (left > 0) {
      tp++;
      goldCounts.set(w, left - 1);
    }
  }
  let goldTotal = 0;
  for (const w of words(gold)) if (w) goldTotal++;
  return { tp, fp: predictedTotal - tp, fn: goldTotal - tp };
}

/** Mean of per-document word F1 (each page weighs the same, as the published benchmarks average). */
export function meanF1(scores: PRF[]): PRF {
  const n = Math.max(1, scores.length);
  return {
    precision: scores.reduce((s, x) => s + x.precision, 0) / n,
    recall: scores.reduce((s, x) => s + x.recall, 0) / n,
    f1: scores.reduce((s, x) => s + x.f1, 0) / n,
  };
}

export function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}
