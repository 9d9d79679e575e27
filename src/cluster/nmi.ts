/**
 * Normalised mutual information of a clustering against gold classes: I(C; G) / sqrt(H(C) H(G))
 * (Strehl & Ghosh 2002). 1 for identical partitions, 0 for independent ones; one cluster against one
 * class scores 1.
 */
export function nmi(
  predicted: ReadonlyMap<string, string> | Record<string, string>,
  gold: ReadonlyMap<string, string> | Record<string, string>,
): number {
  const p = predicted instanceof Map ? predicted : new Map(Object.entries(predicted));
  const g = gold instanceof Map ? gold : new Map(Object.entries(gold));
  const items = [...p.keys()].filter((item) => g.has(item));
  const n = items.length;
  if (n === 0) return 0;
  const clusters = new Map<string, number>();
  const classes = new Map<string, number>();
  const cells = new Map<string, number>();
  for (const item of items) {
    const c = p.get(item) as string;
    const k = g.get(item) as string;
    clusters.set(c, (clusters.get(c) ?? 0) + 1);
    classes.set(k, (classes.get(k) ?? 0) + 1);
    const cell = JSON.stringify([c, k]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const entropy = (counts: Map<string, number>) => [...counts.values()].reduce((h, c) => h - (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [cell, count] of cells) {
    const [c, k] = JSON.parse(cell) as [string, string];
    mutual += (count / n) * Math.log((count * n) / ((clusters.get(c) as number) * (classes.get(k) as number)));
  }
  const hc = entropy(clusters);
  const hg = entropy(classes);
  if (hc === 0 && hg === 0) return 1;
  if (hc === 0 || hg === 0) return 0;
  return Math.max(0, Math.min(1, mutual / Math.sqrt(hc * hg)));
}
