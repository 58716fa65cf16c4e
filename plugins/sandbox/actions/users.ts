import type { SandboxContext } from "../context.ts";
import { newUser } from "../base-records.ts";
import { invalidAccess, notFound, SandboxHttpError } from "../errors.ts";
import { isStaff } from "../guardian.ts";
import { findUserByUsername, nextId, setting } from "../state.ts";
import { webHookUser } from "../serializers/web-hook-payloads.ts";
import type { UserRecord } from "../types.ts";
import { emitUser } from "./emit.ts";

/** Sign-up fields (`POST /users.json`), plus what an admin may preset. */
export interface CreateUserParams {
  username: string;
  email?: string;
  name?: string;
  password?: string;
  /** Admin API only: skip e-mail confirmation. */
  active?: boolean;
  approved?: boolean;
  timezone?: string;
  user_fields?: Record<string, string | null>;
  trust_level?: number;
  moderator?: boolean;
  admin?: boolean;
  external_id?: string;
}

/** Discourse's `{success:false, errors:{field:[…]}}` sign-up failure, which it answers with 200. */
export class SignupError extends Error {
  readonly errors: Record<string, string[]>;
  constructor(errors: Record<string, string[]>) {
    super(`[sandbox] signup failed: ${Object.keys(errors).join(", ")}`);
    this.name = "SignupError";
    this.errors = errors;
  }
}

/**
 * Creates an account and raises `user_created`; an active account also raises
 * `user_confirmed_email`. With `must_approve_users` on, new accounts wait for `approveUser`.
 */
export function createUser(ctx: SandboxContext, params: CreateUserParams): UserRecord {
  const errors: Record<string, string[]> = {};
  const username = String(params.username ?? "");
  if (!/^[A-Za-z0-9_.-]{3,20}$/.test(username)) errors.username = ["must be 3 to 20 letters, numbers, dots, dashes or underscores"];
  else if (findUserByUsername(ctx.state, username)) errors.username = ["has already been taken"];
  const email = params.email ?? `${username.toLowerCase()}@example.invalid`;
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) errors.email = ["is invalid"];
  else if ([...ctx.state.users.values()].some((u) => u.email.toLowerCase() === email.toLowerCase())) errors.email = ["has already been taken"];
  if (Object.keys(errors).length > 0) throw new SignupError(errors);
  const mustApprove = setting(ctx.state, "must_approve_users") === true;
  const user = newUser({
    id: nextId(ctx.state, "users"),
    username,
    name: params.name ?? null,
    email,
    createdAt: ctx.now().toISOString(),
    active: params.active === true,
    approved: params.approved === true || !mustApprove || params.admin === true || params.moderator === true,
    timezone: params.timezone ?? null,
    userFields: { ...(params.user_fields ?? {}) },
    trustLevel: params.trust_level ?? 0,
    moderator: params.moderator === true,
    admin: params.admin === true,
    externalId: params.external_id ?? null,
  });
  ctx.state.users.set(user.id, user);
  emitUser(ctx, "user_created", user);
  if (user.active) emitUser(ctx, "user_confirmed_email", user);
  return user;
}

function target(ctx: SandboxContext, userId: number): UserRecord {
  const user = ctx.state.users.get(userId);
  if (!user || user.id < 0) throw notFound();
  return user;
}

/** Confirms the e-mail / activates an account (`PUT /admin/users/:id/activate`): `user_confirmed_email`. */
export function activateUser(ctx: SandboxContext, actor: UserRecord, userId: number): UserRecord {
  if (!isStaff(actor)) throw invalidAccess();
  const user = target(ctx, userId);
  if (!user.active) {
    user.active = true;
    emitUser(ctx, "user_confirmed_email", user);
  }
  return user;
}

/** Approves an account (`PUT /admin/users/:id/approve`): `user_approved`. */
export function approveUser(ctx: SandboxContext, actor: UserRecord, userId: number): UserRecord {
  if (!isStaff(actor)) throw invalidAccess();
  const user = target(ctx, userId);
  if (!user.approved) {
    user.approved = true;
    emitUser(ctx, "user_approved", user);
  }
  return user;
}

/** Suspends an account until a date (`PUT /admin/users/:id/suspend`): `user_suspended`. */
export function suspendUser(ctx: SandboxContext, actor: UserRecord, userId: number, until: string, reason: string): UserRecord {
  if (!isStaff(actor)) throw invalidAccess();
  const user = target(ctx, userId);
  if (user.admin && !actor.admin) throw invalidAccess();
  if (Number.isNaN(Date.parse(until))) throw new SandboxHttpError(400, { errors: ["suspend_until is invalid"], error_type: "invalid_parameters" });
  user.suspendedAt = ctx.now().toISOString();
  user.suspendedTill = new Date(until).toISOString();
  user.suspendReason = reason;
  emitUser(ctx, "user_suspended", user);
  return user;
}

/** Grants moderation (`PUT /admin/users/:id/grant_moderation`); admins only. */
export function grantModeration(ctx: SandboxContext, actor: UserRecord, userId: number): UserRecord {
  if (!actor.admin) throw invalidAccess();
  const user = target(ctx, userId);
  user.moderator = true;
  return user;
}

/**
 * Deletes an account (`DELETE /admin/users/:id.json`), raising `user_destroyed` with the user as
 * it was. A user with posts needs `deletePosts`, as Discourse's UserDestroyer insists.
 */
export function destroyUser(ctx: SandboxContext, actor: UserRecord, userId: number, deletePosts: boolean): void {
  if (!actor.admin) throw invalidAccess();
  const user = target(ctx, userId);
  if (user.admin) throw invalidAccess();
  const posts = [...ctx.state.posts.values()].filter((p) => p.userId === user.id && p.deletedAt === null);
  if (posts.length > 0 && !deletePosts) {
    throw new SandboxHttpError(403, { deleted: false, errors: ["User has posts; delete them first or pass delete_posts."] });
  }
  const payload = webHookUser(ctx, user);
  const at = ctx.now().toISOString();
  for (const post of posts) post.deletedAt = at;
  for (const group of ctx.state.groups.values()) {
    group.members.delete(user.id);
    group.requests.delete(user.id);
  }
  ctx.state.users.delete(user.id);
  ctx.webhooks.emit({ name: "user_destroyed", subscription: "user_destroyed", type: "user", payload, categoryId: null });
}
