/** Typed calls to the REST API (documented at /api/openapi.json). */
import type { SourceRef, StoryBrief, StorySummary, Annotations, ExtractedArticle, Assignment } from '../../src/model.ts';
import type { ArticleHit, EntityDetail, EntitySummary } from '../../src/store/types.ts';

export type { SourceRef, StoryBrief, StorySummary, ArticleHit, EntityDetail, EntitySummary };

export interface ArticleDetail {
  id: string;
  url: string | null;
  article: ExtractedArticle;
  annotations: Annotations;
  story: string;
  explanation: Assignment['explanation'];
}

export interface StoryFilters {
  q?: string;
  entity?: string;
  outlet?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError(0, 'network', 'The server does not answer. Is `crosscheck serve` running?');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  stories: (filters: StoryFilters) =>
    request<{ stories: StorySummary[]; limit: number; offset: number; total: number }>(`/api/stories${query({ ...filters })}`),
  story: (id: string) => request<StoryBrief>(`/api/stories/${encodeURIComponent(id)}`),
  article: (id: string) => request<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`),
  entities: (q?: string, limit = 30) => request<{ entities: EntitySummary[] }>(`/api/entities${query({ q, limit })}`),
  entity: (name: string) => request<EntityDetail>(`/api/entities/${encodeURIComponent(name)}`),
  search: (q: string) => request<{ stories: StorySummary[]; articles: ArticleHit[] }>(`/api/search${query({ q })}`),
  ingest: (token: string, body: FormData | Record<string, string>) =>
    request<{ id: string; story: string; duplicate: boolean; title: string | null; outlet: string | null }>('/api/ingest', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    }),
};

/** Live updates from /api/events; returns the function that closes the stream. */
export function subscribe(onEvent: (type: 'article' | 'story', data: { id: string; story?: string; title: string | null }) => void): () => void {
  const source = new EventSource('/api/events');
  for (const type of ['article', 'story'] as const) {
    source.addEventListener(type, (event) => {
      try {
        onEvent(type, JSON.parse((event as MessageEvent<string>).data));
      } catch {
        // A malformed event is skipped; the next one may be fine.
      }
    });
  }
  return () => source.close();
}
