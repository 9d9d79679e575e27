import type { StoryBrief } from '../api.ts';
import { href } from '../router.ts';

type Entry = StoryBrief['timeline'][number];

const WIDTH = 720;
const LANE_HEIGHT = 26;
const AXIS_HEIGHT = 28;
const MARGIN = 24;
const DAY_MS = 86_400_000;

/** The days a TIMEX3 date value covers (a year, a month, a day), or null for values not on the calendar. */
export function rangeOf(value: string): { start: number; end: number } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const start = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
    return { start, end: start + DAY_MS };
  }
  if (match[2]) return { start: Date.UTC(year, Number(match[2]) - 1, 1), end: Date.UTC(year, Number(match[2]), 1) };
  return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
}

function label(ms: number, spanDays: number): string {
  const date = new Date(ms);
  const month = date.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  return spanDays > 700 ? String(date.getUTCFullYear()) : `${month} ${date.getUTCFullYear()}`;
}

export function TimelineChart({ brief }: { brief: StoryBrief }) {
  const dated = brief.timeline
    .map((entry) => ({ entry, range: rangeOf(entry.value) }))
    .filter((item): item is { entry: Entry; range: { start: number; end: number } } => item.range !== null)
    .sort((a, b) => a.range.start - b.range.start);
  if (dated.length === 0) return <p class="muted">No dated events in this story.</p>;

  const min = dated[0].range.start;
  const max = Math.max(...dated.map((item) => item.range.end));
  const span = Math.max(max - min, DAY_MS);
  const x = (ms: number) => MARGIN + ((ms - min) / span) * (WIDTH - 2 * MARGIN);
  // Greedy lanes: an entry goes to the first lane whose last mark ends left of it.
  const laneEnds: number[] = [];
  const placed = dated.map((item) => {
    const left = x(item.range.start);
    const right = Math.max(x(item.range.end), left + 8);
    let lane = laneEnds.findIndex((end) => end + 6 < left);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(right);
    } else laneEnds[lane] = right;
    return { ...item, left, right, lane };
  });
  const height = AXIS_HEIGHT + laneEnds.length * LANE_HEIGHT + 8;
  const ticks = 5;
  const spanDays = span / DAY_MS;

  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Timeline from ${dated[0].entry.value} to ${dated[dated.length - 1].entry.value}, ${dated.length} dated events; listed below.`}>
        <line x1={MARGIN} x2={WIDTH - MARGIN} y1={AXIS_HEIGHT - 8} y2={AXIS_HEIGHT - 8} class="axis" />
        {Array.from({ length: ticks }, (_, i) => {
          const ms = min + (span * i) / (ticks - 1);
          return (
            <text key={i} x={x(ms)} y={12} text-anchor={i === 0 ? 'start' : i === ticks - 1 ? 'end' : 'middle'} class="tick">
              {label(ms, spanDays)}
            </text>
          );
        })}
        {placed.map(({ entry, left, right, lane }, index) => (
          <g key={index} class={entry.inferred ? 'mark mark--inferred' : 'mark'}>
            <rect x={left} y={AXIS_HEIGHT + lane * LANE_HEIGHT} width={right - left} height={LANE_HEIGHT - 8} rx={4}>
              <title>
                {entry.value}: {entry.text}
              </title>
            </rect>
          </g>
        ))}
      </svg>
      <figcaption class="visually-hidden">Dated events of the story; the list below gives each one.</figcaption>
      <ol class="timeline-list">
        {dated.map(({ entry }, index) => (
          <li key={index}>
            <time class="timeline-value">{entry.value}</time>
            {entry.inferred && <span class="badge" title="Resolved from another article of the story">inferred</span>}
            <span class="timeline-text">{entry.text}</span>
            <span class="timeline-sources">
              {entry.sources.map((source, i) => (
                <a key={i} href={href.article(source.article, { start: source.start, end: source.end })} aria-label={`Source ${i + 1} of ${entry.value}`}>
                  [{i + 1}]
                </a>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
