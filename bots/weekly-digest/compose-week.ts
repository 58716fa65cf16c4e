import type { BaseContext } from "../../plugins/app/types.ts";
import { forumFor } from "./digest-forum.ts";
import { loadForumSnapshot } from "./forum-snapshot.ts";
import { weekKeyAt } from "./iso-week.ts";
import { indexSnapshot } from "./member-view.ts";
import { digestEnvironment, prepareDigest } from "./prepare-digest.ts";
import { readDigestProfile } from "./read-profile.ts";
import { getSubscription } from "./subscriptions.ts";
import { safeTimezone } from "./zoned-time.ts";

/** What `kindred digest run --dry-run` reports. */
export interface DryRunResult {
  members: number;
  digests: number;
  stillHere: number;
  skipped: Record<string, number>;
  /** Forum calls it made (all reads; a real run adds one write per digest). */
  reads: number;
}

/**
 * Composes this week's message for every member with a subscription, as the real run would, and
 * writes NOTHING: no PM, no claim, no snapshot, no encouragement history. The forum is read in bulk
 * once (a fresh snapshot, kept in memory only).
 */
export async function composeWeek(ctx: BaseContext, onProgress?: (done: number, total: number) => void): Promise<DryRunResult> {
  const env = digestEnvironment(ctx);
  const now = ctx.clock.now();
  const snapshot = await loadForumSnapshot(forumFor(ctx), {
    now,
    extraGroups: env.settings.groupPosts.map((g) => g.group),
  });
  const index = indexSnapshot(snapshot);
  const rows = await ctx.db.selectFrom("digest_subscriptions").innerJoin("members", "members.user_id", "digest_subscriptions.user_id").select(["members.user_id", "members.username"]).orderBy("members.user_id").execute();
  const result: DryRunResult = { members: rows.length, digests: 0, stillHere: 0, skipped: {}, reads: snapshot.reads };
  for (const [i, row] of rows.entries()) {
    const subscription = await getSubscription(ctx.db, row.user_id);
    const week = weekKeyAt(now, safeTimezone(subscription?.timezone, env.settings.defaultTimezone));
    const prepared = await prepareDigest(ctx, env, {
      userId: row.user_id,
      username: row.username,
      subscription,
      week,
      index,
      profile: await readDigestProfile(ctx.db, row.user_id),
    });
    if (prepared.kind === "skip") result.skipped[prepared.reason] = (result.skipped[prepared.reason] ?? 0) + 1;
    else if (prepared.kind === "digest") result.digests++;
    else result.stillHere++;
    onProgress?.(i + 1, rows.length);
  }
  return result;
}
