/**
 * The actor graph: actor -> action -> target edges read from the claims' statements, with how many source
 * sentences state each edge, how many independent publishers, and which claims. Parties are compared by
 * their keys (a capital stands for its country: "Pyongyang dispatched troops" is North Korea's act).
 */
import type { ActorGraph, EntityType, SourceRef } from '../model.ts';
import { publisherOfFacet, type BuiltClaim } from './brief.ts';
import { partyKey } from './facets.ts';
import type { StoryArticle } from './story.ts';

export function buildActorGraph(ordered: readonly StoryArticle[], claims: readonly BuiltClaim[], canonicalOf: (name: string) => string): ActorGraph {
  const typeOf = new Map<string, EntityType>();
  for (const article of ordered) {
    for (const e of article.annotations.entities) {
      const key = partyKey(canonicalOf(e.canonical || e.text));
      if (!typeOf.has(key) || e.type !== 'MISC') typeOf.set(key, e.type);
    }
  }
  const nodes = new Map<string, { id: string; label: string; type: EntityType | null }>();
  const edges = new Map<string, { actor: string; action: string; target: string; sources: SourceRef[]; publishers: Set<string>; claims: Set<string> }>();
  for (const built of claims) {
    for (const f of built.facets) {
      if (f.action === 'other' || !f.actor || !f.target || f.actor.key === f.target.key || f.negated) continue;
      for (const party of [f.actor, f.target]) if (!nodes.has(party.key)) nodes.set(party.key, { id: party.key, label: party.name, type: typeOf.get(party.key) ?? null });
      const key = `${f.actor.key}|${f.action}|${f.target.key}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = { actor: f.actor.key, action: f.action, target: f.target.key, sources: [], publishers: new Set(), claims: new Set() };
        edges.set(key, edge);
      }
      if (!edge.sources.some((s) => s.article === f.articleId && s.start === f.sentence.start)) {
        edge.sources.push({ article: f.articleId, text: f.sentence.text, start: f.sentence.start, end: f.sentence.end });
      }
      edge.publishers.add(publisherOfFacet(ordered, f).key);
      edge.claims.add(built.claim.id);
    }
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: [...edges.values()]
      .map((e) => ({
        actor: e.actor,
        action: e.action,
        target: e.target,
        count: e.sources.length,
        independent_sources: e.publishers.size,
        claims: [...e.claims].sort(),
        sources: e.sources,
      }))
      .sort((a, b) => b.count - a.count || (a.actor + a.action + a.target < b.actor + b.action + b.target ? -1 : 1)),
  };
}
