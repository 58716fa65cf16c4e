import type { SandboxContext } from "../context.ts";
import { findUserByUsername, topicPosts } from "../state.ts";
import type { GroupMembership, PostRecord, TopicRecord, UserRecord } from "../types.ts";
import { basicUser } from "./basic-user.ts";
import { pick } from "./pick.ts";
import { serializePost } from "./post.ts";
import { serializeUser } from "./user.ts";

/**
 * The objects Discourse puts in webhook bodies, serialized as the system user
 * (`WebHook.generate_payload` uses `Guardian.new(Discourse.system_user)`).
 * Field sets follow DISCOURSE.md §1.4 and the real deliveries in webhook-payloads/.
 */

/** Field order of a real `post_created` delivery (WebHookPostSerializer). */
const WEB_HOOK_POST_KEYS = [
  "id", "name", "username", "avatar_template", "created_at", "cooked", "post_number", "post_type",
  "updated_at", "reply_count", "reply_to_post_number", "quote_count", "incoming_link_count", "reads", "score",
  "topic_id", "topic_slug", "topic_title", "category_id", "display_username", "primary_group_name",
  "flair_name", "flair_group_id", "version", "user_title", "bookmarked", "raw", "moderator", "admin", "staff",
  "user_id", "hidden", "trust_level", "deleted_at", "user_deleted", "edit_reason", "wiki", "reviewable_id",
  "reviewable_score_count", "reviewable_score_pending_count", "post_url", "posts_count",
] as const;

function system(ctx: SandboxContext): UserRecord {
  const user = findUserByUsername(ctx.state, "system");
  if (!user) throw new Error("[sandbox] the system user is missing");
  return user;
}

/** `WebHookPostSerializer`: the post plus topic counts, archetype and category slug. */
export function webHookPost(ctx: SandboxContext, post: PostRecord): Record<string, unknown> {
  const topic = ctx.state.topics.get(post.topicId) as TopicRecord;
  const out = pick(serializePost(ctx, post, system(ctx)), WEB_HOOK_POST_KEYS);
  const count = topicPosts(ctx.state, topic.id).length;
  out.topic_posts_count = count;
  out.topic_filtered_posts_count = count;
  out.topic_archetype = topic.archetype;
  if (topic.categoryId !== null) out.category_slug = ctx.state.categories.get(topic.categoryId)?.slug;
  return out;
}

/** `WebHookTopicViewSerializer`: the topic without its post stream. */
export function webHookTopic(ctx: SandboxContext, topic: TopicRecord): Record<string, unknown> {
  const posts = topicPosts(ctx.state, topic.id);
  const creator = ctx.state.users.get(topic.userId) as UserRecord;
  const lastPoster = ctx.state.users.get(topic.lastPostUserId) ?? creator;
  const likeCount = [...ctx.state.postActions.values()].filter(
    (a) => a.postActionTypeId === 2 && a.deletedAt === null && posts.some((p) => p.id === a.postId),
  ).length;
  return {
    tags_descriptions: {},
    id: topic.id,
    title: topic.title,
    fancy_title: topic.title,
    posts_count: posts.length,
    created_at: topic.createdAt,
    views: topic.views,
    reply_count: Math.max(0, posts.length - 1),
    like_count: likeCount,
    last_posted_at: topic.lastPostedAt,
    visible: topic.visible,
    closed: topic.closed,
    archived: topic.archived,
    archetype: topic.archetype,
    slug: topic.slug,
    category_id: topic.categoryId,
    word_count: posts.reduce((n, p) => n + p.raw.split(/\s+/).filter(Boolean).length, 0),
    deleted_at: topic.deletedAt,
    user_id: topic.userId,
    featured_link: null,
    pinned_globally: false,
    pinned_at: null,
    pinned_until: null,
    unpinned: null,
    pinned: false,
    highest_post_number: topic.highestPostNumber,
    deleted_by: null,
    has_deleted: false,
    bookmarked: false,
    participant_count: new Set(posts.map((p) => p.userId)).size,
    queued_posts_count: 0,
    thumbnails: null,
    created_by: basicUser(creator),
    last_poster: basicUser(lastPoster),
    pending_posts: [],
  };
}

/** `WebHookUserSerializer`: the user as an admin sees them, email included (receivers must drop it). */
export function webHookUser(ctx: SandboxContext, user: UserRecord): Record<string, unknown> {
  const out = serializeUser(ctx, user, system(ctx));
  out.email = user.email;
  out.secondary_emails = [];
  out.external_id = user.externalId;
  for (const key of ["custom_fields", "group_users", "can_edit", "can_edit_username", "can_edit_email", "can_edit_name", "user_auth_tokens", "user_api_keys", "can_be_deleted", "can_delete_all_posts", "post_count", "staged"]) {
    delete out[key];
  }
  return out;
}

/** `WebHookGroupUserSerializer`. */
export function webHookGroupUser(
  membershipId: number,
  groupId: number,
  userId: number,
  membership: GroupMembership,
): Record<string, unknown> {
  return {
    id: membershipId,
    group_id: groupId,
    user_id: userId,
    notification_level: 3,
    owner: membership.owner,
    created_at: membership.addedAt,
  };
}

/** `WebHookLikeSerializer`: `{ post, user }`. */
export function webHookLike(ctx: SandboxContext, post: PostRecord, liker: UserRecord): Record<string, unknown> {
  return { post: webHookPost(ctx, post), user: basicUser(liker) };
}
