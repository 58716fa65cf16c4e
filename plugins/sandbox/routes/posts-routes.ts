import { Router } from "express";
import { createPost } from "../actions/create-post.ts";
import { editPost } from "../actions/edit-post.ts";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { canSeeTopic, isPmParticipant } from "../guardian.ts";
import { avatarTemplate } from "../serializers/basic-user.ts";
import { pick } from "../serializers/pick.ts";
import { CREATED_POST_KEYS, LATEST_POST_KEYS, SHOWN_POST_KEYS, serializePost } from "../serializers/post.ts";
import type { PostRecord, UserRecord } from "../types.ts";
import { idParam, intQuery } from "./param.ts";

const PAGE = 50;

function latest(ctx: SandboxContext, viewer: UserRecord, before: number, pms: boolean): PostRecord[] {
  return [...ctx.state.posts.values()]
    .filter((post) => {
      if (post.id >= before || post.deletedAt !== null || post.postType !== 1 || post.hidden) return false;
      const topic = ctx.state.topics.get(post.topicId);
      if (!topic || topic.deletedAt || !topic.visible) return false;
      if (pms) return topic.archetype === "private_message" && isPmParticipant(ctx, topic, viewer);
      return topic.archetype === "regular" && canSeeTopic(ctx, topic, viewer);
    })
    .sort((a, b) => b.id - a.id)
    .slice(0, PAGE);
}

/** Posts: create (topic, reply, PM), show, edit, the latest public posts and the caller's PM posts. */
export function postsRoutes(ctx: SandboxContext): Router {
  const router = Router();

  router.post("/posts.json", (req, res) => {
    const user = currentUser(res);
    const outcome = createPost(ctx, user, req.body ?? {}, { api: true });
    if (outcome.action === "created") {
      res.json(pick(serializePost(ctx, outcome.post, user), CREATED_POST_KEYS));
      return;
    }
    const r = outcome.reviewable;
    const topic = r.topicId !== null ? ctx.state.topics.get(r.topicId) : undefined;
    res.json({
      success: true,
      action: "enqueued",
      pending_post: {
        id: r.id,
        avatar_template: avatarTemplate(user),
        category_id: r.categoryId,
        created_at: r.createdAt,
        created_by_id: user.id,
        name: user.name,
        raw: r.payload.raw,
        title: r.payload.title ?? topic?.title ?? null,
        topic_id: r.topicId,
        topic_url: topic ? `/t/${topic.slug}/${topic.id}` : null,
        username: user.username,
      },
      pending_count: [...ctx.state.reviewables.values()].filter((x) => x.type === "ReviewableQueuedPost" && x.status === 0 && x.createdById === user.id).length,
    });
  });

  router.get("/posts.json", (req, res) => {
    const user = currentUser(res);
    const posts = latest(ctx, user, intQuery(req.query.before, Number.MAX_SAFE_INTEGER), false);
    res.json({ latest_posts: posts.map((p) => pick(serializePost(ctx, p, user), LATEST_POST_KEYS)) });
  });

  // Discourse serves this from PostsController#latest with root `params[:id]`, i.e. `private_posts`.
  router.get("/private-posts.json", (req, res) => {
    const user = currentUser(res);
    const posts = latest(ctx, user, intQuery(req.query.before, Number.MAX_SAFE_INTEGER), true);
    res.json({ private_posts: posts.map((p) => pick(serializePost(ctx, p, user), LATEST_POST_KEYS)) });
  });

  router.get("/posts/:id.json", (req, res) => {
    const user = currentUser(res);
    const post = ctx.state.posts.get(idParam(req.params.id));
    const topic = post ? ctx.state.topics.get(post.topicId) : undefined;
    if (!post || !topic || post.deletedAt || !canSeeTopic(ctx, topic, user)) throw notFound();
    res.json({ ...pick(serializePost(ctx, post, user), SHOWN_POST_KEYS), raw: post.raw });
  });

  router.put("/posts/:id.json", (req, res) => {
    const user = currentUser(res);
    const body = req.body ?? {};
    const fields = typeof body.post === "object" && body.post !== null ? body.post : body;
    const post = editPost(ctx, user, idParam(req.params.id), { raw: fields.raw, edit_reason: fields.edit_reason, title: fields.title ?? body.title });
    res.json({ post: pick(serializePost(ctx, post, user), CREATED_POST_KEYS) });
  });

  return router;
}
