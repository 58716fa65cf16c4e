import type { SandboxContext } from "../context.ts";
import { excerpt } from "../cook.ts";
import { isStaff } from "../guardian.ts";
import { POST_ACTION_TYPE, type PostRecord, REVIEWABLE_STATUS, type UserRecord } from "../types.ts";
import { avatarTemplate } from "./basic-user.ts";

/** Flag types a user can pick, in the order Discourse lists them in `actions_summary`. */
const ACTION_SUMMARY_TYPES = [
  POST_ACTION_TYPE.like,
  POST_ACTION_TYPE.off_topic,
  POST_ACTION_TYPE.inappropriate,
  POST_ACTION_TYPE.notify_user,
  POST_ACTION_TYPE.notify_moderators,
  POST_ACTION_TYPE.spam,
  POST_ACTION_TYPE.illegal,
];

/** Fields of `POST /posts.json`'s answer (PostSerializer with the create scope). */
export const CREATED_POST_KEYS = [
  "id", "name", "username", "avatar_template", "created_at", "raw", "cooked", "post_number", "post_type",
  "posts_count", "updated_at", "reply_count", "reply_to_post_number", "quote_count", "incoming_link_count",
  "reads", "readers_count", "score", "yours", "topic_id", "topic_slug", "display_username",
  "primary_group_name", "flair_name", "flair_url", "flair_bg_color", "flair_color", "flair_group_id",
  "badges_granted", "version", "can_edit", "can_delete", "can_recover", "can_see_hidden_post", "can_wiki",
  "user_title", "bookmarked", "actions_summary", "moderator", "admin", "staff", "user_id", "draft_sequence",
  "hidden", "trust_level", "deleted_at", "user_deleted", "edit_reason", "can_view_edit_history", "wiki",
  "reviewable_id", "reviewable_score_count", "reviewable_score_pending_count", "post_url", "mentioned_users",
] as const;

/** Fields of a `latest_posts` item (`GET /posts.json`, `GET /private-posts.json`). */
export const LATEST_POST_KEYS = [
  "id", "name", "username", "avatar_template", "created_at", "cooked", "post_number", "post_type",
  "posts_count", "updated_at", "reply_count", "reply_to_post_number", "quote_count", "incoming_link_count",
  "reads", "readers_count", "score", "yours", "topic_id", "topic_slug", "topic_title", "topic_html_title",
  "category_id", "display_username", "primary_group_name", "flair_name", "flair_url", "flair_bg_color",
  "flair_color", "flair_group_id", "badges_granted", "version", "can_edit", "can_delete", "can_recover",
  "can_see_hidden_post", "can_wiki", "user_title", "bookmarked", "raw", "actions_summary", "moderator",
  "admin", "staff", "user_id", "hidden", "trust_level", "deleted_at", "user_deleted", "edit_reason",
  "can_view_edit_history", "wiki", "excerpt", "truncated", "reviewable_id", "reviewable_score_count",
  "reviewable_score_pending_count", "post_url",
] as const;

/** Fields of a post in `GET /t/:id.json`'s post stream and `GET /posts/:id.json`. */
export const SHOWN_POST_KEYS = CREATED_POST_KEYS.filter((k) => k !== "draft_sequence" && k !== "badges_granted");

function flagReviewable(ctx: SandboxContext, post: PostRecord) {
  for (const r of ctx.state.reviewables.values()) {
    if (r.type === "ReviewableFlaggedPost" && r.targetId === post.id) return r;
  }
  return undefined;
}

/**
 * The superset of PostSerializer fields the sandbox knows, as `viewer` sees them; endpoints `pick`
 * their own field list from it.
 */
export function serializePost(ctx: SandboxContext, post: PostRecord, viewer: UserRecord): Record<string, unknown> {
  const { state } = ctx;
  const author = state.users.get(post.userId);
  const topic = state.topics.get(post.topicId);
  if (!topic) throw new Error(`[sandbox] post ${post.id} has no topic`);
  const primaryGroup = author?.primaryGroupId ? state.groups.get(author.primaryGroupId) : undefined;
  const actions = [...state.postActions.values()].filter((a) => a.postId === post.id && a.deletedAt === null);
  const reviewable = flagReviewable(ctx, post);
  const yours = viewer.id === post.userId;
  const staff = isStaff(viewer);
  const replyCount = [...state.posts.values()].filter(
    (p) => p.topicId === post.topicId && p.replyToPostNumber === post.postNumber && p.deletedAt === null,
  ).length;
  const postsCount = [...state.posts.values()].filter((p) => p.topicId === topic.id && p.deletedAt === null).length;
  const actionsSummary = ACTION_SUMMARY_TYPES.map((typeId) => {
    const ofType = actions.filter((a) => a.postActionTypeId === typeId);
    const acted = ofType.some((a) => a.userId === viewer.id);
    const entry: Record<string, unknown> = { id: typeId };
    if (ofType.length > 0 && typeId === POST_ACTION_TYPE.like) entry.count = ofType.length;
    if (acted) {
      entry.acted = true;
      entry.can_undo = typeId === POST_ACTION_TYPE.like;
    }
    entry.can_act = !yours && !acted;
    return entry;
  }).filter((entry) => entry.can_act === true || "count" in entry || "acted" in entry);
  const cookedExcerpt = excerpt(post.cooked);
  return {
    id: post.id,
    name: author?.name ?? null,
    username: author?.username ?? "",
    avatar_template: author ? avatarTemplate(author) : "",
    created_at: post.createdAt,
    cooked: post.cooked,
    post_number: post.postNumber,
    post_type: post.postType,
    posts_count: postsCount,
    updated_at: post.updatedAt,
    reply_count: replyCount,
    reply_to_post_number: post.replyToPostNumber,
    quote_count: (post.raw.match(/\[quote/g) ?? []).length,
    incoming_link_count: 0,
    reads: 1,
    readers_count: 0,
    score: 0,
    yours,
    topic_id: topic.id,
    topic_slug: topic.slug,
    topic_title: topic.title,
    topic_html_title: topic.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    category_id: topic.categoryId,
    display_username: author?.name ?? null,
    primary_group_name: primaryGroup?.name ?? null,
    flair_name: null,
    flair_url: null,
    flair_bg_color: null,
    flair_color: null,
    flair_group_id: null,
    badges_granted: [],
    version: post.version,
    can_edit: yours || staff,
    can_delete: (yours && post.postNumber > 1) || staff,
    can_recover: staff && post.deletedAt !== null,
    can_see_hidden_post: staff,
    can_wiki: staff,
    user_title: author?.title ?? null,
    bookmarked: false,
    raw: post.raw,
    actions_summary: actionsSummary,
    moderator: author?.moderator ?? false,
    admin: author?.admin ?? false,
    staff: author ? isStaff(author) : false,
    user_id: post.userId,
    draft_sequence: 0,
    hidden: post.hidden,
    trust_level: author?.trustLevel ?? 0,
    deleted_at: post.deletedAt,
    user_deleted: author === undefined,
    edit_reason: post.editReason,
    can_view_edit_history: true,
    wiki: post.wiki,
    excerpt: cookedExcerpt,
    truncated: cookedExcerpt.endsWith("&hellip;"),
    reviewable_id: staff && reviewable ? reviewable.id : null,
    reviewable_score_count: staff && reviewable ? reviewable.scores.length : 0,
    reviewable_score_pending_count:
      staff && reviewable ? reviewable.scores.filter((s) => s.status === REVIEWABLE_STATUS.pending).length : 0,
    post_url: `/t/${topic.slug}/${topic.id}/${post.postNumber}`,
    mentioned_users: [],
  };
}
