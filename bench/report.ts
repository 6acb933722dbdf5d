/**
 * What every part of the benchmark returns. Figures are reported as ratios
 * against a baseline measured in the same run, because the machines that run
 * this are shared and noisy: absolute numbers vary, ratios much less.
 */
export interface BenchRow {
  /** What was measured, for example "embedded store, sequential appends". */
  readonly label: string;
  /** Throughput or latency figure, with its unit in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** Ratio against the part's baseline, when the row has one. */
  readonly ratio?: number;
  /** What the ratio is measured against, for example "raw better-sqlite3". */
  readonly against?: string;
}

export interface BenchResult {
  readonly part: string;
  readonly rows: readonly BenchRow[];
  /** Flat figures merged into the JSON line, for example `append_sequential_ratio`. */
  readonly figures: Readonly<Record<string, number>>;
}
