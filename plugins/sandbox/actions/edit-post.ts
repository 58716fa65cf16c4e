import type { SandboxContext } from "../context.ts";
import { cook, slugify } from "../cook.ts";
import { invalidAccess, notFound, parameterMissing, unprocessable } from "../errors.ts";
import { canSeeTopic, isStaff } from "../guardian.ts";
import { setting } from "../state.ts";
import type { PostRecord, UserRecord } from "../types.ts";
import { emitPost, emitTopic } from "./emit.ts";

/** What `PUT /posts/:id.json` may change. */
export interface EditPostParams {
  raw?: unknown;
  edit_reason?: unknown;
  /** Only for a first post: a new topic title (PostRevisor's `title`). */
  title?: unknown;
}

/**
 * Revises a post as `user` (PostRevisor): bumps `version`, re-cooks, and raises `post_edited`, or
 * `topic_edited` instead when a first post is edited together with its title, as Discourse does.
 */
export function editPost(ctx: SandboxContext, user: UserRecord, postId: number, params: EditPostParams): PostRecord {
  const post = ctx.state.posts.get(postId);
  if (!post || post.deletedAt) throw notFound();
  const topic = ctx.state.topics.get(post.topicId);
  if (!topic || !canSeeTopic(ctx, topic, user)) throw notFound();
  if (post.userId !== user.id && !isStaff(user)) throw invalidAccess();
  if (typeof params.raw !== "string") throw parameterMissing("post");
  const pm = topic.archetype === "private_message";
  const min = Number(setting(ctx.state, pm ? "min_personal_message_post_length" : "min_post_length"));
  if (params.raw.trim().length < min) throw unprocessable([`Body is too short (minimum is ${min} characters)`]);
  const newTitle = post.postNumber === 1 && typeof params.title === "string" && params.title.trim() !== topic.title ? params.title.trim() : null;
  if (params.raw === post.raw && newTitle === null) return post;
  post.raw = params.raw;
  post.cooked = cook(params.raw);
  post.version += 1;
  post.updatedAt = ctx.now().toISOString();
  post.editReason = typeof params.edit_reason === "string" && params.edit_reason.length > 0 ? params.edit_reason : null;
  if (newTitle !== null) {
    topic.title = newTitle;
    topic.slug = slugify(newTitle);
    emitTopic(ctx, "topic_edited", topic);
  } else {
    emitPost(ctx, "post_edited", post);
  }
  return post;
}
