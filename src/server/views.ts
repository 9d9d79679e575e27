/**
 * Server-rendered pages. Pure functions from records to HTML strings; every value goes through `html`,
 * which escapes it.
 */
import type { SourceRef, StoryBrief, StorySummary } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';
import { STYLESHEET_PATH } from './constants.ts';
import { html, safeExternalHref, type SafeHtml } from './html.ts';

const UNTITLED = '(untitled)';
const UNKNOWN_OUTLET = 'unknown outlet';

/** BCP 47-looking language tags only, so a stored value cannot break the attribute or mislabel wildly. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const storyHref = (id: string): string => `/stories/${encodeURIComponent(id)}`;
export const articleHref = (id: string): string => `/articles/${encodeURIComponent(id)}`;

export function renderLayout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · crosscheck</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="site"><a href="/">crosscheck</a></header>
<main>
${body}
</main>
<footer class="site">Cross-checked from stored articles · <a href="/api/openapi.json">API</a></footer>
</body>
</html>
`.value;
}

function dateRange(first: string | null, last: string | null): SafeHtml {
  if (!first && !last) return html`<span>dates unknown</span>`;
  if (!first || !last || first === last) return html`<time>${first ?? last}</time>`;
  return html`<time>${first}</time> – <time>${last}</time>`;
}

function externalLink(url: string | null, label: string): SafeHtml {
  const href = safeExternalHref(url);
  if (!href) return html``;
  return html`<a href="${href}" rel="noopener noreferrer nofollow">${label}</a>`;
}

// ---------------------------------------------------------------------------------------------------
// Story list

export function renderStoryList(stories: StorySummary[], limit: number, offset: number): string {
  const items = stories.map(
    (story) => html`<li>
<a class="title" href="${storyHref(story.id)}">${story.title ?? UNTITLED}</a>
<div class="meta">${story.articles} ${story.articles === 1 ? 'article' : 'articles'} · ${
      story.outlets.length > 0 ? story.outlets.join(', ') : UNKNOWN_OUTLET
    } · ${dateRange(story.first_seen, story.last_seen)}</div>
</li>`,
  );
  const previous =
    offset > 0
      ? html`<a href="${`/?limit=${limit}&offset=${Math.max(0, offset - limit)}`}">← Previous</a>`
      : html`<span></span>`;
  // A full page suggests there may be more; an empty next page is harmless.
  const next = stories.length === limit ? html`<a href="${`/?limit=${limit}&offset=${offset + limit}`}">Next →</a>` : html``;
  const body = html`<h1>Stories</h1>
${stories.length === 0 ? html`<p class="empty">No stories ${offset > 0 ? 'on this page' : 'stored yet'}.</p>` : html`<ul class="plain stories">${items}</ul>`}
<nav class="pages">${previous}${next}</nav>`;
  return renderLayout('Stories', body);
}

// ---------------------------------------------------------------------------------------------------
// Story brief

type BriefArticle = StoryBrief['articles'][number];

function sourceList(sources: SourceRef[], articlesById: Map<string, BriefArticle>): SafeHtml {
  if (sources.length === 0) return html``;
  const items = sources.map((source) => {
    const article = articlesById.get(source.article);
    return html`<li><span class="outlet">${article?.outlet ?? UNKNOWN_OUTLET}</span>: “${source.text}” <a href="${articleHref(source.article)}">article</a></li>`;
  });
  return html`<ul class="sources">${items}</ul>`;
}

function claimAnchor(id: string): string {
  return `claim-${id}`;
}

export function renderStoryPage(brief: StoryBrief): string {
  const articlesById = new Map(brief.articles.map((article) => [article.id, article]));
  const title = brief.title ?? UNTITLED;

  const summary =
    brief.summary.length === 0
      ? html`<p class="empty">No summary.</p>`
      : brief.summary.map((sentence) => html`<p>${sentence.text}</p>${sourceList(sentence.sources, articlesById)}`);

  const claims =
    brief.claims.length === 0
      ? html`<p class="empty">No claims found.</p>`
      : brief.claims.map(
          (claim) => html`<div class="claim claim--${claim.status}" id="${claimAnchor(claim.id)}">
<p class="claim-text">${claim.text}</p>
<div class="meta"><span class="status status--${claim.status}">${claim.status}</span> · ${claim.independent_sources} independent ${
            claim.independent_sources === 1 ? 'source' : 'sources'
          }${
            claim.conflicts_with && claim.conflicts_with.length > 0
              ? html` · conflicts with ${claim.conflicts_with.map(
                  (other, index) => html`${index > 0 ? ', ' : ''}<a href="${`#${claimAnchor(other)}`}">${other}</a>`,
                )}`
              : html``
          }</div>
${sourceList(claim.sources, articlesById)}
</div>`,
        );

  const timeline =
    brief.timeline.length === 0
      ? html`<p class="empty">No dated events.</p>`
      : html`<ol class="timeline">${brief.timeline.map(
          (event) => html`<li><time>${event.value}</time>${event.inferred ? ' (inferred)' : ''} — ${event.text}${sourceList(
            event.sources,
            articlesById,
          )}</li>`,
        )}</ol>`;

  const entities =
    brief.entities.length === 0
      ? html`<p class="empty">No entities.</p>`
      : html`<div class="table-wrap"><table>
<thead><tr><th>Name</th><th>Type</th><th>Also written</th><th>Articles</th></tr></thead>
<tbody>${brief.entities.map(
          (entity) =>
            html`<tr><td>${entity.canonical}</td><td>${entity.type}</td><td>${entity.aliases.join(', ')}</td><td>${entity.articles}</td></tr>`,
        )}</tbody>
</table></div>`;

  const articles = html`<ul class="plain articles">${brief.articles.map(
    (article) => html`<li>
<a href="${articleHref(article.id)}">${article.title ?? UNTITLED}</a>
<div class="meta"><span class="outlet">${article.outlet ?? UNKNOWN_OUTLET}</span>${
      article.authors.length > 0 ? html` · ${article.authors.join(', ')}` : html``
    }${article.published ? html` · <time>${article.published}</time>` : html``}${
      article.duplicate_of ? html` · copy of <a href="${articleHref(article.duplicate_of)}">another article</a>` : html``
    }${safeExternalHref(article.url) ? html` · ${externalLink(article.url, 'original')}` : html``}</div>
</li>`,
  )}</ul>`;

  const body = html`<h1>${title}</h1>
<p class="meta">${brief.articles.length} ${brief.articles.length === 1 ? 'article' : 'articles'} · <a href="${`/api/stories/${encodeURIComponent(brief.id)}/markdown`}">Markdown</a> · <a href="${`/api/stories/${encodeURIComponent(brief.id)}`}">JSON</a></p>
<h2>Summary</h2>
${summary}
<h2>Claims</h2>
${claims}
<h2>Timeline</h2>
${timeline}
<h2>Entities</h2>
${entities}
<h2>Articles</h2>
${articles}`;
  return renderLayout(title, body);
}

// ---------------------------------------------------------------------------------------------------
// Article

/** Paragraphs of an extracted text (separated by blank lines). */
function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

