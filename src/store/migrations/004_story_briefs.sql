-- Schema 4: what keeps reads cheap on a large store.
--   * story_briefs: each story's brief as the API serves it (JSON text), built when the story changes
--     instead of on every read. A brief is current while its article_count equals the story's and it was
--     built under the article limit the reader uses (article_limit: a story's most recent articles only).
--   * articles.search_vector: the full-text document computed once per article, so a search filters stored
--     vectors instead of parsing the text of every candidate article again.

CREATE TABLE story_briefs (
  story_id      text PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  article_count integer NOT NULL,
  article_limit integer NOT NULL,
  brief         text NOT NULL,
  built_at      timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE articles ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)) STORED;
DROP INDEX articles_fulltext;
CREATE INDEX articles_search_vector ON articles USING gin (search_vector);
