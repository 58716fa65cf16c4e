import type { SandboxContext } from "../context.ts";
import { webHookPost, webHookTopic, webHookUser } from "../serializers/web-hook-payloads.ts";
import type { PostRecord, ReviewableRecord, TopicRecord, UserRecord } from "../types.ts";
import { serializeReviewableForWebhook } from "../serializers/reviewable.ts";

/** Raises `post_created`/`post_edited`/… for a post (payload root `post`). */
export function emitPost(ctx: SandboxContext, name: string, post: PostRecord): void {
  const topic = ctx.state.topics.get(post.topicId) as TopicRecord;
  ctx.webhooks.emit({ name, subscription: name, type: "post", payload: webHookPost(ctx, post), categoryId: topic.categoryId });
}

/** Raises `topic_created`/`topic_edited` (payload root `topic`). */
export function emitTopic(ctx: SandboxContext, name: string, topic: TopicRecord): void {
  ctx.webhooks.emit({ name, subscription: name, type: "topic", payload: webHookTopic(ctx, topic), categoryId: topic.categoryId });
}

/** Raises a `user_*` event (payload root `user`, email included as Discourse sends it). */
export function emitUser(ctx: SandboxContext, name: string, user: UserRecord): void {
  ctx.webhooks.emit({ name, subscription: name, type: "user", payload: webHookUser(ctx, user), categoryId: null });
}

/**
 * Raises a reviewable event. `reviewable_created` is its own subscription; score changes and
 * transitions arrive under the `reviewable_updated` subscription with their own event names.
 */
export function emitReviewable(
  ctx: SandboxContext,
  name: "reviewable_created" | "reviewable_score_updated" | "reviewable_transitioned_to",
  reviewable: ReviewableRecord,
): void {
  const system = ctx.state.users.get(-1) as UserRecord;
  ctx.webhooks.emit({
    name,
    subscription: name === "reviewable_created" ? "reviewable_created" : "reviewable_updated",
    type: "reviewable",
    payload: serializeReviewableForWebhook(ctx, reviewable, system),
    categoryId: reviewable.categoryId,
  });
}
