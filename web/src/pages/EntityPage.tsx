import { api } from '../api.ts';
import { href, useLoad } from '../router.ts';
import { DateRange, ErrorNote, Loading } from '../components/common.tsx';

export function EntityPage({ name }: { name: string }) {
  const { data: entity, error } = useLoad(`entity:${name}`, () => api.entity(name));
  if (error) return <ErrorNote error={error} />;
  if (!entity) return <Loading what="the entity" />;
  return (
    <section>
      <p class="crumbs">
        <a href="/">Stories</a> ›
      </p>
      <h1>
        {entity.canonical} <span class="badge">{entity.type}</span>
      </h1>
      <p class="meta">
        Mentioned {entity.mentions} times in {entity.articles} article{entity.articles === 1 ? '' : 's'}.
      </p>
      {entity.aliases.length > 1 && (
        <p>
          Written as: {entity.aliases.map((alias, i) => <span key={alias}>{i > 0 ? ', ' : ''}“{alias}”</span>)}
        </p>
      )}
      <h2>Stories</h2>
      <ol class="story-list">
        {entity.stories.map((story) => (
          <li key={story.id} class="story-card">
            <h3>
              <a href={href.story(story.id)}>{story.title ?? '(untitled story)'}</a>
            </h3>
            <p class="meta">
              {story.mentioning_articles} of {story.articles} articles mention it · <DateRange first={story.first_seen} last={story.last_seen} />
            </p>
          </li>
        ))}
      </ol>
      <p>
        <a href={href.stories({ entity: entity.canonical })}>Filter the story list by {entity.canonical}</a>
      </p>
    </section>
  );
}
