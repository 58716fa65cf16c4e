import type { BaseContext } from "../../plugins/app/types.ts";

export type Outcome = "agreed" | "disagreed" | "ignored" | null;

/**
 * A moderator acted on an alert: claimed or transitioned its reviewable, or answered in the alert
 * or card thread. Stops the escalation clock; the first action's time is kept (time to first
 * moderator action), a later decision fills in the outcome.
 */
export async function markActed(
  ctx: Pick<BaseContext, "db" | "clock">,
  target: { reviewableId?: number; postId?: number; alertTopicId?: number; cardTopicId?: number; by: string | null; outcome: Outcome },
): Promise<number> {
  const now = ctx.clock.now();
  let query = ctx.db.updateTable("crisis_alerts").set((eb) => ({
    acted_at: eb.fn.coalesce("acted_at", eb.val(now)),
    acted_by: eb.fn.coalesce("acted_by", eb.val(target.by)),
    next_escalation_at: null,
    ...(target.outcome ? { outcome: target.outcome } : {}),
  }));
  if (target.reviewableId !== undefined) {
    query = query.where((eb) =>
      eb.or([eb("reviewable_id", "=", target.reviewableId!), ...(target.postId !== undefined ? [eb("post_id", "=", target.postId)] : [])]),
    );
  } else if (target.alertTopicId !== undefined) {
    query = query.where("alert_topic_id", "=", target.alertTopicId);
  } else if (target.cardTopicId !== undefined) {
    const card = await ctx.db.selectFrom("pm_threads").select("user_id").where("topic_id", "=", target.cardTopicId).where("kind", "=", "resource-card").executeTakeFirst();
    if (!card?.user_id) return 0;
    query = query.where("user_id", "=", card.user_id).where("acted_at", "is", null);
  } else {
    return 0;
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}
