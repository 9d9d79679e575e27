import type { ArticleRecord, Assignment, StorySummary } from '../model.ts';
import { MAINTAIN_AFTER_WRITES } from './constants.ts';
import type { SqlClient, SqlDatabase } from './sql.ts';
import type { Store, StoredArticle, StoryListOptions } from './types.ts';

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

function toJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? storable(item) : item));
  if (json === undefined) throw new Error('Cannot store a value that has no JSON form (undefined or a function)');
  return json;
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

  async saveArticle(record: ArticleRecord, assignment: Assignment, clustererState: unknown): Promise<boolean> {
    if (assignment.id !== record.id) {
      throw new Error(`The assignment is for article ${assignment.id}, not ${record.id}`);
    }
    const saved = await this.db.transaction(async (tx) => {
      // ON CONFLICT rather than a prior SELECT: a concurrent writer of the same id (a server) cannot slip in.
      const inserted = await this.insertArticle(tx, record, assignment);
      if (!inserted) return false;
      await this.insertMentions(tx, record);
      await this.refreshStory(tx, assignment.story);
      await tx.query(
        `INSERT INTO clusterer_state (id, state, updated_at) VALUES (1, $1::jsonb, now())
         ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
        [toJson(clustererState ?? null)],
      );
      return true;
    });
    if (saved) this.writesSinceOpen++;
    return saved;
  }

  private async insertArticle(tx: SqlClient, record: ArticleRecord, assignment: Assignment): Promise<boolean> {
    const { id, input, url, article, annotations, ingestedAt, ...extra } = record;
    const rows = await tx.query(
      `INSERT INTO articles (id, input, url, outlet, title, authors, published, language, text, article,
                             annotations, extra, story_id, assignment, ingested_at, seen_date)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14::jsonb, $15, $16)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        storable(id),
        storable(input),
        storable(url),
        storable(article.outlet),
        storable(article.title),
        toJson(article.authors ?? []),
        storable(article.published),
        storable(article.language),
        storable(article.text),
        toJson(article),
        toJson(annotations),
        toJson(extra),
        storable(assignment.story),
        toJson(assignment),
        storable(ingestedAt),
        datePart(article.published) ?? datePart(ingestedAt),
      ],
    );
    return rows.length > 0;
  }

  private async insertMentions(tx: SqlClient, record: ArticleRecord): Promise<void> {
    const mentions = record.annotations.entities.map((entity) => ({
      canonical: entity.canonical,
      type: entity.type,
      text: entity.text,
      start_offset: entity.start,
      end_offset: entity.end,
      rule: entity.rule,
    }));
    if (mentions.length === 0) return;
    // One statement for all mentions: the rows travel as one JSON array.
    await tx.query(
      `INSERT INTO entity_mentions (article_id, canonical, type, text, start_offset, end_offset, rule)
       SELECT $1, m.canonical, m.type, m.text, m.start_offset, m.end_offset, m.rule
       FROM jsonb_to_recordset($2::jsonb)
         AS m(canonical text, type text, text text, start_offset integer, end_offset integer, rule text)`,
      [storable(record.id), toJson(mentions)],
    );
  }

  /** Recomputes a story's summary row from its articles (stories are small; this stays cheap). */
  private async refreshStory(tx: SqlClient, storyId: string): Promise<void> {
    await tx.query(
      `INSERT INTO stories (id, title, first_seen, last_seen, article_count, outlets)
       SELECT $1,
              (SELECT title FROM articles WHERE story_id = $1 AND title IS NOT NULL ORDER BY seq LIMIT 1),
              -- Publish dates when any article has one: an undated page ingested months later must not
              -- stretch the story; the ingest date stands in only for stories with no dated article.
              coalesce(min(left(published, 10) COLLATE "C") FILTER (WHERE published IS NOT NULL), min(seen_date COLLATE "C")),
              coalesce(max(left(published, 10) COLLATE "C") FILTER (WHERE published IS NOT NULL), max(seen_date COLLATE "C")),
              count(*)::integer,
              coalesce(array_agg(DISTINCT outlet COLLATE "C" ORDER BY outlet COLLATE "C") FILTER (WHERE outlet IS NOT NULL),
                       ARRAY[]::text[])
       FROM articles WHERE story_id = $1
       ON CONFLICT (id) DO UPDATE SET
         title = EXCLUDED.title, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
         article_count = EXCLUDED.article_count, outlets = EXCLUDED.outlets`,
      [storable(storyId)],
    );
  }

  async loadClustererState(): Promise<unknown | null> {
    const rows = await this.db.query<{ state: unknown }>('SELECT state FROM clusterer_state WHERE id = 1');
    return rows.length > 0 ? rows[0].state : null;
  }

  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const limit = checkCount('limit', options.limit);
    const offset = checkCount('offset', options.offset) ?? 0;
    // LIMIT NULL means no limit in PostgreSQL.
    const rows = await this.db.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories
       ORDER BY last_seen COLLATE "C" DESC NULLS LAST, id COLLATE "C"
       LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(storySummary);
  }

  async getStorySummary(id: string): Promise<StorySummary | null> {
    const rows = await this.db.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [id]);
    return rows.length > 0 ? storySummary(rows[0]) : null;
  }

  async getStoryArticles(storyId: string): Promise<StoredArticle[]> {
    const rows = await this.db.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = $1 ORDER BY seq`,
      [storyId],
    );
    return rows.map(storedArticle);
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
