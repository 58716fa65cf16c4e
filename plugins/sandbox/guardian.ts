import type { SandboxContext } from "./context.ts";
import { findGroupByName } from "./state.ts";
import {
  ALIAS_LEVEL,
  type CategoryRecord,
  type GroupRecord,
  type TopicRecord,
  type UserRecord,
  VISIBILITY,
} from "./types.ts";

/**
 * Permission checks modelled on Discourse's `Guardian`. Admins see everything; moderators are
 * staff but, as in Discourse, do not read private categories or other people's PMs unless a
 * group they belong to grants it.
 */

/** Staff = admin or moderator (`User#staff?`). */
export function isStaff(user: UserRecord): boolean {
  return user.admin || user.moderator;
}

/** Whether an automatic group contains the user (membership derived from the user, as Discourse refreshes it). */
function inAutomaticGroup(group: GroupRecord, user: UserRecord): boolean {
  switch (group.name) {
    case "everyone":
      return true;
    case "admins":
      return user.admin;
    case "moderators":
      return user.moderator;
    case "staff":
      return isStaff(user);
    default: {
      const match = /^trust_level_(\d)$/.exec(group.name);
      return match ? user.trustLevel >= Number(match[1]) : false;
    }
  }
}

/** Whether the user is a member of the group. */
export function isMember(_ctx: SandboxContext, group: GroupRecord, user: UserRecord): boolean {
  // Discourse keeps non-human users (system, id < 0) out of automatic groups.
  if (group.automatic) return user.id > 0 && inAutomaticGroup(group, user);
  return group.members.has(user.id);
}

/** Whether the user owns the group. */
export function isOwner(group: GroupRecord, user: UserRecord): boolean {
  return group.members.get(user.id)?.owner === true;
}

/** Member ids of a group, automatic groups included. */
export function memberIds(ctx: SandboxContext, group: GroupRecord): number[] {
  if (!group.automatic) return [...group.members.keys()];
  return [...ctx.state.users.values()].filter((u) => u.id > 0 && inAutomaticGroup(group, u)).map((u) => u.id);
}

/** Ids of every group the user belongs to. */
export function groupIdsOf(ctx: SandboxContext, user: UserRecord): number[] {
  return [...ctx.state.groups.values()].filter((g) => isMember(ctx, g, user)).map((g) => g.id);
}

/** `Guardian#can_see_group?`: visibility levels public, logged on users, members, staff, owners. */
export function canSeeGroup(ctx: SandboxContext, group: GroupRecord, user: UserRecord): boolean {
  return allowedAtLevel(ctx, group, user, group.visibilityLevel);
}

/** `Guardian#can_see_group_members?`, using `members_visibility_level`. */
export function canSeeGroupMembers(ctx: SandboxContext, group: GroupRecord, user: UserRecord): boolean {
  return allowedAtLevel(ctx, group, user, group.membersVisibilityLevel);
}

/** The one reading of a group visibility level that both checks above share (admins see everything). */
function allowedAtLevel(ctx: SandboxContext, group: GroupRecord, user: UserRecord, level: number): boolean {
  if (user.admin) return true;
  switch (level) {
    case VISIBILITY.public:
    case VISIBILITY.logged_on_users:
      return true;
    case VISIBILITY.members:
      return isStaff(user) || isMember(ctx, group, user);
    case VISIBILITY.staff:
      return isStaff(user);
    default:
      return isOwner(group, user);
  }
}

/** `Guardian#can_edit_group?` for membership changes: admins, or owners (and moderators for non-automatic groups). */
export function canManageGroup(group: GroupRecord, user: UserRecord): boolean {
  if (user.admin) return true;
  if (group.automatic) return false;
  return user.moderator || isOwner(group, user);
}

/** `Group.messageable(user)`: which groups a user may address in `target_recipients`. */
export function canMessageGroup(ctx: SandboxContext, group: GroupRecord, user: UserRecord): boolean {
  const level = group.messageableLevel;
  if (level === ALIAS_LEVEL.everyone) return true;
  if (level === ALIAS_LEVEL.nobody) return false;
  if (user.admin) return true;
  if (user.moderator && level !== ALIAS_LEVEL.only_admins) return true;
  if (level === ALIAS_LEVEL.members_mods_and_admins) return isMember(ctx, group, user);
  if (level === ALIAS_LEVEL.owners_mods_and_admins) return isOwner(group, user);
  return false;
}

/** `Guardian#can_see_category?`: public (`everyone`) categories, or a group with a permission. */
export function canSeeCategory(ctx: SandboxContext, category: CategoryRecord, user: UserRecord): boolean {
  if (user.admin) return true;
  for (const groupName of Object.keys(category.permissions)) {
    if (groupName === "everyone") return true;
    const group = findGroupByName(ctx.state, groupName);
    if (group && isMember(ctx, group, user)) return true;
  }
  return false;
}

/** Whether a category is readable by everyone (not read-restricted). */
export function isPublicCategory(category: CategoryRecord): boolean {
  return "everyone" in category.permissions;
}

/** Whether the user takes part in a PM (directly or through an allowed group). */
export function isPmParticipant(ctx: SandboxContext, topic: TopicRecord, user: UserRecord): boolean {
  if (topic.allowedUserIds.has(user.id)) return true;
  for (const groupId of topic.allowedGroupIds) {
    const group = ctx.state.groups.get(groupId);
    if (group && isMember(ctx, group, user)) return true;
  }
  return false;
}

/** `Guardian#can_see_topic?`: PMs to participants (and admins), other topics by category. */
export function canSeeTopic(ctx: SandboxContext, topic: TopicRecord, user: UserRecord): boolean {
  if (topic.deletedAt && !isStaff(user)) return false;
  if (topic.archetype === "private_message") return user.admin || isPmParticipant(ctx, topic, user);
  if (topic.categoryId === null) return true;
  const category = ctx.state.categories.get(topic.categoryId);
  return category ? canSeeCategory(ctx, category, user) : false;
}
