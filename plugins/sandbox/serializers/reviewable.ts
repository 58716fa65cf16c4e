import type { SandboxContext } from "../context.ts";
import { REVIEWABLE_BUNDLES } from "../reviewable-actions.ts";
import type { ReviewableRecord, ReviewableScoreRecord, UserRecord } from "../types.ts";
import { basicUser } from "./basic-user.ts";

/** `PostActionType` names shown as a score's type. */
const SCORE_TYPE_TITLES: Record<number, [string, string]> = {
  3: ["off_topic", "Off-Topic"],
  4: ["inappropriate", "Inappropriate"],
  6: ["notify_user", "Send @user a message"],
  7: ["notify_moderators", "Something Else"],
  8: ["spam", "Spam"],
  9: ["needs_approval", "Needs Approval"],
  10: ["illegal", "It's Illegal"],
};

/** `ReviewableScoreSerializer`, with `user_id`/`reviewed_by_id` references into the side-loaded users. */
export function serializeScore(ctx: SandboxContext, score: ReviewableScoreRecord): Record<string, unknown> {
  const [type, title] = SCORE_TYPE_TITLES[score.reviewableScoreType] ?? ["custom", "Custom"];
  const out: Record<string, unknown> = {
    id: score.id,
    score: score.score,
    agree_stats: { agreed: 0, disagreed: 0, ignored: 0 },
    status: score.status,
    reason: score.reason,
    created_at: score.createdAt,
    reviewed_at: score.reviewedAt,
    user_id: score.userId,
    reviewed_by_id: score.reviewedById,
    score_type: { id: score.reviewableScoreType, title, type, reviewable_priority: 0 },
  };
  if (score.metaTopicId !== null) {
    // A notify_moderators flag's PM, as ReviewableScoreSerializer#reviewable_conversation shows it.
    const topic = ctx.state.topics.get(score.metaTopicId);
    out.reviewable_conversation = topic ? { id: topic.id, permalink: `/t/${topic.slug}/${topic.id}`, has_more: false } : null;
  }
  return out;
}

/**
 * `ReviewableSerializer` and its per-type subclass, with relations as ids (`created_by_id`,
 * `target_created_by_id`, `reviewable_score_ids`, `bundled_action_ids`) as `/review.json`
 * side-loads them.
 */
export function serializeReviewable(ctx: SandboxContext, r: ReviewableRecord, _viewer: UserRecord): Record<string, unknown> {
  const topic = r.topicId !== null ? ctx.state.topics.get(r.topicId) : undefined;
  const post = r.targetId !== null ? ctx.state.posts.get(r.targetId) : undefined;
  const author = r.targetCreatedById !== null ? ctx.state.users.get(r.targetCreatedById) : undefined;
  const out: Record<string, unknown> = {
    id: r.id,
    type: r.type,
    type_source: "unknown",
    topic_id: r.topicId,
    topic_url: topic ? `/t/${topic.slug}/${topic.id}` : null,
    target_url: topic && post ? `/t/${topic.slug}/${topic.id}/${post.postNumber}` : null,
    topic_tags: [],
    category_id: r.categoryId,
    created_at: r.createdAt,
    can_edit: r.type === "ReviewableQueuedPost",
    score: r.score,
    version: r.version,
    target_created_by_trust_level: author?.trustLevel ?? null,
    created_from_flag: r.type === "ReviewableFlaggedPost",
    status: r.status,
    target_type: r.targetType,
    target_id: r.targetId,
    created_by_id: r.createdById,
    target_created_by_id: r.targetCreatedById,
    claimed_by: r.claimedById === null ? null : { user_id: r.claimedById },
    reviewable_score_ids: r.scores.map((s) => s.id),
    bundled_action_ids: r.status === 0 ? REVIEWABLE_BUNDLES[r.type].map((b) => `${r.id}-${b.id}`) : [],
  };
  if (r.type === "ReviewableFlaggedPost" && post) {
    out.post_id = post.id;
    out.cooked = post.cooked;
    out.raw = post.raw;
    out.reply_to_post_number = post.replyToPostNumber;
    out.post_number = post.postNumber;
    out.post_version = post.version;
    out.target_created_at = post.createdAt;
    out.target_deleted_at = post.deletedAt;
  } else {
    out.payload = { ...r.payload };
    if (post) out.post_id = post.id;
  }
  return out;
}

/** The webhook form: same fields plus the referenced users and scores embedded. */
export function serializeReviewableForWebhook(ctx: SandboxContext, r: ReviewableRecord, viewer: UserRecord): Record<string, unknown> {
  const out = serializeReviewable(ctx, r, viewer);
  const user = (id: number | null) => {
    const found = id === null ? undefined : ctx.state.users.get(id);
    return found ? basicUser(found) : null;
  };
  out.created_by = user(r.createdById);
  out.target_created_by = user(r.targetCreatedById);
  out.reviewable_scores = r.scores.map((s) => serializeScore(ctx, s));
  return out;
}
