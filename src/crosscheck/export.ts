/**
 * Exports of a story brief: the story as JSON, the Markdown brief, the claims as CSV (one row per claim and
 * source), the actor graph as JSON and GraphML, and the claims' statements as a GDELT-like events TSV (one
 * row per claim with an action, CAMEO root codes and quad classes, source counts). All pure functions of a
 * StoryBrief; the CLI's `story ID --format X` prints them.
 */
import type { StoryBrief } from '../model.ts';
import { renderBriefMarkdown } from './markdown.ts';

export type ExportFormat = 'json' | 'md' | 'csv' | 'graph-json' | 'graphml' | 'events-tsv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'md', 'csv', 'graph-json', 'graphml', 'events-tsv'];

/** The story as one line of JSON (the contract's `story ID --json`). */
export function storyJson(brief: StoryBrief): string {
  return JSON.stringify(brief);
}

export function storyMarkdown(brief: StoryBrief): string {
  return renderBriefMarkdown(brief);
}

/** A CSV field as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CLAIMS_CSV_COLUMNS = [
  'claim_id',
  'status',
  'independent_sources',
  'publishers',
  'action',
  'actor',
  'target',
  'place',
  'time',
  'negated',
  'conflicts_with',
  'claim_text',
  'source_article',
  'source_outlet',
  'source_start',
  'source_end',
  'source_text',
] as const;

/** Claims as CSV: a header, then one row per claim and source sentence (CRLF line ends, as RFC 4180). */
export function claimsCsv(brief: StoryBrief): string {
  const outlets = new Map(brief.articles.map((a) => [a.id, a.outlet]));
  const rows: unknown[][] = [[...CLAIMS_CSV_COLUMNS]];
  for (const claim of brief.claims) {
    const s = claim.statement;
    for (const source of claim.sources) {
      rows.push([
        claim.id,
        claim.status,
        claim.independent_sources,
        (claim.publishers ?? []).join('; '),
        s?.action ?? '',
        s?.actor ?? '',
        s?.target ?? '',
        s?.place ?? '',
        s?.time ?? '',
        s ? String(s.negated) : '',
        (claim.conflicts_with ?? []).join(' '),
        claim.text,
        source.article,
        outlets.get(source.article) ?? '',
        source.start,
        source.end,
        source.text,
      ]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const emptyGraph = (): NonNullable<StoryBrief['actor_graph']> => ({ nodes: [], edges: [] });

/** The actor graph as JSON: `{"story", "nodes": [...], "edges": [...]}`. */
export function actorGraphJson(brief: StoryBrief): string {
  const graph = brief.actor_graph ?? emptyGraph();
  return JSON.stringify({ story: brief.id, nodes: graph.nodes, edges: graph.edges });
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** The actor graph as GraphML (directed; node label and type, edge action, counts and claim ids). */
export function actorGraphGraphml(brief: StoryBrief): string {
  const graph = brief.actor_graph ?? emptyGraph();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="action" for="edge" attr.name="action" attr.type="string"/>',
    '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
    '  <key id="independent" for="edge" attr.name="independent_sources" attr.type="int"/>',
    '  <key id="claims" for="edge" attr.name="claims" attr.type="string"/>',
    `  <graph id="${xml(brief.id)}" edgedefault="directed">`,
  ];
  const ids = new Map(graph.nodes.map((n, k) => [n.id, `n${k}`]));
  graph.nodes.forEach((node, k) => {
    lines.push(`    <node id="n${k}">`, `      <data key="label">${xml(node.label)}</data>`);
    if (node.type) lines.push(`      <data key="type">${node.type}</data>`);
    lines.push('    </node>');
  });
  graph.edges.forEach((edge, k) => {
    const source = ids.get(edge.actor);
    const target = ids.get(edge.target);
    if (!source || !target) return;
    lines.push(
      `    <edge id="e${k}" source="${source}" target="${target}">`,
      `      <data key="action">${xml(edge.action)}</data>`,
      `      <data key="count">${edge.count}</data>`,
      `      <data key="independent">${edge.independent_sources}</data>`,
      `      <data key="claims">${xml(edge.claims.join(' '))}</data>`,
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

/**
 * CAMEO root code of each action class (the typology of src/annotate/events.ts is CAMEO roots merged), and
 * its quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
 */
const CAMEO: Readonly<Record<string, { root: string; quad: number }>> = {
  visit: { root: '04', quad: 1 },
  meet: { root: '04', quad: 1 },
  negotiate: { root: '04', quad: 1 },
  cooperate: { root: '05', quad: 1 },
  aid: { root: '07', quad: 2 },
  supply_arms: { root: '07', quad: 2 },
  transfer: { root: '07', quad: 2 },
  evacuate: { root: '07', quad: 2 },
  appoint_replace: { root: '01', quad: 1 },
  accuse: { root: '11', quad: 3 },
  deny: { root: '12', quad: 3 },
  threaten: { root: '13', quad: 3 },
  protest: { root: '14', quad: 3 },
  deploy_forces: { root: '15', quad: 4 },
  economic_measure: { root: '16', quad: 4 },
  arrest: { root: '17', quad: 4 },
  casualty_damage: { root: '18', quad: 4 },
  attack: { root: '19', quad: 4 },
  fight: { root: '19', quad: 4 },
  territory_change: { root: '19', quad: 4 },
};

export const EVENTS_TSV_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'TimeValue',
  'Actor1Name',
  'Actor2Name',
  'ActionClass',
  'EventRootCode',
  'QuadClass',
  'IsNegated',
  'ActionGeo_FullName',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'Status',
  'DateInferred',
  'SOURCEURL',
  'ClaimText',
] as const;

/** A TSV field: tabs and line breaks become spaces (TSV has no quoting). */
const tsvField = (value: unknown) => (value === null || value === undefined ? '' : String(value).replace(/[\t\r\n]+/g, ' '));

/** GDELT's SQLDATE: YYYYMMDD, with 00 for an unknown day or month; empty when there is no calendar date. */
function sqlDate(value: string | null): string {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  return m ? `${m[1]}${m[2] ?? '00'}${m[3] ?? '00'}` : '';
}

/** One row per claim whose statement has an action (not `other`), most corroborated first. */
export function eventsTsv(brief: StoryBrief): string {
  const urls = new Map(brief.articles.map((a) => [a.id, a.url]));
  const inferredSources = new Set(
    brief.timeline.filter((t) => t.inferred).flatMap((t) => t.sources.map((s) => `${s.article}:${s.start}`)),
  );
  const rows: string[] = [EVENTS_TSV_COLUMNS.join('\t')];
  for (const claim of brief.claims) {
    const s = claim.statement;
    if (!s || s.action === 'other') continue;
    const cameo = CAMEO[s.action] ?? { root: '', quad: 0 };
    const inferred = claim.sources.some((src) => inferredSources.has(`${src.article}:${src.start}`));
    const url = claim.sources.map((src) => urls.get(src.article)).find((u) => !!u) ?? '';
    rows.push(
      [
        claim.id,
        sqlDate(s.time),
        s.time ?? '',
        s.actor ?? '',
        s.target ?? '',
        s.action,
        cameo.root,
        cameo.quad || '',
        s.negated ? 1 : 0,
        s.place ?? '',
        claim.sources.length,
        claim.independent_sources,
        new Set(claim.sources.map((src) => src.article)).size,
        claim.status,
        inferred ? 1 : 0,
        url,
        claim.text,
      ]
        .map(tsvField)
        .join('\t'),
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The brief in one of the export formats. */
export function exportBrief(brief: StoryBrief, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return `${storyJson(brief)}\n`;
    case 'md':
      return storyMarkdown(brief);
    case 'csv':
      return claimsCsv(brief);
    case 'graph-json':
      return `${actorGraphJson(brief)}\n`;
    case 'graphml':
      return actorGraphGraphml(brief);
    case 'events-tsv':
      return eventsTsv(brief);
  }
}
