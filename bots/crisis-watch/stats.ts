import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

export interface CrisisStats {
  since: Date;
  /** Alerts by level, then lane (a post with two lanes counts in both). */
  alerts: Record<string, Record<string, number>>;
  /** What the assessment would have done, shadow mode included. */
  assessed: Record<string, number>;
  outcomes: { agreed: number; disagreed: number; ignored: number; undecided: number };
  /** Share of decided alerts moderators agreed with (NaN when none was decided). */
  agreeRate: number;
  disagreeRate: number;
  /** Minutes from alert to first moderator action. */
  timeToFirstAction: { median: number; p90: number; count: number };
  /** Agree/disagree per lane, for the status page. */
  byLane: Record<string, { agreed: number; disagreed: number }>;
}

/** Crisis watch's record over the last `weeks` (issue #3, `kindred crisis stats`). */
export async function crisisStats(db: Kysely<Database>, now: Date, weeks = 4): Promise<CrisisStats> {
  const since = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const alerts = await db
    .selectFrom("crisis_alerts")
    .select(["level", "lanes", "outcome", "acted_at", "created_at"])
    .where("created_at", ">=", since)
    .execute();
  const assessedRows = await db
    .selectFrom("crisis_assessments")
    .select(({ fn }) => ["level", fn.countAll<number>().as("n")])
    .where("assessed_at", ">=", since)
    .groupBy("level")
    .execute();
  const byLevel: CrisisStats["alerts"] = {};
  const byLane: CrisisStats["byLane"] = {};
  const outcomes = { agreed: 0, disagreed: 0, ignored: 0, undecided: 0 };
  const minutes: number[] = [];
  for (const alert of alerts) {
    const lanes = alert.lanes.length ? alert.lanes : ["unclear"];
    byLevel[alert.level] ??= {};
    for (const lane of lanes) {
      byLevel[alert.level][lane] = (byLevel[alert.level][lane] ?? 0) + 1;
      byLane[lane] ??= { agreed: 0, disagreed: 0 };
      if (alert.outcome === "agreed" || alert.outcome === "disagreed") byLane[lane][alert.outcome]++;
    }
    if (alert.outcome === "agreed" || alert.outcome === "disagreed" || alert.outcome === "ignored") outcomes[alert.outcome]++;
    else outcomes.undecided++;
    if (alert.acted_at) minutes.push((alert.acted_at.getTime() - alert.created_at.getTime()) / 60_000);
  }
  const decided = outcomes.agreed + outcomes.disagreed;
  minutes.sort((a, b) => a - b);
  return {
    since,
    alerts: byLevel,
    assessed: Object.fromEntries(assessedRows.map((r) => [r.level, Number(r.n)])),
    outcomes,
    agreeRate: decided ? outcomes.agreed / decided : Number.NaN,
    disagreeRate: decided ? outcomes.disagreed / decided : Number.NaN,
    timeToFirstAction: { median: percentile(minutes, 0.5), p90: percentile(minutes, 0.9), count: minutes.length },
    byLane,
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
