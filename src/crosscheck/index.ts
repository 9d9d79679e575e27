/**
 * The `crosscheck` stage: turns a story's stored articles into a brief of claims, each checked across
 * publishers (see brief.ts for the sequence), and renders it as Markdown.
 */
export { buildBrief, normalizeOutlet } from './brief.ts';
export { renderBriefMarkdown } from './markdown.ts';
