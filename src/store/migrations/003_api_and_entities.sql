-- Schema 3: what the REST API and the web interface query beyond stories and articles.
--   * api_tokens: bearer tokens for the write routes, kept only as SHA-256 hashes (the secret is shown once).
--   * entity_stats: per-canonical counts kept with every article write, so the entity list does not group
--     every mention of the store on each request.
--   * indexes for the story filters (outlet, entity, dates).

CREATE TABLE api_tokens (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  hash         text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE entity_stats (
  canonical text PRIMARY KEY,
  type      text NOT NULL,
  articles  integer NOT NULL,
  mentions  integer NOT NULL
);

INSERT INTO entity_stats (canonical, type, articles, mentions)
SELECT canonical, mode() WITHIN GROUP (ORDER BY type), count(DISTINCT article_id)::integer, count(*)::integer
FROM entity_mentions GROUP BY canonical;

CREATE INDEX entity_stats_articles ON entity_stats (articles DESC, canonical);
CREATE INDEX entity_stats_lower ON entity_stats (lower(canonical) text_pattern_ops);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX stories_outlets ON stories USING gin (outlets);
CREATE INDEX stories_first_seen ON stories (first_seen);
-- The story list's order, spelled as the query spells it (byte order), so a page is read off the index
-- instead of sorting every story.
CREATE INDEX stories_recent_bytes ON stories (last_seen COLLATE "C" DESC NULLS LAST, id COLLATE "C");
