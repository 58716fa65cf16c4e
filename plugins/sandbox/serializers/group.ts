import type { SandboxContext } from "../context.ts";
import { canManageGroup, canSeeGroupMembers, isMember, isOwner, memberIds } from "../guardian.ts";
import type { GroupRecord, UserRecord } from "../types.ts";

/** `BasicGroupSerializer` as `viewer` sees it (`GET /groups.json` items, a user's `groups`). */
export function serializeBasicGroup(ctx: SandboxContext, group: GroupRecord, viewer: UserRecord): Record<string, unknown> {
  return {
    id: group.id,
    automatic: group.automatic,
    name: group.name,
    display_name: group.fullName ?? group.name,
    user_count: memberIds(ctx, group).length,
    mentionable_level: group.mentionableLevel,
    messageable_level: group.messageableLevel,
    visibility_level: group.visibilityLevel,
    primary_group: false,
    title: group.title,
    grant_trust_level: null,
    incoming_email: null,
    has_messages: false,
    flair_url: null,
    flair_bg_color: null,
    flair_color: null,
    bio_raw: group.bioRaw,
    bio_cooked: group.bioRaw === null ? null : `<p>${group.bioRaw}</p>`,
    bio_excerpt: group.bioRaw,
    public_admission: group.publicAdmission,
    public_exit: group.publicExit,
    allow_membership_requests: group.allowMembershipRequests,
    full_name: group.fullName,
    default_notification_level: 3,
    membership_request_template: group.membershipRequestTemplate,
    is_group_user: isMember(ctx, group, viewer),
    is_group_owner: isOwner(group, viewer),
    members_visibility_level: group.membersVisibilityLevel,
    can_see_members: canSeeGroupMembers(ctx, group, viewer),
    can_admin_group: viewer.admin,
    can_edit_group: canManageGroup(group, viewer),
    publish_read_state: false,
  };
}

/** `GroupShowSerializer` (`GET /groups/:name.json`'s `group`). */
export function serializeGroupShow(ctx: SandboxContext, group: GroupRecord, viewer: UserRecord): Record<string, unknown> {
  const basic = serializeBasicGroup(ctx, group, viewer);
  delete basic.display_name;
  delete basic.is_group_owner;
  return {
    ...basic,
    is_group_owner_display: isOwner(group, viewer),
    mentionable: group.mentionableLevel === 99,
    messageable: group.messageableLevel === 99,
    automatic_membership_email_domains: null,
    smtp_server: null,
    smtp_port: null,
    smtp_ssl_mode: null,
    email_username: null,
    email_password: null,
    message_count: 0,
    allow_unknown_sender_topic_replies: false,
    watching_category_ids: [],
    tracking_category_ids: [],
    watching_first_post_category_ids: [],
    regular_category_ids: [],
    muted_category_ids: [],
  };
}
