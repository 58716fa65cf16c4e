import { type Response, Router } from "express";
import { performReviewableAction } from "../actions/perform-reviewable.ts";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound } from "../errors.ts";
import { isStaff } from "../guardian.ts";
import { REVIEWABLE_BUNDLES, STATUS_NAMES } from "../reviewable-actions.ts";
import { basicUser } from "../serializers/basic-user.ts";
import { serializeReviewable, serializeScore } from "../serializers/reviewable.ts";
import { findUserByUsername } from "../state.ts";
import type { ReviewableRecord } from "../types.ts";
import { idParam, intQuery, str } from "./param.ts";

const PER_PAGE = 50;

/** Side-loads what a list of reviewables references, as Discourse's `rest_serializer` does. */
function sideLoaded(ctx: SandboxContext, list: ReviewableRecord[]): Record<string, unknown> {
  const userIds = new Set<number>();
  const topicIds = new Set<number>();
  for (const r of list) {
    userIds.add(r.createdById);
    if (r.targetCreatedById !== null) userIds.add(r.targetCreatedById);
    if (r.claimedById !== null) userIds.add(r.claimedById);
    for (const s of r.scores) {
      userIds.add(s.userId);
      if (s.reviewedById !== null) userIds.add(s.reviewedById);
    }
    if (r.topicId !== null) topicIds.add(r.topicId);
  }
  const bundles = list.filter((r) => r.status === 0).flatMap((r) =>
    REVIEWABLE_BUNDLES[r.type].map((b) => ({ id: `${r.id}-${b.id}`, icon: b.icon, label: b.label, action_ids: b.actions.map((a) => a.id) })),
  );
  const actions = new Map<string, Record<string, unknown>>();
  for (const r of list) {
    for (const b of REVIEWABLE_BUNDLES[r.type]) {
      for (const a of b.actions) actions.set(a.id, { id: a.id, icon: a.icon, label: a.label, server_action: a.id, button_class: null, confirm_message: null, require_reject_reason: false });
    }
  }
  return {
    users: [...userIds].map((id) => ctx.state.users.get(id)).filter((u) => u !== undefined).map((u) => ({ ...basicUser(u), trust_level: u.trustLevel, moderator: u.moderator, admin: u.admin })),
    topics: [...topicIds].map((id) => ctx.state.topics.get(id)).filter((t) => t !== undefined).map((t) => ({ id: t.id, title: t.title, fancy_title: t.title, slug: t.slug, archetype: t.archetype, category_id: t.categoryId, relative_url: `/t/${t.slug}/${t.id}` })),
    reviewable_scores: list.flatMap((r) => r.scores.map((s) => serializeScore(ctx, s))),
    bundled_actions: bundles,
    actions: [...actions.values()],
  };
}

function matchesStatus(r: ReviewableRecord, status: string): boolean {
  if (status === "all") return true;
  if (status === "reviewed") return r.status !== 0;
  return STATUS_NAMES[r.status] === status;
}

/** The review queue: list, show, perform, and topic claims. Staff only, as in Discourse. */
export function reviewRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const staff = (res: Response) => {
    const user = currentUser(res);
    if (!isStaff(user)) throw invalidAccess();
    return user;
  };

  router.get("/review.json", (req, res) => {
    const user = staff(res);
    const q = req.query;
    const status = str(q.status) || "pending";
    const type = str(q.type);
    const topicId = str(q.topic_id);
    const categoryId = str(q.category_id);
    const username = str(q.username);
    const target = username ? findUserByUsername(ctx.state, username) : undefined;
    const from = str(q.from_date) ? Date.parse(str(q.from_date)) : Number.NEGATIVE_INFINITY;
    const to = str(q.to_date) ? Date.parse(str(q.to_date)) : Number.POSITIVE_INFINITY;
    const sort = str(q.sort_order) || "score";
    let list = [...ctx.state.reviewables.values()].filter((r) =>
      matchesStatus(r, status) &&
      (!type || r.type === type) &&
      (!topicId || r.topicId === Number(topicId)) &&
      (!categoryId || r.categoryId === Number(categoryId)) &&
      (!username || (target !== undefined && r.targetCreatedById === target.id)) &&
      Date.parse(r.createdAt) >= from && Date.parse(r.createdAt) <= to,
    );
    const byCreated = (a: ReviewableRecord, b: ReviewableRecord) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id;
    if (sort === "score_asc") list.sort((a, b) => a.score - b.score || byCreated(a, b));
    else if (sort === "created_at") list.sort((a, b) => byCreated(b, a));
    else if (sort === "created_at_asc") list.sort(byCreated);
    else list.sort((a, b) => b.score - a.score || byCreated(b, a));
    const total = list.length;
    const offset = intQuery(q.offset, 0);
    list = list.slice(offset, offset + PER_PAGE);
    const pending = [...ctx.state.reviewables.values()].filter((r) => r.status === 0).length;
    const meta: Record<string, unknown> = {
      total_rows_reviewables: total,
      types: { created_by: "user", target_created_by: "user", reviewed_by: "user", claimed_by: "user", topic: "topic", reviewable_scores: "reviewable_score", bundled_actions: "bundled_action" },
      reviewable_types: ["ReviewableFlaggedPost", "ReviewableQueuedPost", "ReviewableUser", "ReviewablePost"],
      reviewable_count: pending,
      unseen_reviewable_count: pending,
      status,
    };
    if (offset + PER_PAGE < total) meta.load_more_reviewables = `/review.json?offset=${offset + PER_PAGE}&status=${status}`;
    res.json({ reviewables: list.map((r) => serializeReviewable(ctx, r, user)), ...sideLoaded(ctx, list), meta });
  });

  router.get("/review/:id.json", (req, res) => {
    const user = staff(res);
    const r = ctx.state.reviewables.get(idParam(req.params.id));
    if (!r) throw notFound();
    res.json({ reviewable: serializeReviewable(ctx, r, user), ...sideLoaded(ctx, [r]) });
  });

  router.put("/review/:id/perform/:action_id", (req, res) => {
    const user = staff(res);
    // reviewables_controller.rb: `version: params[:version].to_i`, so a missing version is 0.
    const version = Number.parseInt(str(req.query.version ?? req.body?.version) || "0", 10) || 0;
    const actionId = String(req.params.action_id).replace(/\.json$/, "");
    const result = performReviewableAction(ctx, user, idParam(req.params.id), actionId, version);
    res.json({ reviewable_perform_result: result });
  });

  router.post("/reviewable_claimed_topics.json", (req, res) => {
    const user = staff(res);
    const body = req.body ?? {};
    const topicId = Number(body.reviewable_claimed_topic?.topic_id ?? body.topic_id);
    if (!ctx.state.topics.has(topicId)) throw notFound();
    for (const r of ctx.state.reviewables.values()) if (r.topicId === topicId && r.claimedById === null) r.claimedById = user.id;
    res.json({ success: "OK" });
  });

  router.delete("/reviewable_claimed_topics/:id.json", (req, res) => {
    staff(res);
    const topicId = idParam(req.params.id);
    for (const r of ctx.state.reviewables.values()) if (r.topicId === topicId) r.claimedById = null;
    res.json({ success: "OK" });
  });

  return router;
}
