import type { SandboxContext } from "../context.ts";
import { invalidAccess, invalidParameters, notFound, parameterMissing, SandboxHttpError, unprocessable } from "../errors.ts";
import { canSeeTopic } from "../guardian.ts";
import { findGroupByName, firstPost, nextId } from "../state.ts";
import { webHookLike } from "../serializers/web-hook-payloads.ts";
import { POST_ACTION_TYPE, type PostActionRecord, type PostRecord, type UserRecord } from "../types.ts";
import { performDailyAction } from "./daily-limit.ts";
import { publishFirstPost } from "./create-post.ts";
import { insertTopic } from "./insert-post.ts";
import { addFlagScore } from "./flag-reviewable.ts";

/** `POST /post_actions.json` parameters. */
export interface PostActionParams {
  id?: unknown;
  post_action_type_id?: unknown;
  message?: unknown;
  flag_topic?: unknown;
}

const KNOWN_TYPES = new Set<number>(Object.values(POST_ACTION_TYPE));
const NEEDS_MESSAGE = new Set<number>([POST_ACTION_TYPE.notify_user, POST_ACTION_TYPE.notify_moderators, POST_ACTION_TYPE.illegal]);

/** Discourse's `action_already_performed` answer for a second action of the same type. */
export const ALREADY_PERFORMED = "Oops! You already performed this action. Can you try a different one?";

function resolvePost(ctx: SandboxContext, user: UserRecord, params: PostActionParams): PostRecord {
  const id = Number(params.id);
  if (!Number.isInteger(id)) throw notFound();
  const flagTopic = params.flag_topic === true || params.flag_topic === "true";
  const post = flagTopic ? firstPost(ctx.state, id) : ctx.state.posts.get(id);
  if (!post || post.deletedAt) throw notFound();
  const topic = ctx.state.topics.get(post.topicId);
  if (!topic || !canSeeTopic(ctx, topic, user)) throw invalidAccess();
  return post;
}

/** Opens the PM a notify_moderators flag sends to the `moderators` group: the message and a link. */
function messageModerators(ctx: SandboxContext, user: UserRecord, post: PostRecord, message: string): number {
  const topic = ctx.state.topics.get(post.topicId);
  const moderators = findGroupByName(ctx.state, "moderators");
  if (!topic || !moderators) throw new Error("[sandbox] moderators group or topic missing");
  const at = ctx.now().toISOString();
  const link = `${ctx.baseUrl()}/t/${topic.slug}/${topic.id}/${post.postNumber}`;
  const pm = insertTopic(
    ctx,
    user,
    { title: `A post in “${topic.title}” requires staff attention`, categoryId: null, archetype: "private_message", allowedUserIds: [user.id], allowedGroupIds: [moderators.id] },
    at,
  );
  publishFirstPost(ctx, user, pm, `${message}\n\n${link}`, at);
  return pm.id;
}

/**
 * Likes or flags a post as `user`, as PostActionCreator does: one action per user, post and type;
 * a flag opens (or adds a score to) a ReviewableFlaggedPost; notify_moderators also PMs the
 * moderators group; nothing here hides the post.
 */
export function performPostAction(ctx: SandboxContext, user: UserRecord, params: PostActionParams): { post: PostRecord; action: PostActionRecord } {
  if (params.id === undefined) throw parameterMissing("id");
  if (params.post_action_type_id === undefined) throw parameterMissing("post_action_type_id");
  const typeId = Number(params.post_action_type_id);
  if (!KNOWN_TYPES.has(typeId)) throw invalidParameters("post_action_type_id");
  const post = resolvePost(ctx, user, params);
  if (post.userId === user.id) throw invalidAccess();
  const existing = [...ctx.state.postActions.values()].find(
    (a) => a.postId === post.id && a.userId === user.id && a.postActionTypeId === typeId && a.deletedAt === null,
  );
  if (existing) throw new SandboxHttpError(403, { errors: [ALREADY_PERFORMED], error_type: "invalid_access" });
  const message = typeof params.message === "string" ? params.message.trim() : "";
  if (NEEDS_MESSAGE.has(typeId) && message.length === 0) throw unprocessable(["You must provide a message for this flag."]);
  if (typeId !== POST_ACTION_TYPE.like) performDailyAction(ctx, user, "create_flag");

  const action: PostActionRecord = {
    id: nextId(ctx.state, "post_actions"),
    postId: post.id,
    userId: user.id,
    postActionTypeId: typeId,
    message: message || null,
    createdAt: ctx.now().toISOString(),
    deletedAt: null,
    relatedTopicId: null,
  };
  ctx.state.postActions.set(action.id, action);

  if (typeId === POST_ACTION_TYPE.like) {
    const topic = ctx.state.topics.get(post.topicId);
    ctx.webhooks.emit({ name: "post_liked", subscription: "post_liked", type: "like", payload: webHookLike(ctx, post, user), categoryId: topic?.categoryId ?? null });
    return { post, action };
  }
  if (typeId === POST_ACTION_TYPE.notify_moderators) action.relatedTopicId = messageModerators(ctx, user, post, message);
  // Posts by non-human users (id < 0) never become reviewables; notify_user is a message, not a review.
  if (post.userId > 0 && typeId !== POST_ACTION_TYPE.notify_user) addFlagScore(ctx, user, post, action);
  return { post, action };
}