export function renderArticlePage(stored: StoredArticle): string {
  const { record, assignment } = stored;
  const article = record.article;
  const title = article.title ?? UNTITLED;
  const language = article.language && LANGUAGE_TAG.test(article.language) ? article.language : null;
  const fact = (label: string, value: SafeHtml | string | null | undefined) =>
    value ? html`<dt>${label}</dt><dd>${value}</dd>` : html``;
  const url = record.url ?? article.url;

  const body = html`<h1${language ? html` lang="${language}"` : html``}>${title}</h1>
<dl class="facts">
${fact('Outlet', article.outlet)}
${fact('Authors', article.authors.join(', '))}
${fact('Credit', article.credit)}
${fact('Published', article.published)}
${fact('Updated', article.updated)}
${fact('Language', article.language)}
${fact('Original', url ? (safeExternalHref(url) ? externalLink(url, url) : url) : null)}
${fact('Story', html`<a href="${storyHref(assignment.story)}">${assignment.explanation.decision === 'opened' ? 'opened a new story' : 'joined a story'}</a>`)}
${fact('Shared entities', assignment.explanation.sharedEntities.join(', '))}
</dl>
${article.description ? html`<p class="meta">${article.description}</p>` : html``}
<article class="text"${language ? html` lang="${language}"` : html``}>
${paragraphs(article.text).map((paragraph) => html`<p>${paragraph}</p>`)}
</article>`;
  return renderLayout(title, body);
}

// ---------------------------------------------------------------------------------------------------
// Errors

export function renderErrorPage(status: number, message: string): string {
  return renderLayout(`Error ${status}`, html`<h1>Error ${status}</h1><p>${message}</p><p><a href="/">All stories</a></p>`);
}
