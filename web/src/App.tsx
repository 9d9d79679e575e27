import { useEffect, useRef, useState } from 'preact/hooks';
import { href, navigate, useRoute } from './router.ts';
import { StoryListPage } from './pages/StoryListPage.tsx';
import { StoryPage } from './pages/StoryPage.tsx';
import { ArticlePage } from './pages/ArticlePage.tsx';
import { EntityPage } from './pages/EntityPage.tsx';
import { IngestPage } from './pages/IngestPage.tsx';

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const [search, setSearch] = useState(route.page === 'stories' ? (route.params.get('q') ?? '') : '');

  // A new page moves focus to its content, so keyboard and screen-reader users land on what changed.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.page, route.page === 'story' ? route.id : route.page === 'article' ? route.id : route.page === 'entity' ? route.name : '']);

  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-header">
        <a class="brand" href="/">
          crosscheck
        </a>
        <form
          class="site-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(href.stories(search.trim() ? { q: search.trim() } : {}));
          }}
        >
          <label for="site-search" class="visually-hidden">
            Search stories
          </label>
          <input id="site-search" type="search" placeholder="Search stories…" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Main">
          <a href="/">Stories</a>
          <a href={href.ingest()}>Add a page</a>
          <a href="/api/openapi.json">API</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'stories' && <StoryListPage params={route.params} />}
        {route.page === 'story' && <StoryPage id={route.id} />}
        {route.page === 'article' && <ArticlePage id={route.id} highlight={route.highlight} />}
        {route.page === 'entity' && <EntityPage name={route.name} />}
        {route.page === 'ingest' && <IngestPage />}
        {route.page === 'not-found' && (
          <section>
            <h1>Page not found</h1>
            <p>
              <a href="/">See all stories</a>
            </p>
          </section>
        )}
      </main>
      <footer class="site-footer">Every claim checked against the outlets that reported it · <a href="/api/openapi.json">REST API</a></footer>
    </>
  );
}
