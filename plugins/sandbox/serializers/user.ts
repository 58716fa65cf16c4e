import type { SandboxContext } from "../context.ts";
import { canSeeGroup, groupIdsOf, isStaff } from "../guardian.ts";
import type { GroupRecord, UserRecord } from "../types.ts";
import { avatarTemplate } from "./basic-user.ts";
import { serializeBasicGroup } from "./group.ts";

/** `UserOptionSerializer` with Discourse's defaults; `timezone` is where members' time zones live. */
function userOption(user: UserRecord): Record<string, unknown> {
  return {
    user_id: user.id,
    mailing_list_mode: false,
    mailing_list_mode_frequency: 1,
    email_digests: true,
    email_level: 1,
    email_messages_level: 0,
    external_links_in_new_tab: false,
    bookmark_auto_delete_preference: 3,
    color_scheme_id: null,
    dark_scheme_id: null,
    dynamic_favicon: false,
    enable_quoting: true,
    enable_smart_lists: true,
    enable_markdown_monospace_font: false,
    digest_after_minutes: 10080,
    automatically_unpin_topics: true,
    auto_track_topics_after_msecs: 240000,
    notification_level_when_replying: 2,
    new_topic_duration_minutes: 2880,
    email_previous_replies: 2,
    email_in_reply_to: true,
    like_notification_frequency: 1,
    notify_on_linked_posts: true,
    push_notification_level: "always",
    enable_upcoming_change_available_notifications: false,
    include_tl0_in_digests: false,
    theme_ids: [],
    theme_key_seq: 0,
    allow_private_messages: true,
    enable_allowed_pm_users: false,
    homepage_id: null,
    hide_profile_and_presence: false,
    hide_profile: false,
    hide_presence: false,
    text_size: "normal",
    text_size_seq: 0,
    title_count_mode: "notifications",
    timezone: user.timezone,
    skip_new_user_tips: false,
    topics_unread_when_closed: true,
    interface_color_mode: 1,
    automatically_translate: false,
    understood_languages: [],
    show_original_content: true,
    send_shortcut: "ctrl_enter",
  };
}

function schedule(): Record<string, unknown> {
  const out: Record<string, unknown> = { enabled: false };
  for (let day = 0; day < 7; day++) {
    out[`day_${day}_start_time`] = 480;
    out[`day_${day}_end_time`] = 1020;
  }
  return out;
}

/**
 * `UserSerializer` as `viewer` sees it (`GET /u/:username.json`). `user_fields` are shown to staff
 * and to the user themself: other members' answers stay private.
 */
export function serializeUser(ctx: SandboxContext, user: UserRecord, viewer: UserRecord): Record<string, unknown> {
  const { state } = ctx;
  const self = viewer.id === user.id;
  const staffViewer = isStaff(viewer);
  const posts = [...state.posts.values()].filter((p) => p.userId === user.id && p.deletedAt === null);
  const topicCount = [...state.topics.values()].filter((t) => t.userId === user.id && t.archetype === "regular").length;
  const groups = groupIdsOf(ctx, user)
    .map((id) => state.groups.get(id) as GroupRecord)
    .filter((g) => canSeeGroup(ctx, g, viewer));
  const primaryGroup = user.primaryGroupId ? state.groups.get(user.primaryGroupId) : undefined;
  const out: Record<string, unknown> = {
    id: user.id,
    username: user.username,
    name: user.name ?? "",
    avatar_template: avatarTemplate(user),
    last_posted_at: user.lastPostedAt,
    last_seen_at: user.lastSeenAt,
    created_at: user.createdAt,
    ignored: false,
    muted: false,
    can_ignore_user: !self && !isStaff(user),
    can_mute_user: !self && !isStaff(user),
    can_send_private_messages: true,
    can_send_private_message_to_user: !self,
    trust_level: user.trustLevel,
    moderator: user.moderator,
    admin: user.admin,
    title: user.title,
    badge_count: 0,
    user_fields: self || staffViewer ? { ...user.userFields } : {},
    custom_fields: {},
    time_read: 0,
    recent_time_read: 0,
    primary_group_id: user.primaryGroupId,
    primary_group_name: primaryGroup?.name ?? null,
    flair_group_id: null,
    flair_name: null,
    flair_url: null,
    flair_bg_color: null,
    flair_color: null,
    featured_topic: null,
    staged: user.staged,
    can_edit: self || viewer.admin,
    can_edit_username: self || viewer.admin,
    can_edit_email: self || viewer.admin,
    can_edit_name: self || viewer.admin,
    uploaded_avatar_id: null,
    has_title_badges: false,
    pending_count: 0,
    pending_posts_count: 0,
    profile_view_count: 0,
    second_factor_enabled: false,
    can_upload_profile_header: true,
    can_upload_user_card_background: true,
    post_count: posts.length,
    topic_count: topicCount,
    can_be_deleted: viewer.admin && posts.length === 0,
    can_delete_all_posts: viewer.admin,
    locale: user.locale,
    muted_category_ids: [],
    regular_category_ids: [],
    watched_tags: [],
    watching_first_post_tags: [],
    tracked_tags: [],
    muted_tags: [],
    tracked_category_ids: [],
    watched_category_ids: [],
    watched_first_post_category_ids: [],
    system_avatar_upload_id: null,
    system_avatar_template: avatarTemplate(user),
    muted_usernames: [],
    ignored_usernames: [],
    allowed_pm_usernames: [],
    mailing_list_posts_per_day: 0,
    can_change_bio: true,
    can_change_location: true,
    can_change_website: true,
    can_change_tracking_preferences: true,
    user_api_keys: null,
    user_auth_tokens: [],
    user_notification_schedule: schedule(),
    use_logo_small_as_avatar: false,
    featured_user_badge_ids: [],
    invited_by: null,
    groups: groups.map((g) => {
      // UserSerializer embeds BasicGroupSerializer without the viewer-relative flags.
      const { is_group_user: _u, is_group_owner: _o, can_edit_group: _e, ...basic } = serializeBasicGroup(ctx, g, viewer);
      return basic;
    }),
    group_users: groups
      .filter((g) => !g.automatic)
      .map((g) => ({ group_id: g.id, user_id: user.id, notification_level: 3, owner: g.members.get(user.id)?.owner ?? false })),
    user_option: userOption(user),
  };
  if (user.suspendedTill) {
    out.suspended_at = user.suspendedAt;
    out.suspended_till = user.suspendedTill;
    out.suspend_reason = user.suspendReason;
  }
  return out;
}
