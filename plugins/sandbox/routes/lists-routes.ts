import { Router } from "express";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, invalidParameters, notFound } from "../errors.ts";
import { canSeeCategory, canSeeTopic, isStaff } from "../guardian.ts";
import { excerpt } from "../cook.ts";
import { basicUser } from "../serializers/basic-user.ts";
import { serializeCategory, serializeCategoryShow, visibleCategories } from "../serializers/category.ts";
import { serializeBasicGroup } from "../serializers/group.ts";
import { SEED_USER_FIELDS } from "../seed-data.ts";
import { setting, topicPosts } from "../state.ts";
import type { TopicRecord, UserRecord } from "../types.ts";
import { idParam, intQuery, str } from "./param.ts";

const DAY = 86_400_000;
const PERIODS: Record<string, number> = { daily: 1, weekly: 7, monthly: 30, quarterly: 90, yearly: 365, all: 36_500 };
const DIRECTORY_ORDERS = ["likes_received", "likes_given", "topic_count", "post_count", "topics_entered", "posts_read", "days_visited"];

function likesOn(ctx: SandboxContext, postIds: Set<number>, since: number): number {
  return [...ctx.state.postActions.values()].filter((a) => a.postActionTypeId === 2 && a.deletedAt === null && postIds.has(a.postId) && Date.parse(a.createdAt) >= since).length;
}

/** `TopicListItemSerializer` plus the users it references. */
function topicList(ctx: SandboxContext, topics: TopicRecord[], extra: Record<string, unknown> = {}) {
  const userIds = new Set<number>();
  const items = topics.map((t) => {
    const posts = topicPosts(ctx.state, t.id);
    const posters = [...new Set(posts.map((p) => p.userId))].slice(0, 5);
    for (const id of posters) userIds.add(id);
    const first = posts[0];
    return {
      id: t.id,
      title: t.title,
      fancy_title: t.title,
      slug: t.slug,
      posts_count: posts.length,
      reply_count: Math.max(0, posts.length - 1),
      highest_post_number: t.highestPostNumber,
      created_at: t.createdAt,
      last_posted_at: t.lastPostedAt,
      bumped: true,
      bumped_at: t.bumpedAt,
      archetype: t.archetype,
      unseen: false,
      pinned: false,
      excerpt: first ? excerpt(first.cooked, 200) : "",
      visible: t.visible,
      closed: t.closed,
      archived: t.archived,
      bookmarked: false,
      liked: false,
      views: t.views,
      like_count: likesOn(ctx, new Set(posts.map((p) => p.id)), 0),
      has_summary: false,
      last_poster_username: ctx.state.users.get(t.lastPostUserId)?.username ?? "",
      category_id: t.categoryId,
      op_like_count: first ? likesOn(ctx, new Set([first.id]), 0) : 0,
      pinned_globally: false,
      featured_link: null,
      posters: posters.map((id, i) => ({ extras: i === 0 ? "latest single" : "", description: i === 0 ? "Original Poster" : "Frequent Poster", user_id: id, primary_group_id: null })),
    };
  });
  return {
    users: [...userIds].map((id) => ctx.state.users.get(id)).filter((u) => u !== undefined).map(basicUser),
    primary_groups: [],
    topic_list: { can_create_topic: true, draft: null, draft_key: "new_topic", draft_sequence: 0, per_page: 30, topics: items, ...extra },
  };
}

function visibleRegularTopics(ctx: SandboxContext, viewer: UserRecord): TopicRecord[] {
  return [...ctx.state.topics.values()].filter((t) => t.archetype === "regular" && t.deletedAt === null && t.visible && canSeeTopic(ctx, t, viewer));
}

