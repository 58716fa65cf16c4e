import { sql } from "kysely";
import type { EventContext } from "../../plugins/app/types.ts";
import "./database.ts";

/** Discourse's automatic groups (everyone, staff, trust levels) have ids below this; they are not "joining". */
const FIRST_CUSTOM_GROUP_ID = 20;

/**
 * A member's first public post: recorded for the funnel, and the nudge is dropped (nothing after they
 * post). Their replies in PMs to Kindred do not count as posting.
 */
export async function recordFirstPost(ctx: EventContext<"post_created">): Promise<void> {
  const post = ctx.payload.post;
  if (post.topic_archetype === "private_message" || typeof post.user_id !== "number") return;
  const postedAt = Number.isNaN(Date.parse(post.created_at)) ? ctx.clock.now() : new Date(post.created_at);
  await ctx.db
    .updateTable("onboarding_journeys")
    .set({
      first_post_at: postedAt,
      nudge_cancelled: sql`case when nudge_sent_at is null and nudge_cancelled is null then 'posted' else nudge_cancelled end`,
      updated_at: ctx.clock.now(),
    })
    .where("user_id", "=", post.user_id)
    .where("first_post_at", "is", null)
    .execute();
}

/** A suspension ends onboarding's messages to that member: the nudge is dropped. */
export async function recordSuspension(ctx: EventContext<"user_suspended">): Promise<void> {
  await ctx.db
    .updateTable("onboarding_journeys")
    .set({ nudge_cancelled: "suspended", updated_at: ctx.clock.now() })
    .where("user_id", "=", ctx.payload.user.id)
    .where("nudge_sent_at", "is", null)
    .where("nudge_cancelled", "is", null)
    .execute();
}

/** The funnel's "joined a group": the first non-automatic group a welcomed member joins. */
export async function recordGroupJoin(ctx: EventContext<"user_added_to_group">): Promise<void> {
  const { group_id: groupId, user_id: userId } = ctx.payload.group_user;
  if (typeof groupId !== "number" || groupId < FIRST_CUSTOM_GROUP_ID) return;
  await ctx.db
    .updateTable("onboarding_journeys")
    .set({ joined_group_at: ctx.clock.now(), updated_at: ctx.clock.now() })
    .where("user_id", "=", userId)
    .where("joined_group_at", "is", null)
    .execute();
}
