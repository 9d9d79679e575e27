/**
 * Who a source sentence really comes from, for counting independent confirmations: an article's publisher
 * family (src/cluster/publishers.ts: outlets of one owner are one), a copy's original, a wire story's agency
 * (its credit), and a sentence that relays another outlet's reporting ("told Reuters", "the Telegraph
 * reported", "according to the Kestrel Post") that outlet's family. A statement's primary source (a ministry,
 * a spokesman) is not collapsed: two outlets that each report what a ministry said are two reports.
 */
import type { Claim, Entity, Span } from '../model.ts';
import { outletKey, publisherFamily, publisherOf } from '../cluster/publishers.ts';
import type { StoredArticle } from '../store/types.ts';
import { RELAY_CUES, RELAY_WINDOW } from './constants.ts';
import { foldCase } from './text.ts';

export interface PublisherRef {
  /** Comparison key: two sources with one key are one source. */
  key: string;
  /** Shown name: the family, or the outlet, or the article id. */
  name: string;
  rule: 'publisher.copy' | 'publisher.credit' | 'publisher.family' | 'publisher.article' | 'publisher.relay';
}

/** "The Daily Planet", "dailyplanet.com" and "DAILY PLANET" are one publisher. */
export function normalizeOutlet(outlet: string): string {
  return foldCase(outlet)
    .replace(/^the\s+/, '')
    .replace(/\.(com|net|org|co\.uk|co|info|news)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const familyRef = (family: string, rule: PublisherRef['rule']): PublisherRef => ({ key: `family:${normalizeOutlet(family)}`, name: family, rule });

/** The publisher of each article: a copy counts as its original, a wire story as its agency. */
export function articlePublishers(articles: readonly StoredArticle[]): Map<string, PublisherRef> {
  const byId = new Map(articles.map((a) => [a.record.id, a]));
  const out = new Map<string, PublisherRef>();
  for (const stored of articles) {
    let current = stored;
    const seen = new Set([current.record.id]);
    let missing: string | null = null;
    for (;;) {
      const next = current.assignment?.explanation?.duplicateOf;
      if (!next || seen.has(next)) break;
      const original = byId.get(next);
      if (!original) {
        missing = next;
        break;
      }
      seen.add(next);
      current = original;
    }
    if (missing) {
      // The original is not in this story: the copy still repeats one publisher, whoever it was.
      out.set(stored.record.id, { key: `copy-of:${missing}`, name: `copy of ${missing}`, rule: 'publisher.copy' });
      continue;
    }
    const { article } = current.record;
    const credit = article.credit?.trim();
    const outlet = article.outlet?.trim() || null;
    const url = current.record.url ?? article.url ?? null;
    if (credit) out.set(stored.record.id, familyRef(publisherFamily(credit, null), 'publisher.credit'));
    else if (outlet || url) out.set(stored.record.id, familyRef(publisherFamily(outlet, url), 'publisher.family'));
    else out.set(stored.record.id, { key: `article:${current.record.id}`, name: current.record.id, rule: 'publisher.article' });
  }
  return out;
}

/**
 * The outlet a sentence relays, when it names one as where the statement comes from: an entity that is a
 * known outlet or wire (the publisher table, or an outlet of this story) with a relay cue near it, or a claim
 * whose source the annotator typed as an outlet.
 */
export function relayedPublisher(text: string, sentence: Span, entities: readonly Entity[], claims: readonly Claim[], storyOutlets: ReadonlySet<string>): PublisherRef | null {
  for (const claim of claims) {
    if (claim.start >= sentence.end || claim.end <= sentence.start) continue;
    const source = claim.source;
    const relay = source?.kind === 'outlet' ? (source.canonical ?? source.text) : source?.via?.find((v) => v.kind === 'outlet')?.canonical;
    if (relay) return familyRef(publisherFamily(stripArticle(relay), null), 'publisher.relay');
  }
  for (const entity of entities) {
    if (entity.start < sentence.start || entity.start >= sentence.end) continue;
    const name = entity.canonical || entity.text;
    const known = publisherOf(name, null).rule !== 'publisher.fallback' || storyOutlets.has(outletKey(name));
    if (!known || entity.type === 'PERSON' || entity.type === 'LOC') continue;
    if (hasRelayCue(text, sentence, entity)) return familyRef(publisherFamily(name, null), 'publisher.relay');
  }
  // The story's own outlets by name, for when the tagger missed one ("The Harbor Ledger reported ...").
  const body = text.slice(sentence.start, sentence.end);
  for (const outlet of storyOutlets) {
    const pattern = outletPatterns.get(outlet) ?? outletPattern(outlet);
    outletPatterns.set(outlet, pattern);
    const match = pattern.exec(body);
    if (!match) continue;
    const start = sentence.start + match.index;
    if (hasRelayCue(text, sentence, { start, end: start + match[0].length })) return familyRef(publisherFamily(outlet, null), 'publisher.relay');
  }
  return null;
}

const outletPatterns = new Map<string, RegExp>();

/** An outlet key ("harbor ledger") as a pattern over text: words in order, any case, "The" optional. */
function outletPattern(key: string): RegExp {
  const words = key.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function stripArticle(name: string): string {
  return name.replace(/^the\s+/i, '').trim();
}

function hasRelayCue(text: string, sentence: Span, entity: { start: number; end: number }): boolean {
  const words = (s: string) => foldCase(s).match(/[\p{L}]+/gu) ?? [];
  const before = words(text.slice(sentence.start, entity.start)).slice(-RELAY_WINDOW);
  const after = words(text.slice(entity.end, sentence.end)).slice(0, RELAY_WINDOW);
  return before.some((w) => RELAY_CUES.has(w)) || after.some((w) => RELAY_CUES.has(w));
}
