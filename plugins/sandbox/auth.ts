import type { RequestHandler, Response } from "express";
import type { SandboxContext } from "./context.ts";
import { invalidAccess, MESSAGES } from "./errors.ts";
import { findUserByUsername } from "./state.ts";
import type { UserRecord } from "./types.ts";

/** An admin API key: global (all users, read and write), or read-only (GET/HEAD only). */
export interface ApiKeyDefinition {
  key: string;
  /** Discourse's "Read-only" scope: writes answer 403. @defaultValue false */
  readOnly?: boolean;
  /** A key bound to one user ignores any other `Api-Username`, as in Discourse. */
  username?: string;
}

/** The acting user of an authenticated request. */
export function currentUser(res: Response): UserRecord {
  const user = res.locals.user as UserRecord | undefined;
  if (!user) throw invalidAccess();
  return user;
}

/**
 * `Api-Key` + `Api-Username` (or `Api-User-Id`) authentication as DefaultCurrentUserProvider does
 * it: no key → 403; an unknown key or user → 403 "The API username or key is invalid";
 * suspended or inactive API user → 403; a read-only key may only read.
 */
export function createAuth(ctx: SandboxContext, keys: Map<string, ApiKeyDefinition>): RequestHandler {
  return (req, res, next) => {
    const keyValue = req.get("Api-Key");
    if (!keyValue) throw invalidAccess();
    const key = keys.get(keyValue);
    if (!key) throw invalidAccess(MESSAGES.invalidApiCredentials);
    const username = req.get("Api-Username");
    const userId = req.get("Api-User-Id");
    let user: UserRecord | undefined;
    if (key.username) {
      const bound = findUserByUsername(ctx.state, key.username);
      user = !username || username.toLowerCase() === key.username.toLowerCase() ? bound : undefined;
    } else if (username) {
      user = findUserByUsername(ctx.state, username);
    } else if (userId) {
      user = ctx.state.users.get(Number(userId));
    }
    if (!user) throw invalidAccess(MESSAGES.invalidApiCredentials);
    const suspended = user.suspendedTill !== null && new Date(user.suspendedTill) > ctx.now();
    if (suspended || !user.active) throw invalidAccess();
    if (key.readOnly && req.method !== "GET" && req.method !== "HEAD") throw invalidAccess();
    res.locals.user = user;
    next();
  };
}
