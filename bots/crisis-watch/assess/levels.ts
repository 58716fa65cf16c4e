/**
 * Ordering helpers for crisis levels.
 */
import type { Level } from "./types.ts";

/** All levels, lowest first. */
export const LEVELS: readonly Level[] = Object.freeze(["none", "support", "review", "urgent"]);

/** 0 for `none` … 3 for `urgent`. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The higher of two levels. */
export function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** True when `level` makes a moderator flag (`review` or `urgent`). */
export function isFlagged(level: Level): boolean {
  return level === "review" || level === "urgent";
}
