import type { TaskContext } from "../../plugins/app/types.ts";
import { type DeliveryKey, queueDeliveries, requeueStale } from "./delivery-claims.ts";
import { forumFor } from "./digest-forum.ts";
import { dueWeek } from "./due-week.ts";
import { weekKeyAt } from "./iso-week.ts";
import { pruneTallies } from "./record-activity.ts";
import type { SnapshotCache } from "./snapshot-cache.ts";
import { activeSubscribers } from "./subscriptions.ts";
import { safeTimezone } from "./zoned-time.ts";

const NEXT_SLOT_KEY = "weekly-digest:next-slot";

/** What one sweep did (returned for tests and the CLI). */
export interface SweepResult {
  due: number;
  queued: number;
  requeued: number;
  groupPosts: number;
  snapshotRefreshed: boolean;
}

/**
 * The scheduler (`sweep`, hourly): finds members whose local send time has come this week, records
 * each as queued (a member already queued or sent this week is left alone), and hands each to a
 * `send` job spaced at `sendsPerMinute`, so digests trickle into the lowest budget lane instead of
 * filling the workers. The forum is read in bulk here, once, only when someone is due.
 */
export async function sweepDigests(ctx: TaskContext, cache: SnapshotCache): Promise<SweepResult> {
  const settings = ctx.config.digest;
  const now = ctx.clock.now();
  await pruneTallies(ctx.db, now, 15);
  const requeued = await requeueStale(ctx.db, now, settings.staleMinutes);
  const slot = { sendDay: settings.sendDay, sendTime: settings.sendTime, graceHours: settings.graceHours };
  const byZone = new Map<string, ReturnType<typeof dueWeek>>();
  const due: Array<DeliveryKey & { dueAt: Date }> = [];
  for (const sub of await activeSubscribers(ctx.db, now)) {
    const zone = safeTimezone(sub.timezone, settings.defaultTimezone);
    if (!byZone.has(zone)) byZone.set(zone, dueWeek(now, zone, slot));
    const week = byZone.get(zone);
    if (week) due.push({ userId: sub.userId, week: week.week, dueAt: now });
  }
  const result: SweepResult = { due: due.length, queued: 0, requeued: requeued.length, groupPosts: 0, snapshotRefreshed: false };
  if (due.length === 0 && requeued.length === 0) return result;

  const extraGroups = settings.groupPosts.map((g) => g.group);
  const fresh = await cache.ensureFresh(forumFor(ctx), { now, maxAgeHours: settings.snapshotMaxAgeHours, extraGroups });
  result.snapshotRefreshed = fresh.refreshed;

  // Spread the jobs: each due time follows the last one handed out (by any sweep), at sendsPerMinute.
  const weeks = [...new Set(due.map((d) => d.week))];
  const existing = weeks.length
    ? new Set((await ctx.db.selectFrom("digest_deliveries").select(["user_id", "week"]).where("week", "in", weeks).execute()).map((r) => `${r.user_id}:${r.week}`))
    : new Set<string>();
  const spacingMs = Math.ceil(60_000 / settings.sendsPerMinute);
  let cursor = Math.max(now.getTime(), (await ctx.kv.get<number>(NEXT_SLOT_KEY)) ?? 0);
  const plan = (key: DeliveryKey) => {
    const dueAt = new Date(cursor);
    cursor += spacingMs;
    return { ...key, dueAt };
  };
  const planned = due.filter((d) => !existing.has(`${d.userId}:${d.week}`)).map(plan);
  // A row another worker created in the meantime is theirs: only rows this insert created get a job.
  const created = new Set((await queueDeliveries(ctx.db, planned, now)).map((k) => `${k.userId}:${k.week}`));
  const toSend = [...planned.filter((p) => created.has(`${p.userId}:${p.week}`)), ...requeued.map(plan)];
  for (const item of requeued.map((k, i) => ({ ...k, dueAt: toSend[toSend.length - requeued.length + i].dueAt }))) {
    await ctx.db.updateTable("digest_deliveries").set({ due_at: item.dueAt }).where("user_id", "=", item.userId).where("week", "=", item.week).execute();
  }
  for (const item of toSend) {
    await ctx.tasks.schedule("send", { userId: item.userId, week: item.week }, {
      delayMs: Math.max(0, item.dueAt.getTime() - now.getTime()),
      jobId: `send-${item.week}-${item.userId}-${item.dueAt.getTime()}`,
    });
  }
  await ctx.kv.set(NEXT_SLOT_KEY, cursor);
  result.queued = toSend.length - requeued.length;

  // "This week in <group>": one post per configured group and week, claimed so only one worker posts.
  const week = weekKeyAt(now, "UTC");
  for (const { group } of settings.groupPosts) {
    if (await ctx.kv.claim(`weekly-digest:group-post:${group.toLowerCase()}:${week}`, now.toISOString())) {
      await ctx.tasks.schedule("group-post", { group, week }, { jobId: `group-post-${group.toLowerCase()}-${week}` });
      result.groupPosts++;
    }
  }
  return result;
}
