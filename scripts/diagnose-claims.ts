/**
 * Lists the attribution errors on a PolNeAR split (default dev) under eval/claims.ts matching: gold
 * attributions whose cue no prediction overlaps (missed cues), predictions overlapping no gold cue
 * (spurious cues), and matched cues whose source differs (boundary-wrong sources), with counts by kind.
 *
 *   npx tsx scripts/diagnose-claims.ts [dev|train] [--limit N]
 *
 * Reads the data at run time and prints to stdout; nothing is written.
 */
import { findAttributions } from '../src/annotate/claims-attribution.ts';
import { analyzeText } from '../src/annotate/text.ts';
import { readPolnear, type Fragment } from '../eval/claims.ts';

const args = process.argv.slice(2);
const split = args.find((a) => !a.startsWith('--')) ?? 'dev';
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;

const TRIMMED = /[\s\p{P}]/u;
const trim = (text: string, f: Fragment): Fragment => {
  let { start, end } = f;
  while (start < end && TRIMMED.test(text[start]!)) start++;
  while (end > start && TRIMMED.test(text[end - 1]!)) end--;
  return { start, end };
};
const overlaps = (a: Fragment, b: Fragment) => a.start < b.end && b.start < a.end;
const hull = (fs: Fragment[]): Fragment | null => (fs.length === 0 ? null : { start: fs[0]!.start, end: fs[fs.length - 1]!.end });
const show = (text: string, f: Fragment | null) => (f ? JSON.stringify(text.slice(f.start, f.end)) : '∅');
const context = (text: string, f: Fragment) => text.slice(Math.max(0, f.start - 120), Math.min(text.length, f.end + 120)).replace(/\s+/g, ' ');

const counts = new Map<string, number>();
const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const lines: Record<string, string[]> = { missed: [], spurious: [], source: [], content: [] };

for (const gold of readPolnear(split)) {
  const { text } = gold;
  const predicted = findAttributions(analyzeText(text));
  for (const g of gold.attributions) {
    const cue = hull(g.cue);
    if (!cue) continue;
    const gs = hull(g.source);
    const hits = predicted.filter((p) => g.cue.some((f) => overlaps(f, p.cue)));
    if (hits.length === 0) {
      bump(`missed cue${gs ? '' : ' (no gold source)'}`);
      lines.missed!.push(`${show(text, cue)} src ${show(text, gs)} | ${context(text, cue)}`);
      continue;
    }
    const p = hits[0]!;
    const same = gs && p.source ? (() => { const a = trim(text, p.source); const b = trim(text, gs); return a.start === b.start && a.end === b.end; })() : !gs && !p.source;
    if (!same) {
      const kind = !gs ? 'source: spurious' : !p.source ? 'source: missed' : overlaps(p.source, gs) ? (p.source.start === gs.start ? 'source: end differs' : p.source.end === gs.end ? 'source: start differs' : 'source: both ends differ') : 'source: elsewhere';
      bump(kind);
      lines.source!.push(`[${kind}] cue ${show(text, cue)} (ours ${show(text, p.cue)}) gold ${show(text, gs)} ours ${show(text, p.source)} | ${context(text, cue)}`);
    }
    const gc = hull(g.content);
    if (gc && !overlaps(p.content, gc)) bump('content: disjoint');
    else if (gc) {
      const ours = p.contentParts;
      const start = ours[0]!.start;
      const end = ours[ours.length - 1]!.end;
      const gcs = trim(text, gc);
      const kind = start > gcs.start + 1 ? 'content: starts late' : start < gcs.start - 1 ? 'content: starts early' : end < gcs.end - 1 ? 'content: ends early' : end > gcs.end + 1 ? 'content: ends late' : 'content: ok';
      bump(kind);
      if (kind !== 'content: ok') lines.content!.push(`[${kind}] cue ${show(text, cue)} gold ${show(text, gc).slice(0, 200)} ours ${show(text, { start, end }).slice(0, 200)}`);
    }
  }
  for (const p of predicted) {
    if (gold.attributions.some((g) => g.cue.some((f) => overlaps(f, p.cue)))) continue;
    bump('spurious cue');
    lines.spurious!.push(`${show(text, p.cue)} src ${show(text, p.source)} | ${context(text, p.cue)}`);
  }
}
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${kind}`);
for (const [section, list] of Object.entries(lines)) {
  console.log(`\n## ${section} (${list.length})`);
  for (const line of list.slice(0, limit)) console.log(line);
}
