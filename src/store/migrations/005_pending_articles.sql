-- Schema 4: the staging table between the stateless workers and the single clustering writer.
-- A worker extracts and annotates a document and parks the resulting ArticleRecord here; the process that
-- holds the cluster lock takes the rows in arrival order, clusters and saves each one, then deletes it.
-- The primary key makes a retried job store once; a row whose id is already in `articles` is a leftover of a
-- crash between save and delete and is simply removed.

CREATE TABLE pending_articles (
  id         text PRIMARY KEY,
  -- Staging order; ties of queued_at are drained in this order.
  seq        bigserial NOT NULL,
  record     jsonb NOT NULL,
  -- When the document entered the queue: the drain order, and the start of the end-to-end latency.
  queued_at  timestamptz NOT NULL,
  staged_at  timestamptz NOT NULL DEFAULT now(),
  -- Failed clustering or save attempts; the writer gives up (dead letter) after a few.
  attempts   integer NOT NULL DEFAULT 0,
  last_error text
);

CREATE INDEX pending_articles_order ON pending_articles (queued_at, seq);
