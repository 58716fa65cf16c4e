import type { SandboxContext } from "../context.ts";
import { canSeeTopic, isStaff } from "../guardian.ts";
import { topicPosts } from "../state.ts";
import type { TopicRecord, UserRecord } from "../types.ts";
import { basicUser } from "./basic-user.ts";
import { pick } from "./pick.ts";
import { serializePost } from "./post.ts";

/** Fields of a post in a topic's `post_stream` (no `raw`, as in Discourse). */
const STREAM_POST_KEYS = [
  "id", "name", "username", "avatar_template", "created_at", "cooked", "post_number", "post_type", "updated_at",
  "reply_count", "reply_to_post_number", "quote_count", "incoming_link_count", "reads", "readers_count", "score",
  "yours", "topic_id", "topic_slug", "display_username", "primary_group_name", "flair_name", "flair_url",
  "flair_bg_color", "flair_color", "version", "can_edit", "can_delete", "can_recover", "can_see_hidden_post",
  "can_wiki", "link_counts", "read", "user_title", "bookmarked", "actions_summary", "moderator", "admin", "staff",
  "user_id", "hidden", "trust_level", "deleted_at", "user_deleted", "edit_reason", "can_view_edit_history", "wiki",
  "reviewable_id", "reviewable_score_count", "reviewable_score_pending_count",
] as const;

/** `TopicViewSerializer` for `GET /t/:id.json`, as `viewer` sees it (first 20 posts in the stream). */
export function serializeTopicView(ctx: SandboxContext, topic: TopicRecord, viewer: UserRecord): Record<string, unknown> {
  const posts = topicPosts(ctx.state, topic.id).filter((p) => !p.hidden || isStaff(viewer) || p.userId === viewer.id);
  const creator = ctx.state.users.get(topic.userId) as UserRecord;
  const lastPoster = ctx.state.users.get(topic.lastPostUserId) ?? creator;
  const likes = [...ctx.state.postActions.values()].filter((a) => a.postActionTypeId === 2 && a.deletedAt === null && posts.some((p) => p.id === a.postId));
  const staff = isStaff(viewer);
  const authors = [...new Set(posts.map((p) => p.userId))].map((id) => ctx.state.users.get(id)).filter((u) => u !== undefined);
  const named = (u: UserRecord) => ({ ...basicUser(u), name: u.name ?? "" });
  return {
    post_stream: {
      posts: posts.slice(0, 20).map((p) => ({ ...pick(serializePost(ctx, p, viewer), STREAM_POST_KEYS), link_counts: [], read: true })),
      stream: posts.map((p) => p.id),
    },
    timeline_lookup: posts.length > 0 ? [[1, 0]] : [],
    suggested_topics: [],
    tags: [],
    tags_descriptions: {},
    id: topic.id,
    title: topic.title,
    fancy_title: topic.title,
    posts_count: posts.length,
    created_at: topic.createdAt,
    views: topic.views,
    reply_count: Math.max(0, posts.length - 1),
    like_count: likes.length,
    last_posted_at: topic.lastPostedAt,
    visible: topic.visible,
    closed: topic.closed,
    archived: topic.archived,
    has_summary: false,
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
    image_url: null,
    slow_mode_seconds: 0,
    draft: null,
    draft_key: `topic_${topic.id}`,
    draft_sequence: 0,
    unpinned: null,
    pinned: false,
    current_post_number: 1,
    highest_post_number: topic.highestPostNumber,
    deleted_by: null,
    has_deleted: false,
    actions_summary: [
      { id: 4, count: 0, hidden: false, can_act: true },
      { id: 8, count: 0, hidden: false, can_act: true },
      { id: 7, count: 0, hidden: false, can_act: true },
    ],
    chunk_size: 20,
    bookmarked: false,
    bookmarks: [],
    topic_timer: null,
    message_bus_last_id: 0,
    participant_count: authors.length,
    show_read_indicator: false,
    thumbnails: null,
    slow_mode_enabled_until: null,
    details: {
      can_edit: staff || topic.userId === viewer.id,
      notification_level: 1,
      can_move_posts: staff,
      can_delete: staff,
      can_remove_allowed_users: staff,
      can_create_post: canSeeTopic(ctx, topic, viewer) && !topic.closed,
      can_reply_as_new_topic: true,
      can_flag_topic: true,
      can_convert_topic: staff,
      can_review_topic: staff,
      can_close_topic: staff,
      can_archive_topic: staff,
      can_split_merge_topic: staff,
      can_edit_staff_notes: staff,
      can_toggle_topic_visibility: staff,
      can_pin_unpin_topic: staff,
      can_moderate_category: staff,
      can_remove_self_id: viewer.id,
      participants: authors.map((u) => ({
        ...named(u),
        post_count: posts.filter((p) => p.userId === u.id).length,
        primary_group_name: null,
        flair_name: null,
        flair_url: null,
        flair_color: null,
        flair_bg_color: null,
        admin: u.admin,
        moderator: u.moderator,
        trust_level: u.trustLevel,
      })),
      created_by: named(creator),
      last_poster: named(lastPoster),
      // TopicViewDetailsSerializer: a PM's participants (what Kindred's PM router reads).
      ...(topic.archetype === "private_message"
        ? {
            allowed_users: [...topic.allowedUserIds].flatMap((id) => {
              const user = ctx.state.users.get(id);
              return user ? [named(user)] : [];
            }),
            allowed_groups: [...topic.allowedGroupIds].flatMap((id) => {
              const group = ctx.state.groups.get(id);
              return group ? [{ id: group.id, name: group.name }] : [];
            }),
          }
        : {}),
    },
  };
}
