import { Router } from "express";
import { addToGroup, handleMembershipRequest, removeFromGroup, requestMembership, usersFromParams } from "../actions/groups.ts";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound } from "../errors.ts";
import { canManageGroup, canSeeGroup, canSeeGroupMembers, memberIds } from "../guardian.ts";
import { avatarTemplate } from "../serializers/basic-user.ts";
import { serializeBasicGroup, serializeGroupShow } from "../serializers/group.ts";
import { findGroupByName } from "../state.ts";
import type { GroupRecord, UserRecord } from "../types.ts";
import { intQuery, str } from "./param.ts";

const PER_PAGE = 36;

/** `GroupUserSerializer` for members lists. */
function member(user: UserRecord, addedAt: string): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    avatar_template: avatarTemplate(user),
    title: user.title,
    last_posted_at: user.lastPostedAt ?? user.createdAt,
    last_seen_at: user.lastSeenAt ?? user.createdAt,
    added_at: addedAt,
    timezone: user.timezone ?? "UTC",
  };
}

/** Groups: directory, show, members (and requesters), add/remove, membership requests. */
export function groupsRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const visibleGroup = (name: unknown, viewer: UserRecord): GroupRecord => {
    const group = findGroupByName(ctx.state, String(name));
    if (!group || !canSeeGroup(ctx, group, viewer)) throw notFound();
    return group;
  };
  // `PUT /groups/:id/…` takes the numeric id (Discourse also accepts the name there).
  const byIdOrName = (value: unknown, viewer: UserRecord): GroupRecord => {
    const id = Number(value);
    const group = Number.isInteger(id) ? ctx.state.groups.get(id) : findGroupByName(ctx.state, String(value));
    if (!group || !canSeeGroup(ctx, group, viewer)) throw notFound();
    return group;
  };

  router.get("/groups.json", (req, res) => {
    const viewer = currentUser(res);
    const filter = str(req.query.filter).toLowerCase();
    const type = str(req.query.type);
    const page = intQuery(req.query.page, 0);
    const groups = [...ctx.state.groups.values()]
      .filter((g) => canSeeGroup(ctx, g, viewer))
      .filter((g) => !filter || g.name.toLowerCase().includes(filter) || (g.fullName ?? "").toLowerCase().includes(filter))
      .filter((g) => {
        if (type === "automatic") return g.automatic;
        if (type === "non_automatic") return !g.automatic;
        if (type === "my") return memberIds(ctx, g).includes(viewer.id);
        if (type === "owner") return g.members.get(viewer.id)?.owner === true;
        if (type === "public") return g.publicAdmission;
        if (type === "close") return !g.publicAdmission;
        return true;
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const slice = groups.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
    res.json({
      groups: slice.map((g) => serializeBasicGroup(ctx, g, viewer)),
      extras: { type_filters: ["my", "owner", "public", "close", "automatic", "non_automatic"] },
      total_rows_groups: groups.length,
      load_more_groups: `/groups?page=${page + 1}`,
    });
  });

  const show = (group: GroupRecord, viewer: UserRecord) => ({
    group: serializeGroupShow(ctx, group, viewer),
    extras: { visible_group_names: [...ctx.state.groups.values()].filter((g) => canSeeGroup(ctx, g, viewer)).map((g) => g.name) },
  });
  router.get("/groups/by-id/:id.json", (req, res) => {
    const viewer = currentUser(res);
    const group = ctx.state.groups.get(Number(req.params.id));
    if (!group || !canSeeGroup(ctx, group, viewer)) throw notFound();
    res.json(show(group, viewer));
  });
  router.get("/groups/:name.json", (req, res) => {
    const viewer = currentUser(res);
    res.json(show(visibleGroup(req.params.name, viewer), viewer));
  });

  router.get("/groups/:name/members.json", (req, res) => {
    const viewer = currentUser(res);
    const group = visibleGroup(req.params.name, viewer);
    const limit = Math.min(intQuery(req.query.limit, 50), 1000);
    const offset = intQuery(req.query.offset, 0);
    if (str(req.query.requesters) === "true") {
      if (!canManageGroup(group, viewer)) throw invalidAccess();
      const requesters = [...group.requests.entries()].map(([id, r]) => ({ user: ctx.state.users.get(id), r })).filter((x) => x.user !== undefined);
      res.json({
        members: requesters.slice(offset, offset + limit).map(({ user, r }) => ({ ...member(user as UserRecord, r.createdAt), reason: r.reason, requested_at: r.createdAt })),
        meta: { total: requesters.length, limit, offset },
      });
      return;
    }
    if (!canSeeGroupMembers(ctx, group, viewer)) throw invalidAccess();
    const ids = memberIds(ctx, group);
    const all = ids.map((id) => ctx.state.users.get(id)).filter((u) => u !== undefined);
    const addedAt = (u: UserRecord) => group.members.get(u.id)?.addedAt ?? u.createdAt;
    const owners = all.filter((u) => group.members.get(u.id)?.owner === true);
    const order = str(req.query.order);
    const sorted = [...all].sort((a, b) => (order === "added_at" ? addedAt(a).localeCompare(addedAt(b)) : a.username.localeCompare(b.username)));
    if (str(req.query.asc) !== "true" && order === "added_at") sorted.reverse();
    res.json({
      members: sorted.slice(offset, offset + limit).map((u) => member(u, addedAt(u))),
      owners: owners.map((u) => member(u, addedAt(u))),
      meta: { total: all.length, limit, offset },
    });
  });

  router.put("/groups/:id/members.json", (req, res) => {
    const actor = currentUser(res);
    const group = byIdOrName(req.params.id, actor);
    const body = req.body ?? {};
    const added = addToGroup(ctx, actor, group, usersFromParams(ctx, body.usernames, body.user_ids));
    res.json({ success: "OK", usernames: added.map((u) => u.username), emails: [] });
  });

  router.delete("/groups/:id/members.json", (req, res) => {
    const actor = currentUser(res);
    const group = byIdOrName(req.params.id, actor);
    const body = { ...req.query, ...(req.body ?? {}) };
    const { removed, skipped } = removeFromGroup(ctx, actor, group, usersFromParams(ctx, body.usernames, body.user_ids));
    res.json({ success: "OK", usernames: removed.map((u) => u.username), skipped_usernames: skipped.map((u) => u.username) });
  });

  router.post("/groups/:name/request_membership.json", (req, res) => {
    const actor = currentUser(res);
    const group = visibleGroup(req.params.name, actor);
    const { relativeUrl } = requestMembership(ctx, actor, group, str(req.body?.reason));
    res.json({ success: "OK", relative_url: relativeUrl });
  });

  router.put("/groups/:id/handle_membership_request.json", (req, res) => {
    const actor = currentUser(res);
    const group = byIdOrName(req.params.id, actor);
    const body = req.body ?? {};
    handleMembershipRequest(ctx, actor, group, Number(body.user_id), body.accept);
    res.json({ success: "OK" });
  });

  return router;
}
