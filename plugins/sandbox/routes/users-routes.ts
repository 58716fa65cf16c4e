import { type Response, Router } from "express";
import { activateUser, approveUser, createUser, destroyUser, grantModeration, SignupError, suspendUser } from "../actions/users.ts";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound } from "../errors.ts";
import { isStaff } from "../guardian.ts";
import { avatarTemplate, basicUser } from "../serializers/basic-user.ts";
import { serializeUser } from "../serializers/user.ts";
import { findUserByUsername } from "../state.ts";
import type { UserRecord } from "../types.ts";
import { idParam, intQuery, str } from "./param.ts";

const AGE = (iso: string | null, now: Date) => (iso === null ? null : (now.getTime() - Date.parse(iso)) / 1000);

/** `AdminUserListSerializer` (`GET /admin/users/list/:flag.json`). */
function adminListUser(ctx: SandboxContext, user: UserRecord, showEmails: boolean): Record<string, unknown> {
  const now = ctx.now();
  const postCount = [...ctx.state.posts.values()].filter((p) => p.userId === user.id && p.deletedAt === null).length;
  const out: Record<string, unknown> = {
    id: user.id,
    username: user.username,
    name: user.name,
    avatar_template: avatarTemplate(user),
    active: user.active,
    admin: user.admin,
    moderator: user.moderator,
    last_seen_at: user.lastSeenAt,
    last_emailed_at: null,
    created_at: user.createdAt,
    last_seen_age: AGE(user.lastSeenAt, now),
    last_emailed_age: null,
    created_at_age: AGE(user.createdAt, now),
    trust_level: user.trustLevel,
    manual_locked_trust_level: null,
    title: user.title,
    time_read: 0,
    staged: user.staged,
    days_visited: 1,
    posts_read_count: 0,
    topics_entered: 0,
    post_count: postCount,
  };
  if (showEmails) {
    out.email = user.email;
    out.secondary_emails = [];
  }
  return out;
}

const LIST_FLAGS: Record<string, (u: UserRecord, now: Date) => boolean> = {
  active: (u) => u.active,
  new: (u) => u.trustLevel === 0,
  staff: (u) => u.admin || u.moderator,
  admins: (u) => u.admin,
  moderators: (u) => u.moderator,
  suspended: (u, now) => u.suspendedTill !== null && new Date(u.suspendedTill) > now,
  silenced: (u, now) => u.silencedTill !== null && new Date(u.silencedTill) > now,
  pending: (u) => !u.approved,
  staged: (u) => u.staged,
};

/** Users: profile, sign-up, admin lists and admin actions. */
export function usersRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const staffOnly = (res: Response) => {
    const user = currentUser(res);
    if (!isStaff(user)) throw invalidAccess();
    return user;
  };
  const target = (id: unknown) => {
    const user = ctx.state.users.get(idParam(id));
    if (!user) throw notFound();
    return user;
  };

  router.get("/u/:username.json", (req, res) => {
    const viewer = currentUser(res);
    const user = findUserByUsername(ctx.state, String(req.params.username));
    if (!user) throw notFound();
    res.json({ user_badges: [], user: serializeUser(ctx, user, viewer) });
  });

  router.get("/u/by-external/:external_id.json", (req, res) => {
    const viewer = currentUser(res);
    const user = [...ctx.state.users.values()].find((u) => u.externalId === String(req.params.external_id));
    if (!user) throw notFound();
    res.json({ user_badges: [], user: serializeUser(ctx, user, viewer) });
  });

  router.post("/users.json", (req, res) => {
    const actor = currentUser(res);
    const body = req.body ?? {};
    // Only staff may create active/approved accounts through the API, as in UsersController#create.
    const privileged = isStaff(actor);
    try {
      const user = createUser(ctx, {
        username: str(body.username),
        email: str(body.email) || undefined,
        name: str(body.name) || undefined,
        password: str(body.password) || undefined,
        active: privileged && (body.active === true || body.active === "true"),
        approved: privileged && (body.approved === true || body.approved === "true"),
        timezone: str(body.timezone) || undefined,
        user_fields: typeof body.user_fields === "object" && body.user_fields !== null ? Object.fromEntries(Object.entries(body.user_fields).map(([k, v]) => [k, v === null ? null : String(v)])) : undefined,
        external_id: typeof body.external_ids === "object" && body.external_ids !== null ? String(Object.values(body.external_ids)[0]) : undefined,
      });
      res.json({
        success: true,
        active: user.active,
        message: user.active ? "Your account is activated and ready to use." : `You’re almost done! We sent an activation mail to ${user.email}.`,
        user_id: user.id,
      });
    } catch (error) {
      if (!(error instanceof SignupError)) throw error;
      // Discourse answers a failed sign-up with 200 and success:false.
      res.json({ success: false, message: Object.entries(error.errors).map(([k, v]) => `${k} ${v.join(", ")}`).join("\n"), errors: error.errors, values: { username: body.username, email: body.email }, is_developer: false });
    }
  });

  router.get("/admin/users/list/:flag.json", (req, res) => {
    staffOnly(res);
    const flag = String(req.params.flag);
    const test = LIST_FLAGS[flag];
    if (!test) throw notFound();
    const now = ctx.now();
    const asc = str(req.query.asc) === "true";
    const order = str(req.query.order) || "created";
    const page = intQuery(req.query.page, 1);
    const sorted = [...ctx.state.users.values()]
      .filter((u) => u.id > 0 && test(u, now))
      .sort((a, b) => {
        const diff = order === "username" ? a.username.localeCompare(b.username) : Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id;
        return asc ? diff : -diff;
      });
    const per = 100;
    const start = Math.max(0, page - 1) * per;
    res.json(sorted.slice(start, start + per).map((u) => adminListUser(ctx, u, str(req.query.show_emails) === "true")));
  });

  router.get("/admin/users/:id.json", (req, res) => {
    const viewer = staffOnly(res);
    const user = target(req.params.id);
    res.json({ ...adminListUser(ctx, user, viewer.admin), ...serializeUser(ctx, user, viewer), approved: user.approved, suspended_till: user.suspendedTill, silenced_till: user.silencedTill, external_id: user.externalId });
  });

  router.put("/admin/users/:id/activate.json", (req, res) => {
    activateUser(ctx, currentUser(res), idParam(req.params.id));
    res.json({ success: "OK" });
  });
  router.put("/admin/users/:id/approve.json", (req, res) => {
    approveUser(ctx, currentUser(res), idParam(req.params.id));
    res.json({ success: "OK" });
  });
  router.put("/admin/users/:id/grant_moderation.json", (req, res) => {
    const user = grantModeration(ctx, currentUser(res), idParam(req.params.id));
    res.json({ admin_user: adminListUser(ctx, user, false) });
  });
  router.put("/admin/users/:id/suspend.json", (req, res) => {
    const actor = currentUser(res);
    const body = req.body ?? {};
    const user = suspendUser(ctx, actor, idParam(req.params.id), str(body.suspend_until), str(body.reason));
    res.json({
      suspension: {
        suspend_reason: user.suspendReason ?? "",
        full_suspend_reason: user.suspendReason ?? "",
        suspended_till: user.suspendedTill ?? "",
        suspended_at: user.suspendedAt ?? "",
        suspended_by: basicUser(actor),
      },
    });
  });
  router.delete("/admin/users/:id.json", (req, res) => {
    const deletePosts = str(req.body?.delete_posts ?? req.query.delete_posts) === "true";
    destroyUser(ctx, currentUser(res), idParam(req.params.id), deletePosts);
    res.json({ deleted: true });
  });
  return router;
}
