/**
 * The `cluster` stage: assigns each article of a stream to an event and a story as it arrives (see
 * stream.ts for the sequence), with an explanation of every decision; its state is saved row by row.
 */
export {
  StreamClusterer,
  DEFAULT_CLUSTER_OPTIONS,
  epochDay,
  type ClusterOptions,
  type ClusterExplanation,
  type ClusterAssignment,
  type ClustererRuntime,
} from './stream.ts';
export { bcubed, type BCubedScore } from './bcubed.ts';
export { nmi } from './nmi.ts';
export { publisherFamily, publisherOf, type Publisher } from './publishers.ts';
