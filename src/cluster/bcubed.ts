/**
 * BCubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998, as in
 * Amigó et al. 2009): for each item, precision is the share of its predicted cluster that shares its gold
 * class, recall the share of its gold class that shares its predicted cluster; both are averaged over items.
 */

export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
  /** Items scored (those present in both labelings). */
  items: number;
}

/**
 * @param predicted item -> predicted cluster label
 * @param gold item -> gold class label
 * Items missing from either side are ignored; an empty overlap scores 0.
 */
export function bcubed(
  predicted: ReadonlyMap<string, string> | Record<string, string>,
  gold: ReadonlyMap<string, string> | Record<string, string>,
): BCubedScore {
  const predictedMap = toMap(predicted);
  const goldMap = toMap(gold);
  const items = [...predictedMap.keys()].filter((item) => goldMap.has(item));
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };

  // Sizes of predicted clusters, gold classes and their intersections.
  const clusterSize = new Map<string, number>();
  const classSize = new Map<string, number>();
  const cellSize = new Map<string, number>();
  for (const item of items) {
    const cluster = predictedMap.get(item) as string;
    const cls = goldMap.get(item) as string;
    clusterSize.set(cluster, (clusterSize.get(cluster) ?? 0) + 1);
    classSize.set(cls, (classSize.get(cls) ?? 0) + 1);
    const cell = JSON.stringify([cluster, cls]);
    cellSize.set(cell, (cellSize.get(cell) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const cluster = predictedMap.get(item) as string;
    const cls = goldMap.get(item) as string;
    const both = cellSize.get(JSON.stringify([cluster, cls])) as number;
    precision += both / (clusterSize.get(cluster) as number);
    recall += both / (classSize.get(cls) as number);
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: items.length };
}

function toMap(labels: ReadonlyMap<string, string> | Record<string, string>): ReadonlyMap<string, string> {
  return labels instanceof Map ? labels : new Map(Object.entries(labels));
}
