import type { ArticleRecord, Assignment, StorySummary } from '../model.ts';
import { MAINTAIN_AFTER_WRITES, STORY_READ_CHUNK } from './constants.ts';
import { randomUUID } from 'node:crypto';
import type { SqlClient, SqlDatabase, SqlParam } from './sql.ts';
import { isClusterDelta, mergeClusterDeltas, minDayOf, selectionLimit } from './cluster-rows.ts';
import type {
  ClusterColdRows,
  ClusterProfileRow,
  ClusterSignatureRow,
  ClusterStateDelta,
  ClusterStateSnapshot,
  ColdEventQuery,
  ApiTokenInfo,
  ArticleHit,
  EntityDetail,
  EntityListOptions,
  EntitySummary,
  HotSelection,
  Store,
  StoredArticle,
  StoryListOptions,
} from './types.ts';
import { StaleClustererState } from './types.ts';

/**
 * PostgreSQL cannot hold U+0000 in text or jsonb, nor lone UTF-16 surrogates (they are not valid UTF-8).
 * Both become U+FFFD: one UTF-16 unit for one, so every offset into the text stays valid.
 */
const UNSTORABLE_CHARACTERS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function storable(text: string): string;
function storable(text: string | null): string | null;
function storable(text: string | null): string | null {
  return text === null ? null : text.replace(UNSTORABLE_CHARACTERS, '\ufffd');
}

/** Thrown inside a batch's transaction to roll it back when one of its articles is stored already. */
class BatchConflict extends Error {}

/**
 * The same characters as escapes in JSON text: JSON.stringify writes U+0000 and lone surrogates as `\uXXXX`
 * (paired surrogates stay raw). The lookbehind skips an escaped backslash followed by the letters `u0000`.
 */
const UNSTORABLE_JSON_ESCAPES = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('Cannot store a value that has no JSON form (undefined or a function)');
  // One pass over the text rather than a replacer called for every value (the writer's hot path).
  return json.includes('\\u') ? json.replace(UNSTORABLE_JSON_ESCAPES, '$1\\ufffd') : json;
}

/** Leading `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of an ISO date, or null. */
function datePart(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(iso)?.[0] ?? null;
}

interface ArticleRow {
  id: string;
  input: string;
  url: string | null;
  article: ArticleRecord['article'];
  annotations: ArticleRecord['annotations'];
  extra: Record<string, unknown> | null;
  ingested_at: string;
  assignment: Assignment;
}

interface StoryRow {
  id: string;
  title: string | null;
  first_seen: string | null;
  last_seen: string | null;
  article_count: number;
  outlets: string[];
}

interface ProfileRowSql {
  kind: 'event' | 'story';
  id: string;
  story: string;
  first_day: number | null;
  last_day: number | null;
  last_seq: number;
  profile: unknown;
}

interface SignatureRowSql {
  article: string;
  event: string;
  day: number | null;
  seq: number;
  shingles: number;
  signature: string;
}

const PROFILE_COLUMNS = 'kind, id, story, first_day, last_day, last_seq::float8 AS last_seq, profile';
const SIGNATURE_COLUMNS = 'article, event, day, seq::float8 AS seq, shingles, signature';

function profileRow(row: ProfileRowSql): ClusterProfileRow {
  return { kind: row.kind, id: row.id, story: row.story, firstDay: row.first_day, lastDay: row.last_day, lastSeq: Number(row.last_seq), profile: row.profile };
}

function signatureRow(row: SignatureRowSql): ClusterSignatureRow {
  return { article: row.article, event: row.event, day: row.day, seq: Number(row.seq), shingles: Number(row.shingles), signature: row.signature };
}

const ARTICLE_COLUMNS = 'id, input, url, article, annotations, extra, ingested_at, assignment';
const STORY_COLUMNS = 'id, title, first_seen, last_seen, article_count, outlets';

function storedArticle(row: ArticleRow): StoredArticle {
  const record: ArticleRecord = {
    ...(row.extra ?? {}),
    id: row.id,
    input: row.input,
    url: row.url,
    article: row.article,
    annotations: row.annotations,
    ingestedAt: row.ingested_at,
  };
  return { record, assignment: row.assignment };
}

function storySummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    title: row.title,
    articles: Number(row.article_count),
    outlets: row.outlets,
    first_seen: row.first_seen,
    last_seen: row.last_seen,
  };
}

/** The stored full-text document of an article (title and text, English configuration; migration 004). */
const FULLTEXT_DOCUMENT = 'search_vector';

