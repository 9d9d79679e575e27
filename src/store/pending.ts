/**
 * The staging table `pending_articles` (migration 005): extracted and annotated articles waiting for the
 * single clustering writer. Workers stage, the writer takes rows in queue order and removes each after its
 * save. Written against the SqlClient interface, so it runs on a PostgreSQL pool and on PGlite alike.
 */
import type { ArticleRecord } from '../model.ts';
import type { SqlClient } from './sql.ts';

/** An article waiting to be clustered and stored. */
export interface PendingArticle {
  id: string;
  record: ArticleRecord;
  /** When its document was queued (ISO date-time). */
  queuedAt: string;
  /** Earlier failed clustering or save attempts. */
  attempts: number;
}

/**
 * PostgreSQL cannot hold U+0000 in jsonb, nor lone UTF-16 surrogates; both become U+FFFD (one unit for one,
 * so offsets stay valid), as the store itself does when it saves the article.
 */
const UNSTORABLE_CHARACTERS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function recordJson(record: ArticleRecord): string {
  return JSON.stringify(record, (_key, value: unknown) => (typeof value === 'string' ? value.replace(UNSTORABLE_CHARACTERS, '\ufffd') : value));
}

function isoOf(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/**
 * Parks an article for the writer. Returns false when it is already pending or already stored (a retried
 * job, or the same document sent twice), so the caller knows nothing new was staged. `queuedAt` as a string
 * keeps its microseconds.
 */
export async function stagePendingArticle(db: SqlClient, record: ArticleRecord, queuedAt: Date | string): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO pending_articles (id, record, queued_at)
     SELECT $1, $2::jsonb, $3::timestamptz
     WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = $1)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [record.id, recordJson(record), typeof queuedAt === 'string' ? queuedAt : queuedAt.toISOString()],
  );
  return rows.length > 0;
}

interface PendingRow {
  id: string;
  record: ArticleRecord | string;
  queued_at: Date | string;
  attempts: number;
}

/** The next `limit` pending articles, oldest queued first (staging order breaks ties). */
export async function nextPendingArticles(db: SqlClient, limit: number): Promise<PendingArticle[]> {
  const rows = await db.query<PendingRow>(
    'SELECT id, record, queued_at, attempts FROM pending_articles ORDER BY queued_at, seq LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    record: typeof row.record === 'string' ? (JSON.parse(row.record) as ArticleRecord) : row.record,
    queuedAt: isoOf(row.queued_at),
    attempts: Number(row.attempts),
  }));
}

/** Removes a pending article once it is stored (or given up). */
export async function removePendingArticle(db: SqlClient, id: string): Promise<void> {
  await db.query('DELETE FROM pending_articles WHERE id = $1', [id]);
}

/** Removes pending articles once they are stored, in one statement. */
export async function removePendingArticles(db: SqlClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('DELETE FROM pending_articles WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(ids)]);
}

/** Counts a failed attempt of the writer; returns the attempts so far. */
export async function recordPendingFailure(db: SqlClient, id: string, message: string): Promise<number> {
  const rows = await db.query<{ attempts: number }>(
    'UPDATE pending_articles SET attempts = attempts + 1, last_error = $2 WHERE id = $1 RETURNING attempts',
    [id, message],
  );
  return rows.length > 0 ? Number(rows[0].attempts) : 0;
}

/** How many articles wait for the writer. */
export async function countPendingArticles(db: SqlClient): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM pending_articles');
  return Number(rows[0].n);
}
