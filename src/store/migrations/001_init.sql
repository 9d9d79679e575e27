-- Initial schema of the crosscheck store. Plain PostgreSQL: the embedded store (PGlite) and a PostgreSQL
-- server run this file unchanged.

CREATE TABLE articles (
  id          text PRIMARY KEY,
  -- Arrival order: the order in which articles were saved.
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  input       text NOT NULL,
  url         text,
  outlet      text,
  title       text,
  authors     jsonb NOT NULL DEFAULT '[]'::jsonb,
  published   text,
  language    text,
  text        text NOT NULL,
  -- The whole ExtractedArticle; the columns above copy its fields for queries.
  article     jsonb NOT NULL,
  annotations jsonb NOT NULL,
  -- Fields of the record beyond the shared model, kept so a record reads back as it was saved.
  extra       jsonb NOT NULL DEFAULT '{}'::jsonb,
  story_id    text NOT NULL,
  assignment  jsonb NOT NULL,
  -- The record's ingestedAt verbatim (ISO date-time with its offset).
  ingested_at text NOT NULL,
  -- The date the story summary counts this article at: published, else ingested (YYYY-MM-DD prefix).
  seen_date   text,
  stored_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_story_seq ON articles (story_id, seq);
CREATE INDEX articles_fulltext ON articles
  USING gin (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text));

CREATE TABLE entity_mentions (
  article_id   text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  canonical    text NOT NULL,
  type         text NOT NULL,
  text         text NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  rule         text
);

CREATE INDEX entity_mentions_canonical ON entity_mentions (canonical);
CREATE INDEX entity_mentions_article ON entity_mentions (article_id);

CREATE TABLE stories (
  id            text PRIMARY KEY,
  title         text,
  first_seen    text,
  last_seen     text,
  article_count integer NOT NULL,
  outlets       text[] NOT NULL
);

CREATE INDEX stories_recent ON stories (last_seen DESC NULLS LAST, id);

-- One row: the clusterer state saved with the last article.
CREATE TABLE clusterer_state (
  id         integer PRIMARY KEY CHECK (id = 1),
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
