import type { Kysely } from "kysely";
import { crisisStats } from "../../../bots/crisis-watch/stats.ts";
import type { Database } from "../../store/index.ts";

/** One open crisis flag as the page shows it: no post text, no username — the forum link has both. */
export interface OpenFlag {
  id: number;
  level: string;
  lanes: string[];
  createdAt: Date;
  /** Escalation steps already taken (0: moderators told, flag raised). */
  step: number;
  nextEscalationAt: Date | null;
  actedAt: Date | null;
  /** Where moderators act on it: the review item, else the topic's review queue, else the post. */
  forumPath: string;
}

/** Time to first moderator action per day (minutes), for the chart and its table. */
export interface FirstActionDay {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
  median: number | null;
  max: number | null;
}

export interface CrisisStatus {
  open: OpenFlag[];
  firstAction: { days: FirstActionDay[]; median: number; p90: number; count: number };
  byLane: Record<string, { agreed: number; disagreed: number }>;
}

const DAY_MS = 86_400_000;

/** Crisis watch's open flags and its last four weeks (reads `crisis_alerts`; never post text). */
export async function loadCrisisStatus(db: Kysely<Database>, now: Date, weeks = 4): Promise<CrisisStatus> {
  const rows = await db
    .selectFrom("crisis_alerts")
    .select(["id", "level", "lanes", "created_at", "escalation_step", "next_escalation_at", "acted_at", "reviewable_id", "post_id", "topic_id"])
    .where("outcome", "is", null)
    .orderBy("created_at", "asc")
    .limit(200)
    .execute();
  const open = rows.map((r) => ({
    id: r.id,
    level: r.level,
    lanes: r.lanes,
    createdAt: new Date(r.created_at),
    step: r.escalation_step,
    nextEscalationAt: r.next_escalation_at ? new Date(r.next_escalation_at) : null,
    actedAt: r.acted_at ? new Date(r.acted_at) : null,
    // Crisis watch learns the reviewable's id a little later; until then the topic's review queue.
    forumPath: r.reviewable_id ? `/review/${r.reviewable_id}` : r.topic_id ? `/review?topic_id=${r.topic_id}` : `/p/${r.post_id}`,
  }));
  const stats = await crisisStats(db, now, weeks);
  const since = new Date(now.getTime() - weeks * 7 * DAY_MS);
  const acted = await db.selectFrom("crisis_alerts").select(["created_at", "acted_at"]).where("created_at", ">=", since).where("acted_at", "is not", null).execute();
  const byDay = new Map<string, number[]>();
  for (let t = since.getTime(); t <= now.getTime(); t += DAY_MS) byDay.set(new Date(t).toISOString().slice(0, 10), []);
  for (const a of acted) {
    const created = new Date(a.created_at);
    const minutes = (new Date(a.acted_at as Date).getTime() - created.getTime()) / 60_000;
    byDay.get(created.toISOString().slice(0, 10))?.push(minutes);
  }
  const days = [...byDay].map(([day, minutes]) => {
    const sorted = minutes.sort((x, y) => x - y);
    return { day, count: sorted.length, median: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null, max: sorted.length ? sorted[sorted.length - 1] : null };
  });
  return { open, firstAction: { days, ...stats.timeToFirstAction }, byLane: stats.byLane };
}
