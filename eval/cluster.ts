/**
 * Story clustering on ECB+ dev (../shared/data/clustering/ecbplus-dev.jsonl): BCubed precision, recall,
 * F1 and NMI at the event level (gold: ECB+ subtopics) and the story level (gold: topics), streaming the
 * documents one by one as the `cluster` command does. Stream orders: the file's order (topics one after
 * another, each topic's two subtopics interleaved) and the mean of 5 seeded shuffles (all topics
 * interleaved). The models were trained on this same file (src/cluster/train.ts); its cross-validation by
 * topic gives the held-out figures recorded in src/cluster/model.ts.
 */
import { evaluateShuffled, evaluateStream, loadEcbPlus, type LevelScore } from '../src/cluster/ecbplus.ts';
import { dataPath, hasData } from './data.ts';
import type { EvalResult, EvalRow, EvalSuite } from './types.ts';

const FILE = ['clustering', 'ecbplus-dev.jsonl'];
const SEEDS = [1, 2, 3, 4, 5];
const EVENT_F1_GOAL = 0.93;
const STORY_F1_GOAL = 0.97;

function rows(level: 'event' | 'story', order: string, score: LevelScore, goal: number): EvalRow[] {
  const gold = level === 'event' ? 'subtopics' : 'topics';
  const anchors = 'none on this split (models trained on it: see src/cluster/model.ts for the cross-validation by topic)';
  return [
    { measure: `${level} BCubed F1 (${order})`, ours: score.f1, goal, anchors, detail: `P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}; ${score.clusters.toFixed(1)} clusters vs gold ${gold}` },
    { measure: `${level} NMI (${order})`, ours: score.nmi, anchors: '' },
  ];
}

export const clusterSuite: EvalSuite = {
  name: 'cluster',
  title: 'Clustering (ECB+ dev: events = subtopics, stories = topics)',
  async run(): Promise<EvalResult> {
    if (!hasData(...FILE)) return { rows: [], skipped: `no ${dataPath(...FILE)}` };
    const docs = loadEcbPlus(dataPath(...FILE));
    const fileOrder = evaluateStream(docs);
    const shuffledOrder = evaluateShuffled(docs, {}, SEEDS);
    return {
      rows: [
        ...rows('event', 'file order', fileOrder.event, EVENT_F1_GOAL),
        ...rows('event', '5 shuffles', shuffledOrder.event, EVENT_F1_GOAL),
        ...rows('story', 'file order', fileOrder.story, STORY_F1_GOAL),
        ...rows('story', '5 shuffles', shuffledOrder.story, STORY_F1_GOAL),
      ],
    };
  },
};
