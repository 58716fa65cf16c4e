import type { EventContext } from "../../plugins/app/types.ts";
import { markActed, type Outcome } from "./mark-acted.ts";
import { processPost } from "./process-post.ts";

/** Reviewable statuses (app/models/reviewable.rb): 0 pending, 1 approved, 2 rejected, 3 ignored, 4 deleted. */
const OUTCOME: Record<number, Outcome> = { 1: "agreed", 2: "disagreed", 3: "ignored", 4: "agreed" };

/**
 * A post held for approval fires no post_created until approved: its text is assessed from the
 * queued reviewable, and moderators are alerted the same way (issue #3).
 */
export async function handleReviewableCreated(ctx: EventContext<"reviewable_created">): Promise<void> {
  const reviewable = ctx.payload.reviewable;
  if (reviewable.type === "ReviewableFlaggedPost" && reviewable.target_id !== undefined) {
    // Kindred's own flag (or a member's) opened this item: remember it for the escalation check.
    await ctx.db.updateTable("crisis_alerts").set({ reviewable_id: reviewable.id }).where("post_id", "=", reviewable.target_id).where("reviewable_id", "is", null).execute();
    return;
  }
  if (reviewable.type !== "ReviewableQueuedPost") return;
  const raw = reviewable.payload?.raw;
  if (typeof raw !== "string" || !raw.trim()) return;
  const author = (reviewable.target_created_by ?? reviewable.created_by) as { id?: number; username?: string } | undefined;
  const userId = author?.id ?? (reviewable.target_created_by_id as number | undefined) ?? (reviewable.created_by_id as number | undefined) ?? null;
  const username = author?.username ?? (typeof reviewable.payload?.username === "string" ? reviewable.payload.username : null);
  const title = typeof reviewable.payload?.title === "string" ? `${reviewable.payload.title}\n\n` : "";
  await processPost(ctx, {
    postId: -reviewable.id,
    version: 0,
    topicId: reviewable.topic_id ?? null,
    postNumber: null,
    userId,
    username,
    raw: `${title}${raw}`,
    writtenAt: new Date(reviewable.created_at ?? ctx.clock.now()),
    where: "reviewable",
    source: "reviewable",
    reviewableId: reviewable.id,
  });
}

/**
 * `reviewable_transitioned_to` means a moderator decided; `reviewable_score_updated` is only a score
 * change (Kindred's own flag makes one) and does not count as acting.
 */
export async function handleReviewableUpdated(ctx: EventContext<"reviewable_updated">): Promise<void> {
  const reviewable = ctx.payload.reviewable;
  if (ctx.deliveredAs === "reviewable_score_updated") return;
  const claimedBy = (reviewable.claimed_by as { username?: string } | undefined)?.username;
  if (reviewable.status === 0 && !claimedBy) return;
  await markActed(ctx, {
    reviewableId: reviewable.id,
    postId: reviewable.target_type === "Post" ? reviewable.target_id : undefined,
    by: claimedBy ?? null,
    outcome: OUTCOME[reviewable.status] ?? null,
  });
}
