/**
 * The `cluster` stage: assigns each article of a stream to a story as it arrives (see stream.ts for the
 * sequence), with an explanation of every decision and a JSON state that can be saved and restored.
 */
export { StreamClusterer, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type ClusterExplanation } from './stream.ts';
export { bcubed, type BCubedScore } from './bcubed.ts';
