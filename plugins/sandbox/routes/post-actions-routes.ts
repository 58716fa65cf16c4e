import { Router } from "express";
import { performPostAction } from "../actions/post-action.ts";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { CREATED_POST_KEYS, serializePost } from "../serializers/post.ts";
import { pick } from "../serializers/pick.ts";

/** `POST /post_actions.json`: like or flag; answers with the post as the actor now sees it. */
export function postActionsRoutes(ctx: SandboxContext): Router {
  const router = Router();
  router.post("/post_actions.json", (req, res) => {
    const user = currentUser(res);
    const { post } = performPostAction(ctx, user, req.body ?? {});
    res.json(pick(serializePost(ctx, post, user), CREATED_POST_KEYS));
  });
  return router;
}
