import { useEffect, useState } from 'preact/hooks';
import { api, type ArticleDetail, type SourceRef, type StoryBrief } from '../api.ts';
import { href } from '../router.ts';
import { day } from './common.tsx';

/** Characters of the article shown before and after the source sentence. */
const CONTEXT_CHARS = 220;

const articleCache = new Map<string, Promise<ArticleDetail>>();

export function loadArticle(id: string): Promise<ArticleDetail> {
  let pending = articleCache.get(id);
  if (!pending) {
    pending = api.article(id);
    pending.catch(() => articleCache.delete(id));
    articleCache.set(id, pending);
  }
  return pending;
}

/** The text around [start, end), cut at word boundaries, with the span itself apart. */
export function contextOf(text: string, start: number, end: number): { before: string; span: string; after: string } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return {
    before: (from > 0 ? '… ' : '') + text.slice(from, start),
    span: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? ' …' : ''),
  };
}

function SourceCard({ source, brief }: { source: SourceRef; brief: StoryBrief }) {
  const meta = brief.articles.find((article) => article.id === source.article);
  const [detail, setDetail] = useState<ArticleDetail | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadArticle(source.article).then(
      (article) => live && setDetail(article),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [source.article]);

  const text = detail?.article.text ?? '';
  const valid = detail !== null && text.slice(source.start, source.end) === source.text;
  const context = valid ? contextOf(text, source.start, source.end) : null;
  return (
    <article class="source-card">
      <header>
        <strong>{meta?.outlet ?? 'Unknown outlet'}</strong>
        {meta?.duplicate_of && <span class="badge">copy</span>}
        {meta?.published && (
          <>
            {' '}
            · <time>{day(meta.published)}</time>
          </>
        )}
        <div class="source-title">
          <a href={href.article(source.article, { start: source.start, end: source.end })}>{meta?.title ?? '(untitled article)'}</a>
        </div>
      </header>
      <blockquote>
        {context ? (
          <>
            <span class="context">{context.before}</span>
            <mark class="source-span">{context.span}</mark>
            <span class="context">{context.after}</span>
          </>
        ) : (
          <mark class="source-span">{source.text}</mark>
        )}
      </blockquote>
      {failed && <p class="muted">The article could not be loaded; the sentence is shown alone.</p>}
    </article>
  );
}

/** Every source of a claim, side by side (stacked on narrow screens). */
export function SourcesPanel({ sources, brief, label }: { sources: SourceRef[]; brief: StoryBrief; label: string }) {
  return (
    <div class="sources" role="region" aria-label={label}>
      {sources.map((source) => (
        <SourceCard key={`${source.article}:${source.start}`} source={source} brief={brief} />
      ))}
    </div>
  );
}
