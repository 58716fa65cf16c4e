import { randomBytes } from "node:crypto";
import { type Request, type Response, Router } from "express";
import type { SandboxContext } from "../context.ts";
import { escapeHtml } from "../cook.ts";
import { ACCESSORS, buildReturnUrl, decodeSso, lookupSecret, validSignature } from "../discourse-connect.ts";
import { notFound } from "../errors.ts";
import { groupIdsOf } from "../guardian.ts";
import { findUserByUsername, setting } from "../state.ts";
import type { UserRecord } from "../types.ts";

/** Discourse's texts for provider failures (server.en.yml `discourse_connect.*`). */
const MISSING_SECRET = "Authentication failed due to missing secret. Contact the site administrators to fix this problem.";
const LOGIN_ERROR = "Login Error";

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.get("Cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) out[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return out;
}

/** Starts a browser session for a user; returns the cookie value. */
export function startSession(ctx: SandboxContext, user: UserRecord): string {
  const token = randomBytes(16).toString("hex");
  ctx.sessions.set(token, user.id);
  return token;
}

function sessionUser(ctx: SandboxContext, req: Request): UserRecord | undefined {
  const id = ctx.sessions.get(cookies(req)._t ?? "");
  const user = id === undefined ? undefined : ctx.state.users.get(id);
  // Suspended or inactive accounts never count as logged in (DefaultCurrentUserProvider).
  if (!user?.active || (user.suspendedTill !== null && new Date(user.suspendedTill) > ctx.now())) return undefined;
  return user;
}

/**
 * The browser side: Discourse as a DiscourseConnect provider (`GET /session/sso_provider`,
 * SessionController#sso_provider + SecondFactor::Actions::DiscourseConnectProvider), and a
 * sandbox-only login page standing in for Discourse's own, with no passwords.
 */
export function sessionRoutes(ctx: SandboxContext): Router {
  const router = Router();

  router.get("/session/sso_provider", (req: Request, res: Response) => {
    if (setting(ctx.state, "enable_discourse_connect_provider") !== true) throw notFound();
    const sso = typeof req.query.sso === "string" ? req.query.sso : "";
    const sig = typeof req.query.sig === "string" ? req.query.sig : "";
    let fields: URLSearchParams;
    try {
      fields = decodeSso(sso);
    } catch {
      res.status(422).type("text/plain").send(LOGIN_ERROR);
      return;
    }
    const returnUrl = fields.get("return_sso_url") ?? "";
    const secret = returnUrl ? lookupSecret(String(setting(ctx.state, "discourse_connect_provider_secrets")), returnUrl, sso, sig) : undefined;
    if (!returnUrl) {
      res.status(422).type("text/plain").send(LOGIN_ERROR);
      return;
    }
    if (!secret) {
      res.status(400).type("text/plain").send(MISSING_SECRET);
      return;
    }
    // Never tell the client what the right signature would have been.
    if (!validSignature(sso, sig, secret)) {
      res.status(422).type("text/plain").send(LOGIN_ERROR);
      return;
    }
    const incoming: Record<string, string | boolean> = {};
    for (const key of ACCESSORS) {
      const value = fields.get(key);
      if (value !== null) incoming[key] = value;
    }
    const user = sessionUser(ctx, req);
    if (!user) {
      if (incoming.prompt === "none") {
        res.redirect(302, buildReturnUrl(returnUrl, { ...incoming, failed: true }, secret));
        return;
      }
      res.cookie("sso_payload", req.originalUrl.split("?")[1] ?? "", { httpOnly: true, sameSite: "lax" });
      res.redirect(302, "/login");
      return;
    }
    const groups = groupIdsOf(ctx, user).map((id) => ctx.state.groups.get(id)?.name).filter((n) => n !== undefined);
    res.redirect(
      302,
      buildReturnUrl(returnUrl, {
        ...incoming,
        name: user.name ?? "",
        username: user.username,
        email: user.email,
        external_id: String(user.id),
        admin: user.admin,
        moderator: user.moderator,
        groups: groups.join(","),
      }, secret),
    );
  });

  router.get("/login", (_req, res) => {
    const options = [...ctx.state.users.values()]
      .filter((u) => u.id > 0)
      .map((u) => `<option value="${escapeHtml(u.username)}">${escapeHtml(u.username)}${u.admin ? " (admin)" : u.moderator ? " (moderator)" : ""}</option>`)
      .join("");
    res.type("html").send(
      `<!doctype html><html><head><title>Sandbox forum login</title></head><body>` +
        `<h1>Sandbox forum</h1><p>This is the Kindred sandbox, not a real Discourse: pick a demo account.</p>` +
        `<form method="post" action="/session/sandbox-login"><label>Username <select name="username">${options}</select></label>` +
        `<button type="submit">Log in</button></form></body></html>`,
    );
  });

  router.post("/session/sandbox-login", (req, res) => {
    const user = findUserByUsername(ctx.state, String(req.body?.username ?? ""));
    if (!user || user.id < 0) {
      res.status(403).type("text/plain").send("Unknown sandbox user.");
      return;
    }
    res.cookie("_t", startSession(ctx, user), { httpOnly: true, sameSite: "lax" });
    const pending = cookies(req).sso_payload;
    res.clearCookie("sso_payload");
    res.redirect(302, pending ? `/session/sso_provider?${pending}` : "/");
  });

  return router;
}
