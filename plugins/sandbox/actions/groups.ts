import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound, SandboxHttpError, unprocessable } from "../errors.ts";
import { canManageGroup, canSeeGroup, isMember } from "../guardian.ts";
import { findUserByUsername, nextId } from "../state.ts";
import { webHookGroupUser } from "../serializers/web-hook-payloads.ts";
import type { GroupRecord, UserRecord } from "../types.ts";
import { insertTopic } from "./insert-post.ts";
import { publishFirstPost } from "./create-post.ts";

/** Looks up users named in `usernames` (comma list) and/or `user_ids`; unknown names fail like Discourse. */
export function usersFromParams(ctx: SandboxContext, usernames: unknown, userIds: unknown): UserRecord[] {
  const users: UserRecord[] = [];
  for (const name of String(usernames ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const user = findUserByUsername(ctx.state, name);
    if (!user) throw unprocessable([`Could not find user ${name}`]);
    users.push(user);
  }
  const ids = Array.isArray(userIds) ? userIds : String(userIds ?? "").split(",");
  for (const id of ids.map((s) => String(s).trim()).filter(Boolean)) {
    const user = ctx.state.users.get(Number(id));
    if (!user) throw unprocessable([`Could not find user with id ${id}`]);
    users.push(user);
  }
  return users;
}

function emitMembership(ctx: SandboxContext, name: "user_added_to_group" | "user_removed_from_group", group: GroupRecord, user: UserRecord, owner: boolean, at: string): void {
  ctx.webhooks.emit({
    name,
    subscription: name,
    type: "group_user",
    payload: webHookGroupUser(nextId(ctx.state, "group_users"), group.id, user.id, { owner, addedAt: at }),
    categoryId: null,
  });
}

/**
 * Adds users to a group (`PUT /groups/:id/members.json`), raising `user_added_to_group` per new
 * member. Discourse answers 422 when every named user is already a member.
 */
export function addToGroup(ctx: SandboxContext, actor: UserRecord, group: GroupRecord, users: UserRecord[]): UserRecord[] {
  if (!canManageGroup(group, actor)) throw invalidAccess();
  if (users.length === 0) throw new SandboxHttpError(400, { errors: ["param is missing or the value is empty: usernames"], error_type: "invalid_parameters" });
  const added = users.filter((u) => !group.members.has(u.id));
  if (added.length === 0) {
    const names = users.map((u) => u.username).join(", ");
    throw unprocessable([users.length === 1 ? `'${names}' is already a member of this group.` : `The following users are already members of this group: ${names}`]);
  }
  const at = ctx.now().toISOString();
  for (const user of added) {
    group.members.set(user.id, { owner: false, addedAt: at });
    group.requests.delete(user.id);
    emitMembership(ctx, "user_added_to_group", group, user, false, at);
  }
  return added;
}

/** Removes users (`DELETE /groups/:id/members.json`): `user_removed_from_group`; non-members are skipped. */
export function removeFromGroup(ctx: SandboxContext, actor: UserRecord, group: GroupRecord, users: UserRecord[]): { removed: UserRecord[]; skipped: UserRecord[] } {
  if (!canManageGroup(group, actor)) throw invalidAccess();
  const removed: UserRecord[] = [];
  const skipped: UserRecord[] = [];
  const at = ctx.now().toISOString();
  for (const user of users) {
    const membership = group.members.get(user.id);
    if (!membership) {
      skipped.push(user);
      continue;
    }
    group.members.delete(user.id);
    removed.push(user);
    emitMembership(ctx, "user_removed_from_group", group, user, membership.owner, at);
  }
  return { removed, skipped };
}

/**
 * A member asks to join (`POST /groups/:name/request_membership.json`): a PM from them to the
 * group's owners with their reason, and a pending request owners can handle.
 */
export function requestMembership(ctx: SandboxContext, user: UserRecord, group: GroupRecord, reason: string): { relativeUrl: string } {
  if (!canSeeGroup(ctx, group, user)) throw notFound();
  if (!group.allowMembershipRequests || group.automatic) throw invalidAccess();
  if (isMember(ctx, group, user)) throw unprocessable([`You are already a member of ${group.name}.`]);
  if (group.requests.has(user.id)) throw new SandboxHttpError(409, { errors: [`You have already requested membership in ${group.name}.`], error_type: "conflict" });
  const owners = [...group.members.entries()].filter(([, m]) => m.owner).map(([id]) => id);
  const at = ctx.now().toISOString();
  const topic = insertTopic(
    ctx,
    user,
    { title: `Membership request for group ${group.name} from ${user.username}`, categoryId: null, archetype: "private_message", allowedUserIds: [user.id, ...owners] },
    at,
  );
  publishFirstPost(ctx, user, topic, reason.length > 0 ? reason : `I would like to join ${group.name}.`, at);
  group.requests.set(user.id, { reason, createdAt: at, topicId: topic.id });
  return { relativeUrl: `/t/${topic.slug}/${topic.id}` };
}

/**
 * An owner or admin handles a request (`PUT /groups/:id/handle_membership_request.json`): any
 * non-empty `accept` accepts (as in Discourse, even "false"); an absent one denies.
 */
export function handleMembershipRequest(ctx: SandboxContext, actor: UserRecord, group: GroupRecord, userId: number, accept: unknown): void {
  if (!canManageGroup(group, actor)) throw invalidAccess();
  const user = ctx.state.users.get(userId);
  if (!user || !group.requests.has(userId)) throw notFound();
  const accepted = accept !== undefined && accept !== null && String(accept).length > 0;
  group.requests.delete(userId);
  if (!accepted || group.members.has(userId)) return;
  const at = ctx.now().toISOString();
  group.members.set(userId, { owner: false, addedAt: at });
  emitMembership(ctx, "user_added_to_group", group, user, false, at);
}
