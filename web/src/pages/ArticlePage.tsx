import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleDetail } from '../api.ts';
import { href, useLoad } from '../router.ts';
import { ErrorNote, Loading, day, safeHref } from '../components/common.tsx';
import { loadArticle } from '../components/SourcesPanel.tsx';

type Layer = 'entities' | 'times' | 'quantities' | 'claims';
const LAYERS: Array<{ key: Layer; label: string }> = [
  { key: 'entities', label: 'Entities' },
  { key: 'times', label: 'Dates' },
  { key: 'quantities', label: 'Quantities' },
  { key: 'claims', label: 'Attributions' },
];

interface Mark {
  start: number;
  end: number;
  layer: Layer | 'focus';
  note: string;
}

function marksOf(detail: ArticleDetail, layer: Layer): Mark[] {
  const a = detail.annotations;
  if (layer === 'entities') return a.entities.map((e) => ({ start: e.start, end: e.end, layer, note: `${e.type}: ${e.canonical}` }));
  if (layer === 'times') return a.times.map((t) => ({ start: t.start, end: t.end, layer, note: `${t.type} ${t.value}${t.inferred ? ' (inferred)' : ''}` }));
  if (layer === 'quantities') return a.quantities.map((q) => ({ start: q.start, end: q.end, layer, note: `${q.approx ?? ''} ${q.low ?? q.value ?? ''} ${q.unit ?? ''}`.trim() }));
  return a.claims
    .filter((c) => c.source)
    .map((c) => ({ start: c.start, end: c.end, layer, note: `${c.source!.kind}: ${c.source!.canonical ?? c.source!.text}${c.hedged ? ' (hedged)' : ''}` }));
}

/** Splits the text into plain and marked pieces; overlapping marks keep the earlier one. */
function segments(text: string, marks: Mark[]): Array<{ text: string; mark: Mark | null }> {
  const sorted = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Array<{ text: string; mark: Mark | null }> = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue;
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start), mark: null });
    pieces.push({ text: text.slice(mark.start, mark.end), mark });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: null });
  return pieces;
}

export function ArticlePage({ id, highlight }: { id: string; highlight: { start: number; end: number } | null }) {
  const { data: detail, error } = useLoad(`article:${id}`, () => loadArticle(id));
  const [layer, setLayer] = useState<Layer | null>(highlight ? null : 'entities');
  const focus = useRef<HTMLElement>(null);
  useEffect(() => {
    focus.current?.scrollIntoView({ block: 'center' });
  }, [detail, highlight?.start]);

  if (error) return <ErrorNote error={error} />;
  if (!detail) return <Loading what="the article" />;
  const { article } = detail;
  const marks: Mark[] = layer ? marksOf(detail, layer) : [];
  if (highlight) marks.unshift({ ...highlight, layer: 'focus', note: 'the source sentence' });
  const paragraphs: Array<{ start: number; text: string }> = [];
  let offset = 0;
  for (const part of article.text.split(/\n{2,}/)) {
    const start = article.text.indexOf(part, offset);
    paragraphs.push({ start, text: part });
    offset = start + part.length;
  }
  const link = safeHref(detail.url);

  return (
    <article class="reader" lang={article.language ?? undefined}>
      <p class="crumbs">
        <a href={href.story(detail.story)}>Back to the story</a>
      </p>
      <h1>{article.title ?? '(untitled article)'}</h1>
      <p class="meta">
        {article.outlet ?? 'Unknown outlet'}
        {article.authors.length > 0 && ` · ${article.authors.join(', ')}`}
        {article.credit && ` · ${article.credit}`}
        {article.published ? ` · published ${day(article.published)}` : ' · undated'}
        {article.updated && ` · updated ${day(article.updated)}`}
        {link && (
          <>
            {' · '}
            <a href={link} rel="noopener noreferrer nofollow" target="_blank">
              original ↗
            </a>
          </>
        )}
      </p>
      <div class="tabs" role="group" aria-label="Highlight annotations">
        {LAYERS.map(({ key, label }) => (
          <button key={key} type="button" class="tab" aria-pressed={layer === key} onClick={() => setLayer(layer === key ? null : key)}>
            {label} <span class="count">{marksOf(detail, key).length}</span>
          </button>
        ))}
      </div>
      <div class="article-text">
        {paragraphs.map((paragraph) => {
          const local = marks
            .filter((m) => m.end > paragraph.start && m.start < paragraph.start + paragraph.text.length)
            .map((m) => ({ ...m, start: Math.max(0, m.start - paragraph.start), end: Math.min(paragraph.text.length, m.end - paragraph.start) }));
          return (
            <p key={paragraph.start}>
              {segments(paragraph.text, local).map((piece, i) =>
                piece.mark ? (
                  <mark key={i} class={`ann ann--${piece.mark.layer}`} title={piece.mark.note} ref={piece.mark.layer === 'focus' ? focus : undefined}>
                    {piece.text}
                  </mark>
                ) : (
                  piece.text
                ),
              )}
            </p>
          );
        })}
      </div>
      <details class="explanation">
        <summary>Why this article is in its story</summary>
        <p>
          {detail.explanation.decision === 'opened' ? 'It opened the story.' : `It joined with score ${detail.explanation.score.toFixed(2)}.`}
          {detail.explanation.sharedEntities.length > 0 && ` Shared entities: ${detail.explanation.sharedEntities.join(', ')}.`}
          {detail.explanation.sharedTerms.length > 0 && ` Shared terms: ${detail.explanation.sharedTerms.join(', ')}.`}
          {detail.explanation.duplicateOf && ` A copy of article ${detail.explanation.duplicateOf}.`}
        </p>
      </details>
    </article>
  );
}
