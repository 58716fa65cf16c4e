import type { BaseContext } from "../../plugins/app/types.ts";
import type { Assessment, Level } from "./assess/types.ts";
import { LANE_WORDS, LEVEL_RANK } from "./lane-words.ts";
import { moderatorMessage } from "./moderator-message.ts";
import type { PostToAssess } from "./post-to-assess.ts";
import { sendResourceCard } from "./send-resource-card.ts";

/**
 * What each level does (issue #3, "What happens"): `urgent` flags, PMs the moderators, sends the
 * poster a private card, sets the quiet flag and starts the escalation clock; `review` flags;
 * `support` at most notes a peer-support group. Never hides, deletes, silences or replies publicly.
 * An edit that raises a post is raised as a new alert; one that lowers it changes nothing.
 */
export async function actOnAssessment(ctx: BaseContext, post: PostToAssess, assessment: Assessment): Promise<void> {
  const settings = ctx.config.crisis;
  const level = assessment.level;
  if (level === "none") return;
  if (level === "support") {
    if (settings.supportGroup && settings.mode === "live") await noteSupportGroup(ctx, post, assessment, settings.supportGroup);
    return;
  }
  const previous = await highestAlert(ctx, post.postId);
  if (previous && LEVEL_RANK[previous] >= LEVEL_RANK[level]) return;
  const postUrl = postLink(ctx.forumUrl, post);
  if (settings.mode === "shadow") {
    await ctx.sendPrivateMessage({
      to: [settings.shadowGroup],
      title: `Crisis watch (shadow mode): ${level} post`,
      raw: moderatorMessage({ assessment, postUrl, actions: ["nothing (shadow mode: no flag, no card)"] }),
      idempotencyKey: `crisis-shadow-${post.postId}-${level}`,
      kind: "crisis-shadow",
    });
    await recordAlert(ctx, post, assessment, { flagged: false, card: false, alertTopicId: null });
    return;
  }

  const fresh = ctx.clock.now().getTime() - post.writtenAt.getTime() <= settings.catchUp.maxCardAgeHours * 3_600_000;
  const wantsCard = fresh && post.userId !== null && (level === "urgent" || settings.cardForReview);
  const actions = [
    wantsCard ? "sent the poster a private resource card (help lines for their country)" : "",
    level === "urgent" ? `will escalate if no moderator acts within ${settings.escalation.afterMinutes} minutes` : "",
  ].filter(Boolean);
  const raisedFrom = previous ? `assessed as ${previous}` : undefined;
  const message = moderatorMessage({ assessment, postUrl, actions, raisedFrom });

  let flagged = false;
  if (post.reviewableId === undefined) {
    await ctx.discourse.flagPost({ postId: post.postId, message, idempotencyKey: `crisis-flag-${post.postId}` });
    flagged = true;
  }
  let alertTopicId: number | null = null;
  if (level === "urgent" || post.reviewableId !== undefined || previous) {
    const title = post.reviewableId !== undefined ? "Crisis watch: a post waiting for approval" : `Crisis watch: ${LANE_WORDS[assessment.lanes[0] ?? "suicide_self_harm"]} (${level})`;
    const sent = await ctx.sendPrivateMessage({
      to: [settings.alertGroup],
      title,
      raw: message,
      idempotencyKey: `crisis-alert-${post.postId}-${level}`,
      kind: "crisis-alert",
    });
    alertTopicId = sent.topicId;
  }
  let card = false;
  if (wantsCard && !(await cardSentRecently(ctx, post.userId!))) {
    await sendResourceCard(ctx, post, assessment);
    card = true;
  }
  if (level === "urgent" && post.userId !== null) {
    const until = new Date(ctx.clock.now().getTime() + ctx.config.members.quietDays * 86_400_000);
    await ctx.members.setQuietUntil(post.userId, until);
  }
  await recordAlert(ctx, post, assessment, { flagged, card, alertTopicId });
}

async function highestAlert(ctx: BaseContext, postId: number): Promise<Level | undefined> {
  const rows = await ctx.db.selectFrom("crisis_alerts").select("level").where("post_id", "=", postId).execute();
  return rows.map((r) => r.level as Level).sort((a, b) => LEVEL_RANK[b] - LEVEL_RANK[a])[0];
}

/** One card per member per hour: a held post approved later must not send a second one. */
async function cardSentRecently(ctx: BaseContext, userId: number): Promise<boolean> {
  const since = new Date(ctx.clock.now().getTime() - 3_600_000);
  const row = await ctx.db
    .selectFrom("crisis_alerts")
    .select("id")
    .where("user_id", "=", userId)
    .where("card_sent", "=", true)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}

async function recordAlert(
  ctx: BaseContext,
  post: PostToAssess,
  assessment: Assessment,
  done: { flagged: boolean; card: boolean; alertTopicId: number | null },
): Promise<void> {
  const now = ctx.clock.now();
  const urgentLive = assessment.level === "urgent" && ctx.config.crisis.mode === "live";
  await ctx.db
    .insertInto("crisis_alerts")
    .values({
      post_id: post.postId,
      topic_id: post.topicId,
      user_id: post.userId,
      level: assessment.level,
      lanes: JSON.stringify(assessment.lanes),
      reviewable_id: post.reviewableId ?? null,
      alert_topic_id: done.alertTopicId,
      flagged: done.flagged,
      card_sent: done.card,
      escalation_step: 0,
      next_escalation_at: urgentLive ? new Date(now.getTime() + ctx.config.crisis.escalation.afterMinutes * 60_000) : null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["post_id", "level"]).doNothing())
    .execute();
}

async function noteSupportGroup(ctx: BaseContext, post: PostToAssess, assessment: Assessment, group: string): Promise<void> {
  // Public topics only: a PM's struggle is never pointed out to anyone.
  if (post.where !== "topic" || post.reviewableId !== undefined) return;
  await ctx.sendPrivateMessage({
    to: [group],
    title: "A member could use some support",
    raw: `A post may need a kind reply (${assessment.lanes.map((l) => LANE_WORDS[l]).join(", ")}): ${postLink(ctx.forumUrl, post)}`,
    idempotencyKey: `crisis-support-${post.postId}`,
    kind: "crisis-support-note",
  });
}

/** A link moderators can open: the post, or the approval queue item. */
export function postLink(forumUrl: string, post: Pick<PostToAssess, "topicId" | "postNumber" | "reviewableId" | "postId">): string {
  if (post.reviewableId !== undefined) return `${forumUrl}/review/${post.reviewableId}`;
  if (post.topicId !== null && post.postNumber !== null) return `${forumUrl}/t/${post.topicId}/${post.postNumber}`;
  return `${forumUrl}/p/${post.postId}`;
}
