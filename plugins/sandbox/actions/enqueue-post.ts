import type { SandboxContext } from "../context.ts";
import { nextId } from "../state.ts";
import { type CategoryRecord, REVIEWABLE_STATUS, type ReviewableRecord, type TopicRecord, type UserRecord } from "../types.ts";
import { emitReviewable } from "./emit.ts";

/** What a held post needs to be created later. */
export interface HeldPost {
  raw: string;
  title?: string;
  category?: CategoryRecord;
  topic?: TopicRecord;
  replyToPostNumber?: number | null;
  /** NewPostManager's reason: `category`, `trust_level`, `post_count`. */
  reason: string;
  at: string;
}

/**
 * Holds a post for approval as a `ReviewableQueuedPost` (no post exists, no `post_created`) and
 * raises `reviewable_created`, whose payload carries the text so a bot can read it before approval.
 */
export function enqueuePost(ctx: SandboxContext, user: UserRecord, held: HeldPost): ReviewableRecord {
  const categoryId = held.topic ? held.topic.categoryId : (held.category?.id ?? null);
  const payload: Record<string, unknown> = { raw: held.raw };
  if (held.title !== undefined) payload.title = held.title;
  if (held.topic) payload.topic_id = held.topic.id;
  if (held.replyToPostNumber) payload.reply_to_post_number = held.replyToPostNumber;
  if (categoryId !== null) payload.category = categoryId;
  payload.archetype = "regular";
  const reviewable: ReviewableRecord = {
    id: nextId(ctx.state, "reviewables"),
    type: "ReviewableQueuedPost",
    status: REVIEWABLE_STATUS.pending,
    createdById: user.id,
    targetType: null,
    targetId: null,
    targetCreatedById: user.id,
    topicId: held.topic?.id ?? null,
    categoryId,
    payload,
    score: 0,
    version: 0,
    createdAt: held.at,
    updatedAt: held.at,
    claimedById: null,
    scores: [
      {
        id: nextId(ctx.state, "reviewable_scores"),
        userId: -1,
        reviewableScoreType: 9,
        status: REVIEWABLE_STATUS.pending,
        score: 0,
        reason: held.reason,
        createdAt: held.at,
        reviewedById: null,
        reviewedAt: null,
        metaTopicId: null,
        postActionId: null,
      },
    ],
    histories: [{ id: nextId(ctx.state, "reviewable_histories"), reviewableHistoryType: 0, status: 0, createdById: user.id, createdAt: held.at }],
  };
  ctx.state.reviewables.set(reviewable.id, reviewable);
  emitReviewable(ctx, "reviewable_created", reviewable);
  return reviewable;
}
