import { useState } from 'preact/hooks';
import type { StoryBrief } from '../api.ts';
import { href } from '../router.ts';

const SIZE = 420;
const RADIUS = 150;
const NODE_RADIUS = 9;

type Graph = NonNullable<StoryBrief['actor_graph']>;

/**
 * Actors and targets on a circle, statements as arrows. A node is a button: selecting it (click, Enter or
 * Space) keeps only its edges lit and lists them beside the drawing. A circle layout keeps every label
 * readable for the few dozen actors a story has, without a layout library.
 */
export function ActorGraph({ graph }: { graph: Graph | undefined }) {
  const [selected, setSelected] = useState<string | null>(null);
  if (!graph || graph.edges.length === 0) return <p class="muted">No actor → action → target statements in this story.</p>;
  const center = SIZE / 2;
  const position = new Map(
    graph.nodes.map((node, i) => {
      const angle = (2 * Math.PI * i) / graph.nodes.length - Math.PI / 2;
      return [node.id, { x: center + RADIUS * Math.cos(angle), y: center + RADIUS * Math.sin(angle), angle }];
    }),
  );
  const lit = (edge: Graph['edges'][number]) => selected === null || edge.actor === selected || edge.target === selected;
  const edges = graph.edges.filter(lit);
  const nodeLabel = (id: string) => graph.nodes.find((node) => node.id === id)?.label ?? id;

  return (
    <div class="graph">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-label={`Actor graph: ${graph.nodes.length} actors, ${graph.edges.length} statements. Select an actor to list its statements.`}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
          </marker>
        </defs>
        {graph.edges.map((edge, i) => {
          const from = position.get(edge.actor);
          const to = position.get(edge.target);
          if (!from || !to) return null;
          const dx = to.x - from.x;
          const dy = to.y - from.y;
          const length = Math.hypot(dx, dy) || 1;
          const shorten = NODE_RADIUS + 3;
          return (
            <line
              key={i}
              x1={from.x + (dx / length) * shorten}
              y1={from.y + (dy / length) * shorten}
              x2={to.x - (dx / length) * shorten}
              y2={to.y - (dy / length) * shorten}
              class={lit(edge) ? 'edge edge--lit' : 'edge'}
              stroke-width={1 + Math.min(edge.count, 4)}
              marker-end="url(#arrow)"
            >
              <title>
                {nodeLabel(edge.actor)} → {edge.action} → {nodeLabel(edge.target)} ({edge.count})
              </title>
            </line>
          );
        })}
        {graph.nodes.map((node) => {
          const at = position.get(node.id)!;
          const right = Math.cos(at.angle) >= 0;
          const active = selected === node.id;
          return (
            <g
              key={node.id}
              class={active ? 'node node--selected' : 'node'}
              role="button"
              tabIndex={0}
              aria-pressed={active}
              aria-label={`${node.label}${node.type ? ` (${node.type})` : ''}`}
              onClick={() => setSelected(active ? null : node.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  setSelected(active ? null : node.id);
                }
              }}
            >
              <circle cx={at.x} cy={at.y} r={NODE_RADIUS} />
              <text x={at.x + (right ? 13 : -13)} y={at.y + 4} text-anchor={right ? 'start' : 'end'}>
                {node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="graph-edges">
        <p class="muted" role="status">
          {selected ? `Statements involving ${nodeLabel(selected)}` : 'All statements'} ({edges.length})
          {selected && (
            <>
              {' '}
              <button type="button" class="link-button" onClick={() => setSelected(null)}>
                show all
              </button>
            </>
          )}
        </p>
        <ul>
          {edges.map((edge, i) => (
            <li key={i}>
              <strong>{nodeLabel(edge.actor)}</strong> → <em>{edge.action}</em> → <strong>{nodeLabel(edge.target)}</strong>{' '}
              <span class="muted">
                {edge.count}× · {edge.independent_sources} independent
              </span>{' '}
              {edge.sources.slice(0, 4).map((source, k) => (
                <a key={k} href={href.article(source.article, { start: source.start, end: source.end })} aria-label={`source ${k + 1}`}>
                  [{k + 1}]
                </a>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
