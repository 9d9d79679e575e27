import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api.ts';

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ error }: { error: Error | ApiError }) {
  return (
    <p class="error" role="alert">
      {error.message}
    </p>
  );
}

export function Section({ id, title, children, count }: { id: string; title: string; count?: number; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {title}
        {count !== undefined && <span class="count"> {count}</span>}
      </h2>
      {children}
    </section>
  );
}

/** Day of an ISO date-time, or the value as given (`2031-04`, `2031`). */
export function day(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

export function DateRange({ first, last }: { first: string | null; last: string | null }) {
  if (!first && !last) return <span class="muted">undated</span>;
  if (!first || first === last) return <time>{day(last ?? first)}</time>;
  return (
    <span>
      <time>{day(first)}</time> – <time>{day(last)}</time>
    </span>
  );
}

/** Only http(s) links of stored pages become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const STATUS_LABEL: Record<string, string> = {
  corroborated: 'Corroborated',
  'single-source': 'Single source',
  conflicting: 'Conflicting',
};
