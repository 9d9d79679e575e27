/**
 * The `crosscheck` stage: turns a story's stored articles into a brief of claims, each checked across
 * publishers (see brief.ts for the sequence), and renders or exports it (Markdown, CSV, GraphML, TSV).
 */
export { buildBrief, crosscheckStory } from './brief.ts';
export { normalizeOutlet } from './sources.ts';
export { renderBriefMarkdown } from './markdown.ts';
export {
  EXPORT_FORMATS,
  actorGraphGraphml,
  actorGraphJson,
  claimsCsv,
  eventsTsv,
  exportBrief,
  storyJson,
  storyMarkdown,
  type ExportFormat,
} from './export.ts';
