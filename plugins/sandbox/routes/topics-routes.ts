import { type Response, Router } from "express";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound } from "../errors.ts";
import { canSeeTopic } from "../guardian.ts";
import { serializeTopicView } from "../serializers/topic-view.ts";
import { idParam } from "./param.ts";

/** `GET /t/:id.json` and `GET /t/:slug/:id.json`. */
export function topicsRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const show = (id: unknown, res: Response) => {
    const user = currentUser(res);
    const topic = ctx.state.topics.get(idParam(id));
    if (!topic || (topic.deletedAt && !user.admin)) throw notFound();
    // Discourse answers 403 for a topic that exists but is not visible, e.g. a private category.
    if (!canSeeTopic(ctx, topic, user)) throw invalidAccess();
    topic.views += 1;
    res.json(serializeTopicView(ctx, topic, user));
  };
  router.get("/t/:id.json", (req, res) => show(req.params.id, res));
  router.get("/t/:slug/:id.json", (req, res) => show(req.params.id, res));
  return router;
}