/** Topic lists, the user directory, categories and the site object. */
export function listsRoutes(ctx: SandboxContext): Router {
  const router = Router();

  router.get("/latest.json", (req, res) => {
    const viewer = currentUser(res);
    const perPage = Math.min(Math.max(intQuery(req.query.per_page, 30), 1), 100);
    const order = str(req.query.order) === "created" ? "createdAt" : "bumpedAt";
    const asc = str(req.query.ascending) === "true";
    const topics = visibleRegularTopics(ctx, viewer).sort((a, b) => (asc ? 1 : -1) * (Date.parse(a[order]) - Date.parse(b[order]) || a.id - b.id));
    res.json(topicList(ctx, topics.slice(0, perPage), { per_page: perPage }));
  });

  router.get("/top.json", (req, res) => {
    const viewer = currentUser(res);
    const period = str(req.query.period) || "yearly";
    if (!(period in PERIODS)) throw invalidParameters("period");
    const since = ctx.now().getTime() - PERIODS[period] * DAY;
    const perPage = Math.min(Math.max(intQuery(req.query.per_page, 30), 1), 100);
    const scored = visibleRegularTopics(ctx, viewer)
      .filter((t) => Date.parse(t.createdAt) >= since)
      .map((t) => {
        const posts = topicPosts(ctx.state, t.id);
        return { t, score: posts.length + 2 * likesOn(ctx, new Set(posts.map((p) => p.id)), since) };
      })
      .sort((a, b) => b.score - a.score || b.t.id - a.t.id);
    res.json(topicList(ctx, scored.slice(0, perPage).map((s) => s.t), { for_period: period, per_page: perPage }));
  });

  router.get("/directory_items.json", (req, res) => {
    currentUser(res);
    if (setting(ctx.state, "enable_user_directory") !== true) throw invalidAccess();
    const period = str(req.query.period);
    if (!(period in PERIODS)) throw invalidParameters("period");
    const order = str(req.query.order) || "likes_received";
    if (!DIRECTORY_ORDERS.includes(order) && order !== "username") throw invalidParameters("order");
    const since = ctx.now().getTime() - PERIODS[period] * DAY;
    const limit = Math.min(Math.max(intQuery(req.query.limit, 50), 1), 50);
    const page = Math.min(intQuery(req.query.page, 0), 10);
    const publicPosts = [...ctx.state.posts.values()].filter((p) => {
      const topic = ctx.state.topics.get(p.topicId);
      return p.deletedAt === null && topic?.archetype === "regular" && Date.parse(p.createdAt) >= since;
    });
    const rows = [...ctx.state.users.values()].filter((u) => u.id > 0 && !u.staged).map((u) => {
      const own = publicPosts.filter((p) => p.userId === u.id);
      const ownIds = new Set([...ctx.state.posts.values()].filter((p) => p.userId === u.id).map((p) => p.id));
      const likesGiven = [...ctx.state.postActions.values()].filter((a) => a.postActionTypeId === 2 && a.userId === u.id && a.deletedAt === null && Date.parse(a.createdAt) >= since).length;
      return {
        id: u.id,
        likes_received: likesOn(ctx, ownIds, since),
        likes_given: likesGiven,
        topics_entered: 0,
        topic_count: own.filter((p) => p.postNumber === 1).length,
        post_count: own.length,
        posts_read: 0,
        days_visited: 0,
        user: { id: u.id, username: u.username, name: u.name, avatar_template: basicUser(u).avatar_template, title: u.title },
      };
    });
    const asc = str(req.query.asc) === "true";
    rows.sort((a, b) => {
      const diff = order === "username" ? b.user.username.localeCompare(a.user.username) : (b as Record<string, unknown>)[order] as number - ((a as Record<string, unknown>)[order] as number);
      return (asc ? -diff : diff) || a.id - b.id;
    });
    const slice = rows.slice(page * limit, (page + 1) * limit);
    res.json({
      directory_items: slice,
      meta: {
        last_updated_at: ctx.now().toISOString(),
        total_rows_directory_items: rows.length,
        load_more_directory_items: `/directory_items.json?order=${order}&page=${page + 1}&period=${period}`,
      },
    });
  });

  router.get("/categories.json", (_req, res) => {
    const viewer = currentUser(res);
    res.json({
      category_list: {
        can_create_category: viewer.admin,
        can_create_topic: true,
        categories: visibleCategories(ctx, viewer).map((c) => serializeCategory(ctx, c, viewer)),
      },
    });
  });

  router.get("/c/:id/show.json", (req, res) => {
    const viewer = currentUser(res);
    const category = ctx.state.categories.get(idParam(req.params.id));
    if (!category) throw notFound();
    // Discourse answers 403 for a category that exists but the viewer cannot read.
    if (!canSeeCategory(ctx, category, viewer)) throw invalidAccess();
    res.json({ category: serializeCategoryShow(ctx, category, viewer) });
  });

  // SiteController#basic_info: what Kindred's forum health check reads (public in Discourse).
  router.get("/site/basic-info.json", (_req, res) => {
    res.json({
      title: String(ctx.state.siteSettings.get("title")?.value ?? "Kindred Sandbox"),
      description: "A Discourse-compatible sandbox forum",
      logo_url: "",
      mobile_logo_url: "",
      header_primary_color: "222222",
      header_background_color: "ffffff",
      login_required: true,
      locale: "en",
      include_in_discourse_discover: false,
    });
  });

  router.get("/site.json", (_req, res) => {
    const viewer = currentUser(res);
    res.json({
      default_archetype: "regular",
      notification_types: {},
      post_action_types: [2, 3, 4, 6, 7, 8, 10].map((id) => ({ id, name_key: { 2: "like", 3: "off_topic", 4: "inappropriate", 6: "notify_user", 7: "notify_moderators", 8: "spam", 10: "illegal" }[id], is_flag: id !== 2 })),
      trust_levels: [0, 1, 2, 3, 4].map((id) => ({ id, name: ["new user", "basic user", "member", "regular", "leader"][id] })),
      groups: [...ctx.state.groups.values()].filter((g) => !g.automatic || isStaff(viewer)).map((g) => serializeBasicGroup(ctx, g, viewer)).map((g) => ({ id: g.id, name: g.name, flair_url: null, flair_bg_color: null, flair_color: null })),
      user_fields: SEED_USER_FIELDS.map((f, i) => ({ id: f.id, name: f.name, description: f.name, field_type: f.field_type, editable: true, required: false, show_on_profile: false, show_on_user_card: false, searchable: false, position: i, options: [...f.options] })),
      categories: visibleCategories(ctx, viewer).map((c) => serializeCategory(ctx, c, viewer)),
      archetypes: [{ id: "regular", name: "Regular Topic", options: [] }],
      can_create_tag: false,
      can_tag_topics: false,
    });
  });

  return router;
}