/** Surface forms listed for an entity: enough to show its spellings, bounded for entities named everywhere. */
const MAX_ENTITY_ALIASES = 20;
/** Stories listed on an entity's page, most recent first. */
const MAX_ENTITY_STORIES = 100;
/** Search snippets are cut from the article's first characters: ts_headline's cost grows with the text. */
const SNIPPET_SOURCE_CHARS = 4000;
const SNIPPET_MAX_WORDS = 30;
const SNIPPET_MIN_WORDS = 12;

/** `%`, `_` and `\\` match literally in a LIKE pattern built from user text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The WHERE clause of a story filter; its parameters are numbered from `firstParam`. */
function storyFilter(options: StoryListOptions, firstParam: number): { where: string; params: SqlParam[] } {
  const conditions: string[] = [];
  const params: SqlParam[] = [];
  const next = (value: SqlParam) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (options.query) {
    conditions.push(
      `id IN (SELECT story_id FROM articles WHERE ${FULLTEXT_DOCUMENT} @@ websearch_to_tsquery('english', ${next(storable(options.query))}))`,
    );
  }
  if (options.entity) {
    conditions.push(
      `id IN (SELECT a.story_id FROM entity_mentions em JOIN articles a ON a.id = em.article_id WHERE em.canonical = ${next(storable(options.entity))})`,
    );
  }
  if (options.outlet) conditions.push(`outlets @> ARRAY[${next(storable(options.outlet))}]::text[]`);
  if (options.from) conditions.push(`last_seen COLLATE "C" >= ${next(options.from)}`);
  // first_seen and last_seen are `YYYY-MM-DD`, so string order is date order.
  if (options.to) conditions.push(`first_seen COLLATE "C" <= ${next(options.to)}`);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

interface TokenRow {
  id: string;
  name: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

/** Hex characters of a token id: 48 random bits, unique among the few tokens a store holds. */
const TOKEN_ID_CHARS = 12;

const TOKEN_COLUMNS = 'id, name, created_at, last_used_at, revoked_at';

function isoTimestamp(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function tokenInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    created_at: isoTimestamp(row.created_at),
    last_used_at: row.last_used_at === null ? null : isoTimestamp(row.last_used_at),
    revoked: row.revoked_at !== null,
  };
}

function checkCount(name: string, value: number | undefined): number | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  return value;
}

/**
 * The Store over any SqlDatabase (the schema of ./migrations must be applied). Everything an article brings
 * is written in one transaction, so a failure leaves the store as it was before the call.
 */
export class SqlStore implements Store {
  private writesSinceOpen = 0;
  private closed = false;

