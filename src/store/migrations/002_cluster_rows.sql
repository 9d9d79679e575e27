-- The clusterer's state, row by row, replacing the one-row whole-state snapshot (rewritten with every
-- article, it grew with the corpus). Each article now writes only what it changed: the meta row, its
-- terms' document frequencies, its event and story profiles, its index keys and its copy signature.
-- A store written by schema 1 keeps its articles and stories; its clusterer restarts empty.

DROP TABLE IF EXISTS clusterer_state;

-- Counters and options (one row).
CREATE TABLE cluster_meta (
  id         integer PRIMARY KEY CHECK (id = 1),
  seq        bigint NOT NULL,
  max_day    integer,
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Document frequencies of terms (and `e:` entities).
CREATE TABLE cluster_terms (
  term text PRIMARY KEY,
  df   integer NOT NULL
);

-- Event and story profiles; days are days since 1970-01-01 (UTC).
CREATE TABLE cluster_profiles (
  kind      text NOT NULL CHECK (kind IN ('event', 'story')),
  id        text NOT NULL,
  story     text NOT NULL,
  first_day integer,
  last_day  integer,
  last_seq  bigint NOT NULL,
  profile   jsonb NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE INDEX cluster_profiles_days ON cluster_profiles (kind, last_day);
CREATE INDEX cluster_profiles_undated ON cluster_profiles (kind, last_seq) WHERE last_day IS NULL;

-- Inverted index of events (for late articles whose candidates have left memory).
CREATE TABLE cluster_keys (
  key   text NOT NULL,
  event text NOT NULL,
  PRIMARY KEY (key, event)
);

-- MinHash signatures of articles, for copy detection.
CREATE TABLE cluster_signatures (
  article   text PRIMARY KEY,
  event     text NOT NULL,
  day       integer,
  seq       bigint NOT NULL,
  shingles  integer NOT NULL,
  signature text NOT NULL
);

CREATE INDEX cluster_signatures_day ON cluster_signatures (day);
CREATE INDEX cluster_signatures_undated ON cluster_signatures (seq) WHERE day IS NULL;

-- Stories merged into another: the old id stays valid and leads to the story it joined.
CREATE TABLE story_aliases (
  alias text PRIMARY KEY,
  story text NOT NULL
);
