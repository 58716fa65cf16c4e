import type { SandboxContext } from "../context.ts";
import { conflict, invalidAccess, notFound, unprocessable } from "../errors.ts";
import { isStaff } from "../guardian.ts";
import { findReviewableAction, STATUS_NAMES } from "../reviewable-actions.ts";
import { nextId, setting } from "../state.ts";
import { type PostRecord, REVIEWABLE_STATUS, type ReviewableRecord, type UserRecord } from "../types.ts";
import { publishFirstPost } from "./create-post.ts";
import { emitPost, emitReviewable } from "./emit.ts";
import { insertPost, insertTopic } from "./insert-post.ts";

/** `reviewable_perform_result` as `PUT /review/:id/perform/:action_id` answers it. */
export interface PerformResult {
  success: true;
  transition_to: string;
  transition_to_id: number;
  created_post_id?: number;
  created_post_topic_id?: number;
  remove_reviewable_ids: number[];
  version: number;
  reviewable_count: number;
  unseen_reviewable_count: number;
}

function publishQueuedPost(ctx: SandboxContext, reviewable: ReviewableRecord): PostRecord {
  const author = ctx.state.users.get(reviewable.createdById);
  if (!author) throw unprocessable(["The user who wrote this post no longer exists."]);
  const payload = reviewable.payload;
  const at = ctx.now().toISOString();
  const raw = String(payload.raw);
  if (typeof payload.topic_id === "number") {
    const topic = ctx.state.topics.get(payload.topic_id);
    if (!topic) throw unprocessable(["The topic of this post no longer exists."]);
    const replyTo = typeof payload.reply_to_post_number === "number" ? payload.reply_to_post_number : null;
    const post = insertPost(ctx, author, topic, raw, at, { replyToPostNumber: replyTo });
    emitPost(ctx, "post_created", post);
    return post;
  }
  const categoryId = typeof payload.category === "number" ? payload.category : 1;
  const topic = insertTopic(ctx, author, { title: String(payload.title), categoryId, archetype: "regular" }, at);
  return publishFirstPost(ctx, author, topic, raw, at);
}

/**
 * Performs a moderator action on a reviewable (`Reviewable#perform`): checks staff, the action,
 * the version (409 when stale) and claiming; applies the effect; records the transition; raises
 * `reviewable_transitioned_to` for `reviewable_updated` subscribers.
 */
export function performReviewableAction(
  ctx: SandboxContext,
  user: UserRecord,
  reviewableId: number,
  actionId: string,
  version: number | undefined,
): PerformResult {
  if (!isStaff(user)) throw invalidAccess();
  const reviewable = ctx.state.reviewables.get(reviewableId);
  if (!reviewable) throw notFound();
  const action = findReviewableAction(reviewable.type, actionId);
  if (!action || reviewable.status !== REVIEWABLE_STATUS.pending) throw invalidAccess();
  if (version !== undefined && version !== reviewable.version) throw conflict();
  if (setting(ctx.state, "reviewable_claiming") === "required" && reviewable.claimedById !== user.id) {
    throw unprocessable(["You must claim this item before you can act on it."]);
  }
  const at = ctx.now().toISOString();
  const result: PerformResult = {
    success: true,
    transition_to: STATUS_NAMES[action.to],
    transition_to_id: action.to,
    remove_reviewable_ids: [reviewable.id],
    version: 0,
    reviewable_count: 0,
    unseen_reviewable_count: 0,
  };
  const post = reviewable.targetId !== null ? ctx.state.posts.get(reviewable.targetId) : undefined;
  if (action.effect === "create_post") {
    const created = publishQueuedPost(ctx, reviewable);
    reviewable.targetType = "Post";
    reviewable.targetId = created.id;
    reviewable.topicId = created.topicId;
    reviewable.payload = { ...reviewable.payload, created_post_id: created.id, created_topic_id: created.topicId };
    result.created_post_id = created.id;
    result.created_post_topic_id = created.topicId;
  } else if (action.effect === "hide" && post) {
    post.hidden = true;
  } else if (action.effect === "delete" && post) {
    post.deletedAt = at;
    emitPost(ctx, "post_destroyed", post);
  }
  // Scores follow the decision: agreed 1, disagreed 2, ignored 3 (ReviewableScore.statuses).
  const scoreStatus = action.to === REVIEWABLE_STATUS.approved ? 1 : action.to === REVIEWABLE_STATUS.rejected ? 2 : 3;
  for (const score of reviewable.scores) {
    if (score.status !== REVIEWABLE_STATUS.pending) continue;
    score.status = scoreStatus;
    score.reviewedById = user.id;
    score.reviewedAt = at;
  }
  reviewable.status = action.to;
  reviewable.version += 1;
  reviewable.updatedAt = at;
  reviewable.histories.push({ id: nextId(ctx.state, "reviewable_histories"), reviewableHistoryType: 1, status: action.to, createdById: user.id, createdAt: at });
  result.version = reviewable.version;
  const pending = [...ctx.state.reviewables.values()].filter((r) => r.status === REVIEWABLE_STATUS.pending).length;
  result.reviewable_count = pending;
  result.unseen_reviewable_count = pending;
  emitReviewable(ctx, "reviewable_transitioned_to", reviewable);
  return result;
}