  constructor(
    readonly location: string,
    private readonly db: SqlDatabase,
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  async hasArticle(id: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM articles WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async storedArticleIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query<{ id: string }>('SELECT id FROM articles WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [toJson(ids)]);
    return new Set(rows.map((row) => row.id));
  }

  async saveArticleBatch(items: Array<{ record: ArticleRecord; assignment: Assignment }>, clustererChanges: unknown[]): Promise<boolean> {
    if (items.length === 0) return true;
    for (const { record, assignment } of items) {
      if (assignment.id !== record.id) throw new Error(`The assignment is for article ${assignment.id}, not ${record.id}`);
    }
    if (!clustererChanges.every(isClusterDelta)) {
      throw new Error('saveArticleBatch: clustererChanges must be ClusterStateDeltas (StreamClusterer.takeChanges())');
    }
    const deltas = mergeClusterDeltas(clustererChanges as ClusterStateDelta[]);
    const finalStory = new Map<string, string>();
    for (const delta of deltas) for (const [alias, story] of delta.aliases) finalStory.set(alias, story);
    const saved = await this.db.transaction(async (tx) => {
      const inserted = await this.insertArticleRows(tx, items);
      // Some id was stored meanwhile (another writer): roll the whole batch back, the caller goes one by one.
      if (inserted < items.length) throw new BatchConflict();
      if (deltas.length > 0) await this.checkClustererBase(tx, deltas[0].baseSeq);
      await this.insertMentionRows(tx, items.map((item) => item.record));
      for (const delta of deltas) await this.applyClusterDelta(tx, delta);
      const stories = new Set(items.map(({ assignment }) => finalStory.get(assignment.story) ?? assignment.story));
      await this.refreshStories(tx, [...stories]);
      return true;
    }).catch((error: unknown) => {
      if (error instanceof BatchConflict) return false;
      throw error;
    });
    if (saved) this.writesSinceOpen += items.length;
    return saved;
  }

  async saveArticle(record: ArticleRecord, assignment: Assignment, clustererChanges: unknown): Promise<boolean> {
    if (assignment.id !== record.id) {
      throw new Error(`The assignment is for article ${assignment.id}, not ${record.id}`);
    }
    if (clustererChanges !== null && clustererChanges !== undefined && !isClusterDelta(clustererChanges)) {
      throw new Error('saveArticle: clustererChanges must be a ClusterStateDelta (StreamClusterer.takeChanges()) or null');
    }
    // Folded like a batch's: one assignment that merges stories twice renames an alias twice, and one
    // upsert cannot touch a row twice.
    const deltas = clustererChanges ? mergeClusterDeltas([clustererChanges as ClusterStateDelta]) : [];
    const saved = await this.db.transaction(async (tx) => {
      // ON CONFLICT rather than a prior SELECT: a concurrent writer of the same id (a server) cannot slip in.
      const inserted = await this.insertArticle(tx, record, assignment);
      if (!inserted) return false;
      if (deltas.length > 0) await this.checkClustererBase(tx, deltas[0].baseSeq);
      await this.insertMentions(tx, record);
      for (const delta of deltas) await this.applyClusterDelta(tx, delta);
      await this.refreshStory(tx, assignment.story);
      return true;
    });
    if (saved) this.writesSinceOpen++;
    return saved;
  }

  /**
   * Bulk load of articles whose stories are already decided (an import, a benchmark fixture): one transaction
   * for the whole batch, each story's summary recomputed once. No clusterer rows are written. Returns how many
   * articles were new.
   */
  async saveArticles(items: Array<{ record: ArticleRecord; assignment: Assignment }>): Promise<number> {
    const saved = await this.db.transaction(async (tx) => {
      let inserted = 0;
      const stories = new Set<string>();
      for (const { record, assignment } of items) {
        if (assignment.id !== record.id) throw new Error(`The assignment is for article ${assignment.id}, not ${record.id}`);
        if (!(await this.insertArticle(tx, record, assignment))) continue;
        await this.insertMentions(tx, record);
        stories.add(assignment.story);
        inserted++;
      }
      for (const story of stories) await this.refreshStory(tx, story);
      return inserted;
    });
    this.writesSinceOpen += saved;
    return saved;
  }

  /**
   * Refuses clusterer changes made on a state the store has moved past (StaleClustererState), and locks the
   * meta row until the transaction ends, so two writers' changes apply one after the other, each checked.
   */
  private async checkClustererBase(tx: SqlClient, baseSeq: number): Promise<void> {
    const rows = await tx.query<{ seq: number }>('SELECT seq::float8 AS seq FROM cluster_meta WHERE id = 1 FOR UPDATE');
    const storedSeq = rows.length > 0 ? Number(rows[0].seq) : 0;
    if (storedSeq !== baseSeq) throw new StaleClustererState(baseSeq, storedSeq);
  }

  /** Writes what one article changed in the clusterer: a handful of statements, whatever the corpus size. */
  private async applyClusterDelta(tx: SqlClient, delta: ClusterStateDelta): Promise<void> {
    await tx.query(
      `INSERT INTO cluster_meta (id, seq, max_day, state, updated_at) VALUES (1, $1, $2, $3::jsonb, now())
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, max_day = EXCLUDED.max_day, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [delta.meta.seq, delta.meta.maxDay, toJson(delta.meta.state)],
    );
    if (delta.halveDf) {
      // Integer division floors: the same halving the clusterer did in memory.
      await tx.query('UPDATE cluster_terms SET df = df / 2');
      await tx.query('DELETE FROM cluster_terms WHERE df = 0');
    }
    if (delta.df.length > 0) {
      await tx.query(
        `INSERT INTO cluster_terms (term, df)
         SELECT t.term, t.df FROM jsonb_to_recordset($1::jsonb) AS t(term text, df integer)
         ON CONFLICT (term) DO UPDATE SET df = cluster_terms.df + EXCLUDED.df`,
        [toJson(delta.df.map(([term, df]) => ({ term, df })))],
      );
    }
    if (delta.profiles.length > 0) {
      await tx.query(
        `INSERT INTO cluster_profiles (kind, id, story, first_day, last_day, last_seq, profile)
         SELECT p.kind, p.id, p.story, p.first_day, p.last_day, p.last_seq, p.profile
         FROM jsonb_to_recordset($1::jsonb)
           AS p(kind text, id text, story text, first_day integer, last_day integer, last_seq bigint, profile jsonb)
         ON CONFLICT (kind, id) DO UPDATE SET story = EXCLUDED.story, first_day = EXCLUDED.first_day,
           last_day = EXCLUDED.last_day, last_seq = EXCLUDED.last_seq, profile = EXCLUDED.profile`,
        [
          toJson(
            delta.profiles.map((row) => ({
              kind: row.kind,
              id: row.id,
              story: row.story,
              first_day: row.firstDay,
              last_day: row.lastDay,
              last_seq: row.lastSeq,
              profile: row.profile,
            })),
          ),
        ],
      );
    }
    if (delta.keys.length > 0) {
      await tx.query(
        `INSERT INTO cluster_keys (key, event)
         SELECT k.key, k.event FROM jsonb_to_recordset($1::jsonb) AS k(key text, event text)
         ON CONFLICT DO NOTHING`,
        [toJson(delta.keys.map(([key, event]) => ({ key, event })))],
      );
    }
    if (delta.signatures.length > 0) {
      await tx.query(
        `INSERT INTO cluster_signatures (article, event, day, seq, shingles, signature)
         SELECT s.article, s.event, s.day, s.seq, s.shingles, s.signature
         FROM jsonb_to_recordset($1::jsonb)
           AS s(article text, event text, day integer, seq bigint, shingles integer, signature text)
         ON CONFLICT (article) DO NOTHING`,
        [toJson(delta.signatures)],
      );
    }
    if (delta.removedStories.length > 0) {
      await tx.query(
        `DELETE FROM cluster_profiles WHERE kind = 'story' AND id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [toJson(delta.removedStories)],
      );
    }
    if (delta.aliases.length > 0) {
      const aliases = toJson(delta.aliases.map(([alias, story]) => ({ alias, story })));
      await tx.query(
        `INSERT INTO story_aliases (alias, story)
         SELECT a.alias, a.story FROM jsonb_to_recordset($1::jsonb) AS a(alias text, story text)
         ON CONFLICT (alias) DO UPDATE SET story = EXCLUDED.story`,
        [aliases],
      );
      // The merged story's articles now list under the story it joined (their assignment keeps the id
      // they were given); its summary row goes, the survivor's is recomputed.
      await tx.query(
        `UPDATE articles SET story_id = a.story
         FROM jsonb_to_recordset($1::jsonb) AS a(alias text, story text)
         WHERE articles.story_id = a.alias`,
        [aliases],
      );
      await tx.query(`DELETE FROM stories WHERE id IN (SELECT a.alias FROM jsonb_to_recordset($1::jsonb) AS a(alias text, story text))`, [aliases]);
      for (const story of new Set(delta.aliases.map(([, target]) => target))) await this.refreshStory(tx, story);
    }
  }

  private async insertArticle(tx: SqlClient, record: ArticleRecord, assignment: Assignment): Promise<boolean> {
    return (await this.insertArticleRows(tx, [{ record, assignment }])) === 1;
  }

  /** Inserts articles in one statement (the rows travel as one JSON array); returns how many were new. */
  private async insertArticleRows(tx: SqlClient, items: Array<{ record: ArticleRecord; assignment: Assignment }>): Promise<number> {
    const rows = items.map(({ record, assignment }) => {
      const { id, input, url, article, annotations, ingestedAt, ...extra } = record;
      return {
        id,
        input,
        url,
        outlet: article.outlet,
        title: article.title,
        authors: article.authors ?? [],
        published: article.published,
        language: article.language,
        text: article.text,
        article,
        annotations,
        extra,
        story_id: assignment.story,
        assignment,
        ingested_at: ingestedAt,
        seen_date: datePart(article.published) ?? datePart(ingestedAt),
      };
    });
    const inserted = await tx.query(
      `INSERT INTO articles (id, input, url, outlet, title, authors, published, language, text, article,
                             annotations, extra, story_id, assignment, ingested_at, seen_date)
       SELECT r.id, r.input, r.url, r.outlet, r.title, r.authors, r.published, r.language, r.text, r.article,
              r.annotations, r.extra, r.story_id, r.assignment, r.ingested_at, r.seen_date
       FROM ROWS FROM (
              jsonb_to_recordset($1::jsonb)
                AS (id text, input text, url text, outlet text, title text, authors jsonb, published text, language text,
                    text text, article jsonb, annotations jsonb, extra jsonb, story_id text, assignment jsonb,
                    ingested_at text, seen_date text)
            ) WITH ORDINALITY
         AS r(id, input, url, outlet, title, authors, published, language, text, article, annotations, extra,
              story_id, assignment, ingested_at, seen_date, position)
       -- seq (arrival order) follows the batch's order.
       ORDER BY r.position
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [toJson(rows)],
    );
    return inserted.length;
  }

  private async insertMentions(tx: SqlClient, record: ArticleRecord): Promise<void> {
    await this.insertMentionRows(tx, [record]);
  }

  /** The entity mentions of articles and their per-entity counts: two statements whatever the number. */
  private async insertMentionRows(tx: SqlClient, records: ArticleRecord[]): Promise<void> {
    const mentions = [];
    const perCanonical = new Map<string, { type: string; articles: number; mentions: number }>();
    for (const record of records) {
      const seen = new Set<string>();
      for (const entity of record.annotations.entities) {
        mentions.push({
          article_id: record.id,
          canonical: entity.canonical,
          type: entity.type,
          text: entity.text,
          start_offset: entity.start,
          end_offset: entity.end,
          rule: entity.rule,
        });
        const entry = perCanonical.get(entity.canonical);
        if (!entry) perCanonical.set(entity.canonical, { type: entity.type, articles: 1, mentions: 1 });
        else {
          entry.mentions++;
          if (!seen.has(entity.canonical)) entry.articles++;
        }
        seen.add(entity.canonical);
      }
    }
    if (mentions.length === 0) return;
    await tx.query(
      `INSERT INTO entity_mentions (article_id, canonical, type, text, start_offset, end_offset, rule)
       SELECT m.article_id, m.canonical, m.type, m.text, m.start_offset, m.end_offset, m.rule
       FROM jsonb_to_recordset($1::jsonb)
         AS m(article_id text, canonical text, type text, text text, start_offset integer, end_offset integer, rule text)`,
      [toJson(mentions)],
    );
    await tx.query(
      `INSERT INTO entity_stats (canonical, type, articles, mentions)
       SELECT e.canonical, e.type, e.articles, e.mentions
       FROM jsonb_to_recordset($1::jsonb) AS e(canonical text, type text, articles integer, mentions integer)
       ON CONFLICT (canonical) DO UPDATE SET articles = entity_stats.articles + EXCLUDED.articles,
         mentions = entity_stats.mentions + EXCLUDED.mentions`,
      [toJson([...perCanonical].map(([canonical, entry]) => ({ canonical, ...entry })))],
    );
  }

  /** Recomputes a story's summary row from its articles (stories are small; this stays cheap). */
  private async refreshStory(tx: SqlClient, storyId: string): Promise<void> {
    await this.refreshStories(tx, [storyId]);
  }

  /** Recomputes the summary rows of stories (distinct ids) from their articles, in one statement. */
  private async refreshStories(tx: SqlClient, storyIds: string[]): Promise<void> {
    if (storyIds.length === 0) return;
    await tx.query(
      `INSERT INTO stories (id, title, first_seen, last_seen, article_count, outlets)
       SELECT s.id,
              (SELECT title FROM articles WHERE story_id = s.id AND title IS NOT NULL ORDER BY seq LIMIT 1),
              a.first_seen, a.last_seen, a.article_count, a.outlets
       FROM (SELECT DISTINCT jsonb_array_elements_text($1::jsonb) AS id) s
       CROSS JOIN LATERAL (
         SELECT
           -- Publish dates when any article has one: an undated page ingested months later must not
           -- stretch the story; the ingest date stands in only for stories with no dated article.
           coalesce(min(left(published, 10) COLLATE "C") FILTER (WHERE published IS NOT NULL), min(seen_date COLLATE "C")) AS first_seen,
           coalesce(max(left(published, 10) COLLATE "C") FILTER (WHERE published IS NOT NULL), max(seen_date COLLATE "C")) AS last_seen,
           count(*)::integer AS article_count,
           coalesce(array_agg(DISTINCT outlet COLLATE "C" ORDER BY outlet COLLATE "C") FILTER (WHERE outlet IS NOT NULL),
                    ARRAY[]::text[]) AS outlets
         FROM articles WHERE story_id = s.id
       ) a
       ON CONFLICT (id) DO UPDATE SET
         title = EXCLUDED.title, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
         article_count = EXCLUDED.article_count, outlets = EXCLUDED.outlets`,
      [toJson(storyIds)],
    );
  }

  async loadClustererState(selection?: HotSelection): Promise<ClusterStateSnapshot | null> {
    // The meta row first: the other rows may come from a later commit of another writer, but then the
    // state's seq is behind the store's and its first change is refused (checkClustererBase).
    const metaRows = await this.db.query<{ seq: number; max_day: number | null; state: unknown }>(
      'SELECT seq::float8 AS seq, max_day, state FROM cluster_meta WHERE id = 1',
    );
    if (metaRows.length === 0) return null;
    const meta = { seq: Number(metaRows[0].seq), maxDay: metaRows[0].max_day, state: metaRows[0].state };
    const minDay = minDayOf(meta.maxDay, selection);
    const df = await this.db.query<{ term: string; df: number }>('SELECT term, df FROM cluster_terms');
    const profiles = await this.db.query<ProfileRowSql>(
      `WITH hot AS (
         SELECT * FROM cluster_profiles WHERE kind = 'event' AND last_day >= $1
         UNION ALL
         (SELECT * FROM cluster_profiles WHERE kind = 'event' AND last_day IS NULL ORDER BY last_seq DESC LIMIT $2)
       )
       SELECT ${PROFILE_COLUMNS} FROM hot
       UNION ALL
       SELECT ${PROFILE_COLUMNS} FROM cluster_profiles
       WHERE kind = 'story' AND id IN (SELECT coalesce(a.story, h.story) FROM hot h LEFT JOIN story_aliases a ON a.alias = h.story)`,
      [minDay, selectionLimit(selection?.undatedEvents)],
    );
    const signatures = await this.db.query<SignatureRowSql>(
      `SELECT ${SIGNATURE_COLUMNS} FROM cluster_signatures WHERE day >= $1
       UNION ALL
       (SELECT ${SIGNATURE_COLUMNS} FROM cluster_signatures WHERE day IS NULL ORDER BY seq DESC LIMIT $2)`,
      [minDay, selectionLimit(selection?.undatedSignatures)],
    );
    const aliases = await this.db.query<{ alias: string; story: string }>('SELECT alias, story FROM story_aliases');
    return {
      meta,
      df: df.map((row) => [row.term, Number(row.df)]),
      profiles: profiles.map(profileRow),
      signatures: signatures.map(signatureRow),
      aliases: aliases.map((row) => [row.alias, row.story]),
    };
  }

  async findClusterEvents(query: ColdEventQuery): Promise<ClusterColdRows> {
    if (query.keys.length === 0) return { profiles: [], signatures: [] };
    const rows = await this.db.query<ProfileRowSql>(
      `WITH found AS (
         SELECT * FROM cluster_profiles
         WHERE kind = 'event' AND last_day >= $2 AND first_day <= $3
           AND id IN (SELECT event FROM cluster_keys WHERE key IN (SELECT jsonb_array_elements_text($1::jsonb)))
         ORDER BY last_seq DESC, id LIMIT $4
       )
       SELECT ${PROFILE_COLUMNS} FROM found
       UNION ALL
       SELECT ${PROFILE_COLUMNS} FROM cluster_profiles
       WHERE kind = 'story' AND id IN (SELECT coalesce(a.story, f.story) FROM found f LEFT JOIN story_aliases a ON a.alias = f.story)`,
      [toJson(query.keys), query.fromDay, query.toDay, query.limit],
    );
    const events = rows.filter((row) => row.kind === 'event').map((row) => row.id);
    const signatures = events.length === 0 ? [] : await this.db.query<SignatureRowSql>(
      `SELECT ${SIGNATURE_COLUMNS} FROM cluster_signatures WHERE event IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq`,
      [toJson(events)],
    );
    return { profiles: rows.map(profileRow), signatures: signatures.map(signatureRow) };
  }

  /** The story an id names now: itself, or the story it was merged into. */
  private async canonicalStory(id: string): Promise<string> {
    const rows = await this.db.query<{ story: string }>('SELECT story FROM story_aliases WHERE alias = $1', [id]);
    return rows.length > 0 ? rows[0].story : id;
  }

  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const limit = checkCount('limit', options.limit);
    const offset = checkCount('offset', options.offset) ?? 0;
    const filter = storyFilter(options, 3);
    // LIMIT NULL means no limit in PostgreSQL.
    const rows = await this.db.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories ${filter.where}
       ORDER BY last_seen COLLATE "C" DESC NULLS LAST, id COLLATE "C"
       LIMIT $1 OFFSET $2`,
      [limit, offset, ...filter.params],
    );
    return rows.map(storySummary);
  }

  async countStories(options: StoryListOptions = {}): Promise<number> {
    const filter = storyFilter(options, 1);
    const rows = await this.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM stories ${filter.where}`, filter.params);
    return Number(rows[0].n);
  }

  async listEntities(options: EntityListOptions = {}): Promise<EntitySummary[]> {
    const limit = checkCount('limit', options.limit);
    const offset = checkCount('offset', options.offset) ?? 0;
    const conditions: string[] = [];
    const params: SqlParam[] = [limit, offset];
    if (options.query) {
      params.push(`%${escapeLike(options.query.toLowerCase())}%`);
      conditions.push(`lower(canonical) LIKE $${params.length}`);
    }
    if (options.type) {
      params.push(options.type);
      conditions.push(`type = $${params.length}`);
    }
    const rows = await this.db.query<EntitySummary>(
      `SELECT canonical, type, articles, mentions FROM entity_stats
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY articles DESC, mentions DESC, canonical COLLATE "C" LIMIT $1 OFFSET $2`,
      params,
    );
    return rows.map((row) => ({ ...row, articles: Number(row.articles), mentions: Number(row.mentions) }));
  }

  async getEntity(canonical: string): Promise<EntityDetail | null> {
    const stats = await this.db.query<EntitySummary>(
      'SELECT canonical, type, articles, mentions FROM entity_stats WHERE canonical = $1',
      [canonical],
    );
    if (stats.length === 0) return null;
    const aliases = await this.db.query<{ text: string }>(
      `SELECT text FROM entity_mentions WHERE canonical = $1 GROUP BY text ORDER BY count(*) DESC, text COLLATE "C" LIMIT $2`,
      [canonical, MAX_ENTITY_ALIASES],
    );
    const stories = await this.db.query<StoryRow & { mentioning_articles: number }>(
      `SELECT ${STORY_COLUMNS.split(', ').map((column) => `s.${column}`).join(', ')}, m.n AS mentioning_articles
       FROM (SELECT a.story_id, count(DISTINCT a.id)::integer AS n
             FROM entity_mentions em JOIN articles a ON a.id = em.article_id
             WHERE em.canonical = $1 GROUP BY a.story_id) m
       JOIN stories s ON s.id = m.story_id
       ORDER BY s.last_seen COLLATE "C" DESC NULLS LAST, s.id COLLATE "C" LIMIT $2`,
      [canonical, MAX_ENTITY_STORIES],
    );
    const row = stats[0];
    return {
      canonical: row.canonical,
      type: row.type,
      articles: Number(row.articles),
      mentions: Number(row.mentions),
      aliases: aliases.map((alias) => alias.text),
      stories: stories.map((story) => ({ ...storySummary(story), mentioning_articles: Number(story.mentioning_articles) })),
    };
  }

  async searchArticles(query: string, options: { limit?: number; offset?: number } = {}): Promise<ArticleHit[]> {
    const limit = checkCount('limit', options.limit);
    const offset = checkCount('offset', options.offset) ?? 0;
    const rows = await this.db.query<ArticleHit & { headline: string }>(
      `WITH hits AS (
         SELECT id, title, outlet, published, story_id, text, seq FROM articles
         WHERE ${FULLTEXT_DOCUMENT} @@ websearch_to_tsquery('english', $3)
         ORDER BY seq DESC LIMIT $1 OFFSET $2
       )
       SELECT id, title, outlet, published, story_id AS story,
              ts_headline('english', left(text, ${SNIPPET_SOURCE_CHARS}), websearch_to_tsquery('english', $3),
                          'StartSel="", StopSel="", MaxWords=${SNIPPET_MAX_WORDS}, MinWords=${SNIPPET_MIN_WORDS}') AS snippet
       FROM hits ORDER BY seq DESC`,
      [limit, offset, storable(query)],
    );
    return rows.map(({ id, title, outlet, published, story, snippet }) => ({ id, title, outlet, published, story, snippet }));
  }

  async createApiToken(name: string, hash: string): Promise<string> {
    const id = randomUUID().replace(/-/g, '').slice(0, TOKEN_ID_CHARS);
    await this.db.query('INSERT INTO api_tokens (id, name, hash) VALUES ($1, $2, $3)', [id, storable(name), hash]);
    return id;
  }

  async getApiToken(id: string): Promise<(ApiTokenInfo & { hash: string }) | null> {
    const rows = await this.db.query<TokenRow & { hash: string }>(
      `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}, hash`,
      [id],
    );
    return rows.length > 0 ? { ...tokenInfo(rows[0]), hash: rows[0].hash } : null;
  }

  async listApiTokens(): Promise<ApiTokenInfo[]> {
    const rows = await this.db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at, id`);
    return rows.map(tokenInfo);
  }

  async revokeApiToken(id: string): Promise<boolean> {
    const rows = await this.db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
    return rows.length > 0;
  }

  async getStoryWithBrief(id: string, articleLimit: number): Promise<{ summary: StorySummary; brief: string | null } | null> {
    // One round trip: alias resolution, the story and its brief when current.
    const rows = await this.db.query<StoryRow & { brief: string | null }>(
      `SELECT ${STORY_COLUMNS.split(', ').map((column) => `s.${column}`).join(', ')}, b.brief
       FROM stories s
       LEFT JOIN story_briefs b ON b.story_id = s.id AND b.article_count = s.article_count AND b.article_limit = $2
       WHERE s.id = coalesce((SELECT story FROM story_aliases WHERE alias = $1), $1)`,
      [id, checkCount('articleLimit', articleLimit)],
    );
    return rows.length > 0 ? { summary: storySummary(rows[0]), brief: rows[0].brief } : null;
  }

  async saveStoryBrief(storyId: string, articleCount: number, articleLimit: number, brief: string): Promise<void> {
    // A story merged away meanwhile has no row left to hang the brief on: then nothing is written. A brief
    // of an older version never replaces a newer one.
    await this.db.query(
      `INSERT INTO story_briefs (story_id, article_count, article_limit, brief)
       SELECT id, $2, $3, $4 FROM stories WHERE id = $1
       ON CONFLICT (story_id) DO UPDATE
         SET article_count = EXCLUDED.article_count, article_limit = EXCLUDED.article_limit, brief = EXCLUDED.brief, built_at = now()
       WHERE story_briefs.article_count <= EXCLUDED.article_count OR story_briefs.article_limit <> EXCLUDED.article_limit`,
      [storyId, checkCount('articleCount', articleCount), checkCount('articleLimit', articleLimit), storable(brief)],
    );
  }

  async listStaleBriefs(limit: number, articleLimit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT s.id FROM stories s
       LEFT JOIN story_briefs b ON b.story_id = s.id AND b.article_count = s.article_count AND b.article_limit = $2
       WHERE b.story_id IS NULL
       ORDER BY s.last_seen COLLATE "C" DESC NULLS LAST, s.id COLLATE "C" LIMIT $1`,
      [checkCount('limit', limit), checkCount('articleLimit', articleLimit)],
    );
    return rows.map((row) => row.id);
  }

  async getStorySummary(id: string): Promise<StorySummary | null> {
    const rows = await this.db.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [await this.canonicalStory(id)]);
    return rows.length > 0 ? storySummary(rows[0]) : null;
  }

  async getStoryArticles(storyId: string, last?: number): Promise<StoredArticle[]> {
    const story = await this.canonicalStory(storyId);
    if (last === undefined) {
      const rows = await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = $1 ORDER BY seq`, [story]);
      return rows.map(storedArticle);
    }
    // The ids first (from the index), then the articles in chunks, so that other statements run between.
    const ids = await this.db.query<{ id: string }>(`SELECT id FROM articles WHERE story_id = $1 ORDER BY seq DESC LIMIT $2`, [
      story,
      checkCount('last', last),
    ]);
    ids.reverse();
    const articles: StoredArticle[] = [];
    for (let start = 0; start < ids.length; start += STORY_READ_CHUNK) {
      const chunk = ids.slice(start, start + STORY_READ_CHUNK).map((row) => row.id);
      const rows = await this.db.query<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq`,
        [toJson(chunk)],
      );
      for (const row of rows) articles.push(storedArticle(row));
    }
    return articles;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const rows = await this.db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return rows.length > 0 ? storedArticle(rows[0]) : null;
  }

  async countArticles(): Promise<number> {
    const rows = await this.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM articles');
    return Number(rows[0].n);
  }

  /** Refreshes planner statistics and reclaims space; worth it after a bulk load. */
  async maintain(): Promise<void> {
    await this.db.exec('VACUUM ANALYZE');
    this.writesSinceOpen = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.writesSinceOpen >= MAINTAIN_AFTER_WRITES) await this.maintain();
    } finally {
      try {
        await this.db.close();
      } finally {
        await this.onClose();
      }
    }
  }
}
