import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type NextFunction, type Request, type Response, Router } from "express";
import type { Services } from "../../app/services.ts";
import type { ApiBudget } from "../../discourse/index.ts";
import type { Metrics } from "../../metrics/create-metrics.ts";
import { createSessionSigner } from "./admin-session.ts";
import { readSignedAnswer, signInUrl } from "./discourse-connect-consumer.ts";
import { loadStatus } from "./load-status.ts";
import { createNonceStore } from "./nonce-store.ts";
import { renderMessagePage } from "./render-page.ts";
import { renderStatusPage } from "./render-status-page.ts";
import { readCookie, securityHeaders } from "./security-headers.ts";

const SESSION = "kindred_admin";
const NONCE = "kindred_admin_nonce";
const OWN_ASSETS = fileURLToPath(new URL("./assets/", import.meta.url));
const UPLOT = join(dirname(createRequire(import.meta.url).resolve("uplot")), "");

export interface AdminRouterOptions {
  services: Services;
  budget: ApiBudget;
  metrics: Metrics;
}

/**
 * `/admin`: the status page for moderators and admins, who sign in through the forum with
 * DiscourseConnect (the forum is the identity provider). Nonces are single-use, expire, and are bound
 * to the browser that asked; anyone the forum does not call a moderator or admin is refused.
 */
export function createAdminRouter(options: AdminRouterOptions): Router {
  const { services } = options;
  const { config, clock } = services;
  const secret = config.secrets.discourseConnectSecret;
  const signer = secret ? createSessionSigner(secret) : undefined;
  const nonces = createNonceStore(services.store.db, clock, config.admin.nonceMinutes);
  const router = Router();
  router.use("/admin", securityHeaders);

  const assets: Record<string, string> = {
    "admin.css": join(OWN_ASSETS, "admin.css"),
    "charts.js": join(OWN_ASSETS, "charts.js"),
    "uPlot.iife.min.js": join(UPLOT, "uPlot.iife.min.js"),
    "uPlot.min.css": join(UPLOT, "uPlot.min.css"),
  };
  router.get("/admin/assets/:file", (req, res) => {
    const file = assets[String(req.params.file)];
    if (!file) {
      res.status(404).type("text/plain").send("not found");
      return;
    }
    res.set("Cache-Control", "public, max-age=3600");
    res.sendFile(file);
  });

  const secure = (req: Request) => req.secure || (config.http.publicUrl ?? "").startsWith("https:");
  const cookie = (req: Request, maxAgeSeconds: number) => `; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure(req) ? "; Secure" : ""}`;
  const origin = (req: Request) => (config.http.publicUrl ?? `${req.protocol}://${req.get("host")}`).replace(/\/+$/, "");
  const page = (res: Response, status: number, title: string, lines: string[], retry = false) =>
    res.status(status).type("html").send(renderMessagePage({ title, lines, retry, forumUrl: services.forumUrl }));
  const notConfigured = (res: Response) =>
    page(res, 503, "Sign-in is not set up", ["Kindred has no DISCOURSE_CONNECT_SECRET, so nobody can sign in here yet.", "An admin can run kindred setup (or kindred doctor) to finish it."]);

  router.get("/admin", async (req, res) => {
    if (!signer) return void notConfigured(res);
    const session = signer.verify(readCookie(req.get("Cookie"), SESSION), clock.now());
    if (!session) return void res.redirect(303, "/admin/login");
    const data = await loadStatus(options);
    res.type("html").send(renderStatusPage(data, session));
  });

  router.get("/admin/login", async (req, res) => {
    if (!signer || !secret) return void notConfigured(res);
    const nonce = await nonces.issue();
    res.append("Set-Cookie", `${NONCE}=${nonce}${cookie(req, config.admin.nonceMinutes * 60)}`);
    res.redirect(303, signInUrl({ forumUrl: services.forumUrl, returnUrl: `${origin(req)}/admin/sso`, nonce, secret }));
  });

  router.get("/admin/sso", async (req, res) => {
    if (!signer || !secret) return void notConfigured(res);
    const answer = readSignedAnswer(req.query.sso, req.query.sig, secret);
    if (!answer) return void page(res, 403, "Sign-in refused", ["This sign-in answer was not signed by the forum, so it cannot be trusted."], true);
    const mine = readCookie(req.get("Cookie"), NONCE) === answer.nonce;
    // Consumed whatever happens next, so an answer works once at most.
    const fresh = await nonces.consume(answer.nonce);
    res.append("Set-Cookie", `${NONCE}=${cookie(req, 0)}`);
    if (!mine || !fresh) return void page(res, 403, "Sign-in expired", ["This sign-in link was already used, has expired, or was started in another browser."], true);
    if ("failed" in answer) return void page(res, 403, "Not signed in", ["The forum says you are not signed in there."], true);
    if (!answer.admin && !answer.moderator) {
      return void page(res, 403, "For moderators and admins only", [
        `You are signed in to the forum as ${answer.username}, who is not a moderator or admin there.`,
        "This page shows what Kindred's bots are doing for the moderation team, so only they can see it. If you think you should, ask an admin of the forum.",
      ]);
    }
    const session = { username: answer.username, role: answer.admin ? ("admin" as const) : ("moderator" as const), expiresAt: clock.now().getTime() + config.admin.sessionHours * 3_600_000 };
    res.append("Set-Cookie", `${SESSION}=${signer.sign(session)}${cookie(req, config.admin.sessionHours * 3600)}`);
    res.redirect(303, "/admin");
  });

  router.post("/admin/logout", (req, res) => {
    // A cross-site form cannot sign anyone out: the browser names where the form came from.
    const from = req.get("Origin");
    if (from && from !== origin(req)) return void page(res, 403, "Refused", ["That sign-out did not come from this page."]);
    res.append("Set-Cookie", `${SESSION}=${cookie(req, 0)}`);
    page(res, 200, "Signed out", ["You are signed out of Kindred's status page."], true);
  });

  // One line for the operator's log; the page says nothing about the cause.
  router.use("/admin", (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    services.log.warn({ err: { message: error instanceof Error ? error.message.split("\n")[0] : String(error) } }, "admin page failed");
    page(res, 500, "Something went wrong", ["Kindred could not build this page. The operator's log has the reason."], true);
  });

  return router;
}
