import { useEffect } from 'preact/hooks';
import { api, subscribe } from '../api.ts';
import { href, useLoad } from '../router.ts';
import { ActorGraph } from '../components/ActorGraph.tsx';
import { ClaimList, Conflicts } from '../components/Claims.tsx';
import { DateRange, ErrorNote, Loading, Section, day, safeHref } from '../components/common.tsx';
import { Coverage } from '../components/Coverage.tsx';
import { TimelineChart } from '../components/Timeline.tsx';

const EXPORTS: Array<[string, string]> = [
  ['json', 'story JSON'],
  ['md', 'Markdown brief'],
  ['csv', 'claims CSV'],
  ['graph-json', 'actor graph JSON'],
  ['graphml', 'GraphML'],
  ['events-tsv', 'events TSV'],
];

export function StoryPage({ id }: { id: string }) {
  const { data: brief, error, reload } = useLoad(`story:${id}`, () => api.story(id));

  // Reload when an article joins this story.
  useEffect(
    () =>
      subscribe((type, event) => {
        if (type === 'story' && event.id === id) reload();
      }),
    [id],
  );

  if (error) return <ErrorNote error={error} />;
  if (!brief) return <Loading what="the story" />;

  const outlets = [...new Set(brief.articles.map((article) => article.outlet).filter((outlet): outlet is string => !!outlet))];
  const dates = brief.articles.map((article) => article.published).filter((value): value is string => !!value).sort();
  const counts = { corroborated: 0, 'single-source': 0, conflicting: 0 } as Record<string, number>;
  for (const claim of brief.claims) counts[claim.status]++;

  return (
    <article class="story">
      <p class="crumbs">
        <a href="/">Stories</a> ›
      </p>
      <h1>{brief.title ?? '(untitled story)'}</h1>
      <p class="meta">
        {brief.articles.length} articles from {outlets.length} outlets · <DateRange first={dates[0] ?? null} last={dates[dates.length - 1] ?? null} />
      </p>
      <ul class="status-summary" aria-label="Claims by status">
        <li class="status status--corroborated">{counts.corroborated} corroborated</li>
        <li class="status status--single-source">{counts['single-source']} single-source</li>
        <li class="status status--conflicting">{counts.conflicting} conflicting</li>
      </ul>

      <Section id="summary" title="Summary">
        {brief.summary.length === 0 ? (
          <p class="muted">Nothing is corroborated yet.</p>
        ) : (
          <ul class="summary">
            {brief.summary.map((item, i) => (
              <li key={i}>
                {item.text}{' '}
                {item.sources.map((source, k) => (
                  <a key={k} class="source-link" href={href.article(source.article, { start: source.start, end: source.end })} aria-label={`source ${k + 1}`}>
                    [{k + 1}]
                  </a>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="claims" title="Claims" count={brief.claims.length}>
        <ClaimList brief={brief} />
      </Section>

      <Section id="conflicts" title="Conflicts" count={brief.conflicts?.length ?? 0}>
        <Conflicts brief={brief} />
      </Section>

      <Section id="timeline" title="Timeline">
        <TimelineChart brief={brief} />
      </Section>

      <Section id="graph" title="Who did what to whom">
        <ActorGraph graph={brief.actor_graph} />
      </Section>

      <Section id="coverage" title="Coverage by outlet">
        <Coverage brief={brief} />
      </Section>

      <Section id="entities" title="Entities" count={brief.entities.length}>
        <ul class="entities">
          {brief.entities.map((entity) => (
            <li key={entity.canonical}>
              <a href={href.entity(entity.canonical)}>{entity.canonical}</a> <span class="badge">{entity.type}</span>
              {entity.aliases.filter((alias) => alias !== entity.canonical).length > 0 && (
                <span class="muted"> also “{entity.aliases.filter((alias) => alias !== entity.canonical).join('”, “')}”</span>
              )}
              <span class="muted"> · {entity.articles} article{entity.articles === 1 ? '' : 's'}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="articles" title="Articles" count={brief.articles.length}>
        <ul class="articles">
          {brief.articles.map((article) => {
            const original = brief.articles.find((other) => other.id === article.duplicate_of);
            const link = safeHref(article.url);
            return (
              <li key={article.id}>
                <a href={href.article(article.id)}>{article.title ?? '(untitled article)'}</a>
                <span class="muted">
                  {' '}
                  · {article.outlet ?? 'unknown outlet'}
                  {article.published ? ` · ${day(article.published)}` : ' · undated'}
                  {article.authors.length > 0 ? ` · ${article.authors.join(', ')}` : ''}
                </span>
                {article.duplicate_of && <span class="badge">copy of {original?.outlet ?? 'another article'}</span>}
                {article.reference_date && <span class="badge">date inferred: {article.reference_date.value}</span>}
                {link && (
                  <>
                    {' '}
                    <a class="external" href={link} rel="noopener noreferrer nofollow" target="_blank">
                      original ↗
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </Section>
      <p class="exports">
        Export:{' '}
        {EXPORTS.map(([format, label], i) => (
          <span key={format}>
            {i > 0 && ' · '}
            <a href={`/api/stories/${encodeURIComponent(brief.id)}/export/${format}`} download>
              {label}
            </a>
          </span>
        ))}
      </p>
    </article>
  );
}
