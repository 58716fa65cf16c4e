import type { SandboxContext } from "../context.ts";
import { isStaff } from "../guardian.ts";
import { nextId } from "../state.ts";
import { type PostActionRecord, type PostRecord, REVIEWABLE_STATUS, type ReviewableRecord, type UserRecord } from "../types.ts";
import { emitReviewable } from "./emit.ts";

/** `ReviewableScore.calculate_score`: 1 + the flagger's trust level, +5 for staff taking action. */
function flagScore(user: UserRecord): number {
  return 1 + user.trustLevel + (isStaff(user) ? 5 : 0);
}

/**
 * `ReviewableFlaggedPost.needs_review!` + `add_score`: one reviewable per post; a new one raises
 * `reviewable_created`, a score added to an existing one `reviewable_score_updated` (delivered to
 * `reviewable_updated` subscribers). A reviewed item gets flagged again goes back to pending.
 */
export function addFlagScore(ctx: SandboxContext, user: UserRecord, post: PostRecord, action: PostActionRecord): ReviewableRecord {
  const at = ctx.now().toISOString();
  const topic = ctx.state.topics.get(post.topicId);
  let reviewable = [...ctx.state.reviewables.values()].find((r) => r.type === "ReviewableFlaggedPost" && r.targetId === post.id);
  const created = reviewable === undefined;
  if (!reviewable) {
    reviewable = {
      id: nextId(ctx.state, "reviewables"),
      type: "ReviewableFlaggedPost",
      status: REVIEWABLE_STATUS.pending,
      createdById: user.id,
      targetType: "Post",
      targetId: post.id,
      targetCreatedById: post.userId,
      topicId: post.topicId,
      categoryId: topic?.categoryId ?? null,
      payload: {},
      score: 0,
      version: 0,
      createdAt: at,
      updatedAt: at,
      claimedById: null,
      scores: [],
      histories: [{ id: nextId(ctx.state, "reviewable_histories"), reviewableHistoryType: 0, status: 0, createdById: user.id, createdAt: at }],
    };
    ctx.state.reviewables.set(reviewable.id, reviewable);
  } else if (reviewable.status !== REVIEWABLE_STATUS.pending) {
    reviewable.status = REVIEWABLE_STATUS.pending;
    reviewable.version += 1;
  }
  const score = flagScore(user);
  reviewable.scores.push({
    id: nextId(ctx.state, "reviewable_scores"),
    userId: user.id,
    reviewableScoreType: action.postActionTypeId,
    status: REVIEWABLE_STATUS.pending,
    score,
    reason: null,
    createdAt: at,
    reviewedById: null,
    reviewedAt: null,
    metaTopicId: action.relatedTopicId,
    postActionId: action.id,
  });
  reviewable.score += score;
  reviewable.updatedAt = at;
  emitReviewable(ctx, created ? "reviewable_created" : "reviewable_score_updated", reviewable);
  return reviewable;
}
