/** The shape every evaluation suite reports. */
export interface EvalRow {
  measure: string;
  ours: number;
  /** The acceptance goal from the issue, when there is one. */
  goal?: number;
  /** True for measures where smaller is better (times). */
  lowerIsBetter?: boolean;
  /** Published scores of the anchors on the same or comparable data. */
  anchors: string;
  detail?: string;
}

export interface EvalResult {
  rows: EvalRow[];
  /** Set when the suite's data is absent. */
  skipped?: string;
}

export interface EvalSuite {
  name: string;
  title: string;
  run(): Promise<EvalResult>;
}
