import type { Express, RequestHandler } from "express";
import type { SandboxContext } from "../context.ts";
import { adminWebHooksRoutes } from "./admin-web-hooks-routes.ts";
import { groupsRoutes } from "./groups-routes.ts";
import { listsRoutes } from "./lists-routes.ts";
import { postActionsRoutes } from "./post-actions-routes.ts";
import { postsRoutes } from "./posts-routes.ts";
import { reviewRoutes } from "./review-routes.ts";
import { sessionRoutes } from "./session-routes.ts";
import { siteSettingsRoutes } from "./site-settings-routes.ts";
import { topicsRoutes } from "./topics-routes.ts";
import { usersRoutes } from "./users-routes.ts";

/**
 * Mounts the browser routes (DiscourseConnect provider, sandbox login), then every API route
 * behind authentication and the admin-API rate limit.
 */
export function mountRoutes(app: Express, ctx: SandboxContext, middleware: { auth: RequestHandler; rateLimit: RequestHandler }): void {
  app.use(sessionRoutes(ctx));
  app.use(middleware.auth, middleware.rateLimit);
  app.use(postsRoutes(ctx));
  app.use(topicsRoutes(ctx));
  app.use(postActionsRoutes(ctx));
  app.use(reviewRoutes(ctx));
  app.use(usersRoutes(ctx));
  app.use(groupsRoutes(ctx));
  app.use(listsRoutes(ctx));
  app.use(adminWebHooksRoutes(ctx));
  app.use(siteSettingsRoutes(ctx));
}
