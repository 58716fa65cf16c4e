import { sql } from "kysely";
import type { BaseContext } from "../../plugins/app/types.ts";

/** The API budget as `kindred digest status` sees it (from the shared budget's snapshot). */
export interface BudgetView {
  /** Calls allowed per minute, all lanes. */
  limit: number;
  /** Of those, only crisis work may spend. */
  crisisReserve: number;
  /** Calls made in the current window, all lanes. */
  usedInWindow: number;
  /** Calls waiting now in the lanes above the digest's. */
  waitingAhead: number;
}

/** Where this week's run stands. */
export interface DigestStatus {
  subscribers: number;
  paused: number;
  week: string | null;
  counts: Record<string, number>;
  remaining: number;
  /** Digests a minute at the current budget (never above `sendsPerMinute`). */
  ratePerMinute: number;
  estimatedFinish: Date | null;
}

/**
 * Digests a minute the budget can carry now: what other lanes leave of the non-crisis share, at most
 * `sendsPerMinute` (the pace the scheduler hands jobs out at). Digests "fill what others leave", so
 * calls waiting in higher lanes come off first; at least a trickle is assumed so a finish time exists.
 */
export function digestRate(budget: BudgetView, sendsPerMinute: number, digestCallsInWindow: number): number {
  const others = Math.max(0, budget.usedInWindow - digestCallsInWindow) + budget.waitingAhead;
  const left = budget.limit - budget.crisisReserve - others;
  return Math.max(0.5, Math.min(sendsPerMinute, left));
}

/** Counts of the newest week being sent, and an estimated finish at the current budget. */
export async function digestStatus(ctx: BaseContext, budget: BudgetView): Promise<DigestStatus> {
  const now = ctx.clock.now();
  const subs = await ctx.db
    .selectFrom("digest_subscriptions")
    .select([
      sql<number>`count(*) filter (where status = 'on')::int`.as("on"),
      sql<number>`count(*) filter (where status = 'on' and paused_until > ${now})::int`.as("paused"),
    ])
    .executeTakeFirst();
  const latest = await ctx.db.selectFrom("digest_deliveries").select("week").orderBy("week", "desc").limit(1).executeTakeFirst();
  const week = latest?.week ?? null;
  const rows = week
    ? await ctx.db.selectFrom("digest_deliveries").select(["status", sql<number>`count(*)::int`.as("n")]).where("week", "=", week).groupBy("status").execute()
    : [];
  const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const recent = await ctx.db
    .selectFrom("digest_deliveries")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("status", "=", "sent")
    .where("updated_at", ">", new Date(now.getTime() - 60_000))
    .executeTakeFirst();
  const remaining = (counts.queued ?? 0) + (counts.claimed ?? 0);
  const ratePerMinute = digestRate(budget, ctx.config.digest.sendsPerMinute, recent?.n ?? 0);
  return {
    subscribers: subs?.on ?? 0,
    paused: subs?.paused ?? 0,
    week,
    counts,
    remaining,
    ratePerMinute,
    estimatedFinish: remaining > 0 ? new Date(now.getTime() + Math.ceil((remaining / ratePerMinute) * 60_000)) : null,
  };
}
