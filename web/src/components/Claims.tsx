import { useState } from 'preact/hooks';
import type { StoryBrief } from '../api.ts';
import { STATUS_LABEL } from './common.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';

type Claim = StoryBrief['claims'][number];
type Filter = 'all' | Claim['status'];

function ClaimItem({ claim, brief, open, onToggle }: { claim: Claim; brief: StoryBrief; open: boolean; onToggle: () => void }) {
  const outlets = new Set(claim.sources.map((source) => brief.articles.find((a) => a.id === source.article)?.outlet ?? '?'));
  return (
    <li class={`claim claim--${claim.status}`} data-claim={claim.id}>
      <button type="button" class="claim-toggle" aria-expanded={open} aria-controls={`claim-${claim.id}-sources`} onClick={onToggle}>
        <span class={`status status--${claim.status}`}>{STATUS_LABEL[claim.status] ?? claim.status}</span>
        <span class="claim-text">{claim.text}</span>
        <span class="claim-count">
          {claim.independent_sources} independent · {outlets.size} outlet{outlets.size === 1 ? '' : 's'}
        </span>
      </button>
      {open && (
        <div id={`claim-${claim.id}-sources`}>
          <SourcesPanel sources={claim.sources} brief={brief} label={`Sources of: ${claim.text}`} />
          {claim.conflicts_with && claim.conflicts_with.length > 0 && (
            <p class="conflict-note">
              Conflicts with:{' '}
              {claim.conflicts_with.map((id) => brief.claims.find((other) => other.id === id)?.text ?? id).join(' / ')}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

export function ClaimList({ brief }: { brief: StoryBrief }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<Set<string>>(new Set());
  const counts = { all: brief.claims.length, corroborated: 0, 'single-source': 0, conflicting: 0 } as Record<Filter, number>;
  for (const claim of brief.claims) counts[claim.status]++;
  const shown = filter === 'all' ? brief.claims : brief.claims.filter((claim) => claim.status === filter);
  return (
    <>
      <div class="tabs" role="group" aria-label="Show claims">
        {(['all', 'corroborated', 'single-source', 'conflicting'] as Filter[]).map((value) => (
          <button key={value} type="button" class={`tab tab--${value}`} aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {value === 'all' ? 'All' : STATUS_LABEL[value]} <span class="count">{counts[value]}</span>
          </button>
        ))}
      </div>
      <ul class="claims">
        {shown.map((claim) => (
          <ClaimItem
            key={claim.id}
            claim={claim}
            brief={brief}
            open={open.has(claim.id)}
            onToggle={() => {
              const next = new Set(open);
              if (!next.delete(claim.id)) next.add(claim.id);
              setOpen(next);
            }}
          />
        ))}
      </ul>
    </>
  );
}

/** Claims that cannot all be true, each group shown together with its sources. */
export function Conflicts({ brief }: { brief: StoryBrief }) {
  const groups = brief.conflicts ?? [];
  if (groups.length === 0) return <p class="muted">No conflicting claims: the outlets agree, or report different facts.</p>;
  return (
    <ul class="conflicts">
      {groups.map((group) => (
        <li key={group.id} class="conflict">
          <p>
            <span class="status status--conflicting">{group.kind}</span> {group.detail}
          </p>
          <div class="conflict-sides">
            {group.claims.map((id) => {
              const claim = brief.claims.find((c) => c.id === id);
              if (!claim) return null;
              return (
                <div key={id} class="conflict-side">
                  <p class="claim-text">{claim.text}</p>
                  <SourcesPanel sources={claim.sources} brief={brief} label={`Sources of: ${claim.text}`} />
                </div>
              );
            })}
          </div>
        </li>
      ))}
    </ul>
  );
}
