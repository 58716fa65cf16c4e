import { localParts } from "./zoned-time.ts";

/** Local hours in which a member may be nudged: `from` ≤ hour < `to`. */
export interface Daytime {
  from: number;
  to: number;
}

/** Whether `at` falls in the member's daytime, in their time zone. */
export function isDaytime(at: Date, tz: string, daytime: Daytime): boolean {
  const { hour } = localParts(at, tz);
  return hour >= daytime.from && hour < daytime.to;
}

/**
 * The first moment at or after `after` that is daytime in `tz` (on the hour, or `after` itself when
 * it already is). Walks hour by hour: time zones with half-hour offsets still land inside the window.
 */
export function nextDaytime(after: Date, tz: string, daytime: Daytime): Date {
  if (isDaytime(after, tz, daytime)) return after;
  const start = new Date(Math.ceil(after.getTime() / 3_600_000) * 3_600_000);
  for (let h = 0; h < 48; h++) {
    const candidate = new Date(start.getTime() + h * 3_600_000);
    if (isDaytime(candidate, tz, daytime)) return candidate;
    // A zone offset like +05:30 puts local hours at :30; try the half hour too.
    const half = new Date(candidate.getTime() + 1_800_000);
    if (isDaytime(half, tz, daytime)) return half;
  }
  return after;
}

/** When the one nudge is due: `afterDays` after the welcome, moved to the member's next daytime. */
export function nudgeDueAt(welcomedAt: Date, afterDays: number, tz: string, daytime: Daytime): Date {
  return nextDaytime(new Date(welcomedAt.getTime() + afterDays * 86_400_000), tz, daytime);
}

export type NudgeDecision = "send" | "wait" | "expire" | "skip-posted";

/**
 * What the sweep does with one due nudge: send it now (daytime, not posted), wait (night in their time
 * zone, or not due), or drop it (posted already, or too late: a nudge is never sent days late).
 */
export function decideNudge(
  nudge: { dueAt: Date; firstPostAt: Date | null; timezone: string },
  now: Date,
  options: { daytime: Daytime; expireAfterHours: number },
): NudgeDecision {
  if (nudge.firstPostAt) return "skip-posted";
  if (now.getTime() < nudge.dueAt.getTime()) return "wait";
  if (now.getTime() - nudge.dueAt.getTime() > options.expireAfterHours * 3_600_000) return "expire";
  return isDaytime(now, nudge.timezone, options.daytime) ? "send" : "wait";
}
