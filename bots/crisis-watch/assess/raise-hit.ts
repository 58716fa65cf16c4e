/**
 * The one way stage 2's combination rules change a hit: only ever up, with the reason for moderators.
 */
import type { Hit } from "./hit-types.ts";
import { levelRank } from "./levels.ts";
import type { Level } from "./types.ts";

/** Raises `hit` to `level` with `note` as the reason; a hit already at or above `level` is left as it is. */
export function raiseHit(hit: Hit, level: Level, note: string): void {
  if (levelRank(level) > levelRank(hit.level)) {
    hit.level = level;
    hit.notes.push(note);
  }
}
