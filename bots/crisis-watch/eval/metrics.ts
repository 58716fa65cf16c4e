/**
 * The scoring of `../shared/crisis-data/recovery-forum/LABELS.md`, reused by `kindred crisis eval`.
 */
import type { Level } from "../assess/index.ts";
import { isFlagged, LEVELS } from "../assess/index.ts";

/** A labelled post with the level a detector gave it. */
export interface ScoredRow {
  label: Level;
  level: Level;
}

/** The five issue-#3 metrics (NaN when a label is absent) and the confusion matrix. */
export interface CrisisMetrics {
  /** Share of `urgent` posts assessed `review` or `urgent`. */
  urgentRecall: number;
  /** Share of `urgent` posts assessed `urgent`. */
  urgentAsUrgent: number;
  /** Share of `review` posts assessed `review` or `urgent`. */
  reviewRecall: number;
  /** Share of `none` posts assessed `review` or `urgent`. */
  falseAlarm: number;
  /** Share of `support` posts assessed `review` or `urgent`. */
  supportNoise: number;
  /** confusion[label][assessed] = count. */
  confusion: Record<Level, Record<Level, number>>;
  total: number;
}

/** The issue-#3 targets, for printing pass/fail next to the numbers. */
export const CRISIS_TARGETS = Object.freeze({
  urgentRecall: { min: 0.97 },
  urgentAsUrgent: { min: 0.85 },
  reviewRecall: { min: 0.9 },
  falseAlarm: { max: 0.05 },
  supportNoise: { max: 0.15 },
});

/**
 * Computes the metrics for scored rows.
 *
 * @example computeCrisisMetrics([{ label: "urgent", level: "review" }]).urgentRecall // 1
 */
export function computeCrisisMetrics(rows: readonly ScoredRow[]): CrisisMetrics {
  const confusion = Object.fromEntries(LEVELS.map((l) => [l, Object.fromEntries(LEVELS.map((m) => [m, 0]))])) as Record<Level, Record<Level, number>>;
  for (const row of rows) confusion[row.label][row.level]++;
  const share = (label: Level, pick: (level: Level) => boolean) => {
    const total = LEVELS.reduce((sum, l) => sum + confusion[label][l], 0);
    return total === 0 ? Number.NaN : LEVELS.filter(pick).reduce((sum, l) => sum + confusion[label][l], 0) / total;
  };
  return {
    urgentRecall: share("urgent", isFlagged),
    urgentAsUrgent: share("urgent", (l) => l === "urgent"),
    reviewRecall: share("review", isFlagged),
    falseAlarm: share("none", isFlagged),
    supportNoise: share("support", isFlagged),
    confusion,
    total: rows.length,
  };
}

/** The confusion matrix as aligned text (rows = label, columns = assessed). */
export function formatConfusion(confusion: CrisisMetrics["confusion"]): string {
  const pad = (s: string | number, n = 8) => String(s).padStart(n);
  const lines = [`${"label \\ got".padEnd(12)}${LEVELS.map((l) => pad(l)).join("")}`];
  for (const label of LEVELS) lines.push(`${label.padEnd(12)}${LEVELS.map((l) => pad(confusion[label][l])).join("")}`);
  return lines.join("\n");
}
