import type { StoryBrief } from '../api.ts';
import { STATUS_LABEL } from './common.tsx';

/** Claims shown in the coverage grid: the most widely reported first. */
const MAX_ROWS = 25;

/** Who reported what: claims down, outlets across, a dot where the outlet carries the claim. */
export function Coverage({ brief }: { brief: StoryBrief }) {
  const outletOf = new Map(brief.articles.map((article) => [article.id, article.outlet ?? 'Unknown outlet']));
  const outlets = [...new Set(brief.articles.map((article) => article.outlet ?? 'Unknown outlet'))].sort();
  const rows = [...brief.claims]
    .sort((a, b) => b.sources.length - a.sources.length)
    .slice(0, MAX_ROWS)
    .map((claim) => ({ claim, reported: new Set(claim.sources.map((source) => outletOf.get(source.article))) }));
  if (rows.length === 0 || outlets.length === 0) return <p class="muted">No claims yet.</p>;
  return (
    <>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Coverage by outlet">
        <table class="coverage">
          <caption class="visually-hidden">Which outlet reported which claim</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {outlets.map((outlet) => (
                <th key={outlet} scope="col" class="outlet-col">
                  {outlet}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ claim, reported }) => (
              <tr key={claim.id}>
                <th scope="row" class={`claim--${claim.status}`}>
                  <span class="visually-hidden">{STATUS_LABEL[claim.status]}: </span>
                  {claim.text.length > 110 ? `${claim.text.slice(0, 109)}…` : claim.text}
                </th>
                {outlets.map((outlet) => (
                  <td key={outlet} class={reported.has(outlet) ? 'hit' : ''}>
                    {reported.has(outlet) ? <span aria-label="reported">●</span> : <span class="visually-hidden">not reported</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(brief.exclusives ?? []).filter((entry) => entry.claims.length > 0).length > 0 && (
        <>
          <h3>Reported by one publisher only</h3>
          <ul class="exclusives">
            {(brief.exclusives ?? [])
              .filter((entry) => entry.claims.length > 0)
              .map((entry) => (
                <li key={entry.publisher}>
                  <strong>{entry.outlets.join(', ') || entry.publisher}</strong>
                  <ul>
                    {entry.claims.map((claim) => (
                      <li key={claim.id}>{claim.text}</li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        </>
      )}
    </>
  );
}
