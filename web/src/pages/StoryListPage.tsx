import { useEffect, useState } from 'preact/hooks';
import { api, subscribe, type StoryFilters } from '../api.ts';
import { href, navigate, useLoad } from '../router.ts';
import { DateRange, ErrorNote, Loading } from '../components/common.tsx';

const PAGE_SIZE = 25;
/** Live updates are gathered for this long before the list reloads, so a bulk ingest does not flood it. */
const LIVE_RELOAD_DELAY_MS = 800;
const FILTER_FIELDS = ['q', 'entity', 'outlet', 'from', 'to'] as const;

export function StoryListPage({ params }: { params: URLSearchParams }) {
  const filters: StoryFilters = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field);
    if (value) filters[field] = value;
  }
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const key = `${params.toString()}`;
  const { data, error, loading, reload } = useLoad(key, () => api.stories({ ...filters, limit: PAGE_SIZE, offset }));
  const [draft, setDraft] = useState<StoryFilters>(filters);
  const [liveNote, setLiveNote] = useState('');

  useEffect(() => setDraft(filters), [key]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let articles = 0;
    const close = subscribe((type) => {
      if (type === 'article') articles++;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setLiveNote(`${articles} new article${articles === 1 ? '' : 's'} arrived; the list is up to date.`);
        reload();
      }, LIVE_RELOAD_DELAY_MS);
    });
    return () => {
      close();
      if (timer) clearTimeout(timer);
    };
  }, [key]);

  const apply = (next: StoryFilters, nextOffset = 0) => {
    const query: Record<string, string> = {};
    for (const field of FILTER_FIELDS) if (next[field]) query[field] = String(next[field]).trim();
    if (nextOffset > 0) query.offset = String(nextOffset);
    navigate(href.stories(query));
  };

  const active = FILTER_FIELDS.filter((field) => filters[field]);

  return (
    <section>
      <h1>Stories</h1>
      <form
        class="filters"
        aria-label="Filter stories"
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <div class="field">
          <label for="f-q">Words</label>
          <input id="f-q" name="q" type="search" value={draft.q ?? ''} onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })} placeholder="e.g. ferry fire" />
        </div>
        <div class="field">
          <label for="f-entity">Entity</label>
          <input id="f-entity" name="entity" value={draft.entity ?? ''} onInput={(e) => setDraft({ ...draft, entity: e.currentTarget.value })} placeholder="exact name" />
        </div>
        <div class="field">
          <label for="f-outlet">Outlet</label>
          <input id="f-outlet" name="outlet" value={draft.outlet ?? ''} onInput={(e) => setDraft({ ...draft, outlet: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="f-from">From</label>
          <input id="f-from" name="from" type="date" value={draft.from ?? ''} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="f-to">To</label>
          <input id="f-to" name="to" type="date" value={draft.to ?? ''} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </div>
        <div class="actions">
          <button type="submit">Apply</button>
          {active.length > 0 && (
            <button type="button" class="secondary" onClick={() => apply({})}>
              Clear
            </button>
          )}
        </div>
      </form>
      <p class="live-note" role="status" aria-live="polite">
        {liveNote}
      </p>
      {error && <ErrorNote error={error} />}
      {loading && !data && <Loading what="stories" />}
      {data && (
        <>
          <p class="muted" id="story-count">
            {data.total} {data.total === 1 ? 'story' : 'stories'}
            {active.length > 0 ? ' match' : ''}
            {data.total > PAGE_SIZE ? ` · showing ${offset + 1}–${Math.min(offset + PAGE_SIZE, data.total)}` : ''}
          </p>
          {data.stories.length === 0 && <p>No story matches. Try fewer filters, or add pages on the “Add a page” tab.</p>}
          <ol class="story-list" aria-describedby="story-count">
            {data.stories.map((story) => (
              <li key={story.id} class="story-card">
                <h2>
                  <a href={href.story(story.id)}>{story.title ?? '(untitled story)'}</a>
                </h2>
                <p class="meta">
                  <span>
                    {story.articles} article{story.articles === 1 ? '' : 's'}
                  </span>
                  <span aria-hidden="true"> · </span>
                  <DateRange first={story.first_seen} last={story.last_seen} />
                </p>
                {story.outlets.length > 0 && (
                  <ul class="chips" aria-label="Outlets">
                    {story.outlets.map((outlet) => (
                      <li key={outlet}>
                        <a href={href.stories({ outlet })}>{outlet}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <nav class="pager" aria-label="Pages">
            {offset > 0 && (
              <button type="button" class="secondary" onClick={() => apply(filters, Math.max(0, offset - PAGE_SIZE))}>
                ← Newer
              </button>
            )}
            {offset + PAGE_SIZE < data.total && (
              <button type="button" class="secondary" onClick={() => apply(filters, offset + PAGE_SIZE)}>
                Older →
              </button>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
