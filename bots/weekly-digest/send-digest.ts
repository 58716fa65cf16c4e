import type { Kysely } from "kysely";
import type { TaskContext } from "../../plugins/app/types.ts";
import type { Database } from "../../plugins/store/database.ts";
import { claimDelivery, type DeliveryKey, finishDelivery, releaseDelivery } from "./delivery-claims.ts";
import { forumFor } from "./digest-forum.ts";
import { digestEnvironment, prepareDigest } from "./prepare-digest.ts";
import type { DigestProfile } from "./profile-source.ts";
import type { SnapshotCache } from "./snapshot-cache.ts";
import { getSubscription } from "./subscriptions.ts";

/** What the send job needs besides its context. */
export interface SendDeps {
  cache: SnapshotCache;
  readProfile(db: Kysely<Database>, userId: number): Promise<DigestProfile | undefined>;
}

/** The idempotency key of a member's digest PM: one per member and ISO week, whatever retries. */
export const digestPmKey = (key: DeliveryKey) => `weekly-digest-${key.week}-${key.userId}`;

/**
 * The per-member job (`send`): claims the week's row in one statement, composes from the store and
 * the shared snapshot, and makes the one forum write (the PM). A failure hands the claim back and
 * rethrows, so the retry sends it; the PM's idempotency key keeps a retry after a sent PM from
 * sending again.
 */
export async function sendDigest(ctx: TaskContext<DeliveryKey>, deps: SendDeps): Promise<void> {
  const key: DeliveryKey = { userId: Number(ctx.data.userId), week: String(ctx.data.week) };
  if (!Number.isInteger(key.userId) || !/^\d{4}-W\d{2}$/.test(key.week)) throw new Error("[weekly-digest] send needs { userId, week }");
  if (!(await claimDelivery(ctx.db, key, ctx.clock.now()))) return;
  try {
    const member = await ctx.members.get(key.userId);
    const env = digestEnvironment(ctx);
    const index =
      (await deps.cache.current()) ??
      (await deps.cache.ensureFresh(forumFor(ctx), { now: ctx.clock.now(), maxAgeHours: env.settings.snapshotMaxAgeHours })).index;
    const prepared = member
      ? await prepareDigest(ctx, env, {
          userId: key.userId,
          username: member.username,
          subscription: await getSubscription(ctx.db, key.userId),
          week: key.week,
          index,
          profile: await deps.readProfile(ctx.db, key.userId),
        })
      : ({ kind: "skip", reason: "not-subscribed" } as const);
    if (prepared.kind === "skip" || !member) {
      await finishDelivery(ctx.db, key, { status: "skipped", kind: prepared.kind === "skip" ? prepared.reason : "not-subscribed" }, ctx.clock.now());
      return;
    }
    const { topicId } = await ctx.sendPrivateMessage({
      to: [member.username],
      title: prepared.title,
      raw: prepared.raw,
      idempotencyKey: digestPmKey(key),
      memberId: key.userId,
      kind: prepared.kind,
    });
    if (prepared.lineId) {
      await ctx.db
        .insertInto("digest_lines")
        .values({ user_id: key.userId, week: key.week, line_id: prepared.lineId })
        .onConflict((oc) => oc.columns(["user_id", "week"]).doNothing())
        .execute();
    }
    if (prepared.kind === "still-here") {
      await ctx.db.updateTable("digest_subscriptions").set({ last_still_here_week: key.week }).where("user_id", "=", key.userId).execute();
    }
    await finishDelivery(ctx.db, key, { status: "sent", kind: prepared.kind, topicId }, ctx.clock.now());
    ctx.log.info({ week: key.week, kind: prepared.kind }, "weekly digest sent");
  } catch (error) {
    await releaseDelivery(ctx.db, key, ctx.clock.now());
    throw error;
  }
}
