/** renderBriefMarkdown: the brief as a readable Markdown document, every statement cited by outlet. */
import type { SourceRef, StoryBrief, StoryClaim } from '../model.ts';

/** One line of plain text: no line breaks, Markdown control characters escaped. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1').trim();
}

export function renderBriefMarkdown(brief: StoryBrief): string {
  const articles = new Map(brief.articles.map((a) => [a.id, a]));
  const label = (articleId: string) => {
    const article = articles.get(articleId);
    const name = article?.outlet ?? article?.title ?? articleId;
    return article?.duplicate_of ? `${name}, copy` : name;
  };
  const cite = (sources: readonly SourceRef[]) => {
    const labels: string[] = [];
    for (const s of sources) {
      const l = `[${inline(label(s.article))}]`;
      if (!labels.includes(l)) labels.push(l);
    }
    return labels.join(' ');
  };
  const claimsById = new Map(brief.claims.map((c) => [c.id, c]));

  const lines: string[] = [];
  lines.push(`# ${inline(brief.title ?? `Story ${brief.id}`)}`, '');
  const outlets = [...new Set(brief.articles.map((a) => a.outlet).filter((o): o is string => !!o))];
  lines.push(`Story \`${brief.id}\` · ${brief.articles.length} article${brief.articles.length === 1 ? '' : 's'}${outlets.length ? ` · ${outlets.map(inline).join(', ')}` : ''}`, '');

  lines.push('## Summary', '');
  if (brief.summary.length === 0) lines.push('_No checkable statements found._');
  for (const item of brief.summary) lines.push(`- ${inline(item.text)} ${cite(item.sources)}`);
  lines.push('');

  if (brief.conflicts && brief.conflicts.length > 0) {
    lines.push('## Conflicts', '');
    for (const conflict of brief.conflicts) {
      lines.push(`- **${conflict.kind}**: ${inline(conflict.detail)}`);
      for (const id of conflict.claims) {
        const claim = claimsById.get(id);
        if (claim) lines.push(`  - “${inline(claim.text)}” ${cite(claim.sources)}`);
      }
    }
    lines.push('');
  }

  if (brief.exclusives && brief.exclusives.length > 0) {
    lines.push('## Reported by one publisher only', '');
    for (const only of brief.exclusives) {
      const outlets = only.outlets.length ? ` (${only.outlets.map(inline).join(', ')})` : '';
      lines.push(`### ${inline(only.publisher)}${outlets}`, '');
      for (const claim of only.claims) lines.push(`- ${inline(claim.text)}`);
      lines.push('');
    }
  }

  lines.push('## Claims', '');
  const sections: Array<[string, StoryClaim['status']]> = [
    ['Corroborated', 'corroborated'],
    ['Conflicting', 'conflicting'],
    ['Single source', 'single-source'],
  ];
  for (const [heading, status] of sections) {
    const claims = brief.claims.filter((c) => c.status === status);
    lines.push(`### ${heading} (${claims.length})`, '');
    if (claims.length === 0) lines.push('_None._');
    for (const claim of claims) {
      const count = `${claim.independent_sources} independent source${claim.independent_sources === 1 ? '' : 's'}`;
      lines.push(`- ${inline(claim.text)} — ${count} ${cite(claim.sources)}`);
      for (const other of claim.conflicts_with ?? []) {
        const text = claimsById.get(other)?.text;
        lines.push(`  - conflicts with: ${text ? `“${inline(text)}”` : other}`);
      }
      for (const source of claim.sources) lines.push(`  - [${inline(label(source.article))}] “${inline(source.text)}”`);
    }
    lines.push('');
  }

  lines.push('## Timeline', '');
  if (brief.timeline.length === 0) lines.push('_No dates found._');
  for (const entry of brief.timeline) {
    const expression = entry.expression ? ` (“${inline(entry.expression)}”${entry.inferred ? ', inferred' : ''})` : entry.inferred ? ' (inferred)' : '';
    lines.push(`- **${entry.value}**${expression} ${inline(entry.text)} ${cite(entry.sources)}`);
  }
  lines.push('');

  lines.push('## Entities', '');
  if (brief.entities.length === 0) lines.push('_No entities found._');
  for (const entity of brief.entities) {
    const aliases = entity.aliases.filter((a) => a !== entity.canonical);
    lines.push(
      `- **${inline(entity.canonical)}** (${entity.type}) — ${entity.articles} article${entity.articles === 1 ? '' : 's'}${aliases.length ? `; also: ${aliases.map(inline).join(', ')}` : ''}`,
    );
  }
  lines.push('');

  const edges = brief.actor_graph?.edges ?? [];
  if (edges.length > 0) {
    lines.push('## Actor graph', '');
    const label = new Map((brief.actor_graph?.nodes ?? []).map((n) => [n.id, n.label]));
    for (const edge of edges) {
      const by = `${edge.count} source${edge.count === 1 ? '' : 's'}, ${edge.independent_sources} independent`;
      lines.push(`- ${inline(label.get(edge.actor) ?? edge.actor)} → *${edge.action}* → ${inline(label.get(edge.target) ?? edge.target)} (${by})`);
    }
    lines.push('');
  }

  lines.push('## Articles', '');
  for (const article of brief.articles) {
    const parts = [`[${inline(article.outlet ?? 'unknown outlet')}] ${inline(article.title ?? article.id)}`];
    if (article.authors.length) parts.push(`by ${article.authors.map(inline).join(', ')}`);
    if (article.published) parts.push(article.published);
    if (article.url) parts.push(`<${article.url}>`);
    if (article.reference_date) parts.push(`undated; reference date inferred ${article.reference_date.value}…${article.reference_date.latest}`);
    if (article.duplicate_of) parts.push(`copy of \`${article.duplicate_of}\``);
    lines.push(`- ${parts.join(' · ')} (\`${article.id}\`)`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
