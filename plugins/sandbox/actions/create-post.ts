import { createHash } from "node:crypto";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound, parameterMissing, unprocessable } from "../errors.ts";
import { canSeeCategory, canSeeTopic, isStaff } from "../guardian.ts";
import { firstPost, setting } from "../state.ts";
import type { CategoryRecord, PostRecord, ReviewableRecord, TopicRecord, UserRecord } from "../types.ts";
import { performDailyAction } from "./daily-limit.ts";
import { emitPost, emitTopic } from "./emit.ts";
import { insertPost, insertTopic } from "./insert-post.ts";
import { enqueuePost } from "./enqueue-post.ts";
import { resolveRecipients } from "./resolve-recipients.ts";

/** The parameters `POST /posts.json` permits (posts_controller.rb `create_params`), loosely typed as they arrive. */
export interface CreatePostParams {
  raw?: unknown;
  title?: unknown;
  topic_id?: unknown;
  category?: unknown;
  archetype?: unknown;
  target_recipients?: unknown;
  reply_to_post_number?: unknown;
  created_at?: unknown;
  skip_validations?: unknown;
}

export type CreatePostOutcome =
  | { action: "created"; post: PostRecord }
  | { action: "enqueued"; reviewable: ReviewableRecord };

const MEMO_MS = 120_000;

function fail(message: string): never {
  throw unprocessable([message], { action: "create_post" });
}

function optionalInt(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

function checkLengths(ctx: SandboxContext, user: UserRecord, params: CreatePostParams, raw: string, pm: boolean, newTopic: boolean): void {
  if (params.skip_validations === true || params.skip_validations === "true") {
    if (isStaff(user)) return;
  }
  const minRaw = Number(setting(ctx.state, pm ? "min_personal_message_post_length" : "min_post_length"));
  if (raw.trim().length < minRaw) fail(`Body is too short (minimum is ${minRaw} characters)`);
  if (!newTopic) return;
  const title = typeof params.title === "string" ? params.title.trim() : "";
  if (title.length === 0) fail("Title can't be blank");
  const minTitle = Number(setting(ctx.state, pm ? "min_personal_message_title_length" : "min_topic_title_length"));
  if (title.length < minTitle) fail(`Title is too short (minimum is ${minTitle} characters)`);
}

/** NewPostManager's approval checks (staff and PMs are exempt). */
function needsApproval(ctx: SandboxContext, user: UserRecord, category: CategoryRecord | undefined, newTopic: boolean): string | null {
  if (isStaff(user)) return null;
  if (user.trustLevel < Number(setting(ctx.state, "approve_unless_trust_level"))) return "trust_level";
  const postCount = [...ctx.state.posts.values()].filter((p) => p.userId === user.id).length;
  if (user.trustLevel <= 1 && postCount < Number(setting(ctx.state, "approve_post_count"))) return "post_count";
  if (category && (newTopic ? category.requireTopicApproval : category.requireReplyApproval)) return "category";
  return null;
}

function memoKey(user: UserRecord, params: CreatePostParams): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha1").update(`${user.id}:${JSON.stringify(sorted)}`).digest("hex");
}

/**
 * Creates a topic, a reply or a PM as `user`, with Discourse's checks, approval queue and webhooks.
 * API creates (`api: true`) are memoized for 120 s on their parameters, as Discourse does, so a
 * retried identical request returns the first post instead of a duplicate.
 */
export function createPost(ctx: SandboxContext, user: UserRecord, params: CreatePostParams, options: { api: boolean }): CreatePostOutcome {
  if (typeof params.raw !== "string" || params.raw.length === 0) throw parameterMissing("raw");
  const raw = params.raw;
  const key = memoKey(user, params);
  const now = ctx.now().getTime();
  const memo = ctx.createMemo.get(key);
  if (options.api && memo && memo.expiresAt > now) return memo.result as CreatePostOutcome;

  const outcome = createUnmemoized(ctx, user, params, raw);
  if (options.api) ctx.createMemo.set(key, { expiresAt: now + MEMO_MS, result: outcome });
  return outcome;
}

function createUnmemoized(ctx: SandboxContext, user: UserRecord, params: CreatePostParams, raw: string): CreatePostOutcome {
  const at = typeof params.created_at === "string" && !Number.isNaN(Date.parse(params.created_at))
    ? new Date(params.created_at).toISOString()
    : ctx.now().toISOString();
  const topicId = optionalInt(params.topic_id);

  if (topicId !== undefined) {
    const topic = ctx.state.topics.get(topicId);
    if (!topic || topic.deletedAt) throw notFound();
    if (!canSeeTopic(ctx, topic, user)) throw invalidAccess();
    if ((topic.closed || topic.archived) && !isStaff(user)) fail("This topic is closed; it no longer accepts new replies.");
    const pm = topic.archetype === "private_message";
    checkLengths(ctx, user, params, raw, pm, false);
    const replyTo = optionalInt(params.reply_to_post_number);
    const category = topic.categoryId === null ? undefined : ctx.state.categories.get(topic.categoryId);
    const reason = pm ? null : needsApproval(ctx, user, category, false);
    if (reason) return { action: "enqueued", reviewable: enqueuePost(ctx, user, { raw, topic, replyToPostNumber: replyTo ?? null, reason, at }) };
    const validReplyTo = replyTo !== undefined && [...ctx.state.posts.values()].some((p) => p.topicId === topic.id && p.postNumber === replyTo) ? replyTo : null;
    const post = insertPost(ctx, user, topic, raw, at, { replyToPostNumber: validReplyTo });
    emitPost(ctx, "post_created", post);
    return { action: "created", post };
  }

  if (params.archetype === "private_message") {
    checkLengths(ctx, user, params, raw, true, true);
    const recipients = resolveRecipients(ctx, user, params.target_recipients);
    performDailyAction(ctx, user, "create_pm");
    const topic = insertTopic(
      ctx,
      user,
      {
        title: String(params.title).trim(),
        categoryId: null,
        archetype: "private_message",
        allowedUserIds: [user.id, ...recipients.users.map((u) => u.id)],
        allowedGroupIds: recipients.groups.map((g) => g.id),
      },
      at,
    );
    return { action: "created", post: publishFirstPost(ctx, user, topic, raw, at) };
  }

  checkLengths(ctx, user, params, raw, false, true);
  const categoryId = optionalInt(params.category) ?? 1;
  const category = ctx.state.categories.get(categoryId);
  if (!category) fail("Category can't be blank");
  if (!canSeeCategory(ctx, category, user)) throw invalidAccess();
  const reason = needsApproval(ctx, user, category, true);
  if (reason) return { action: "enqueued", reviewable: enqueuePost(ctx, user, { raw, title: String(params.title).trim(), category, reason, at }) };
  const topic = insertTopic(ctx, user, { title: String(params.title).trim(), categoryId: category.id, archetype: "regular" }, at);
  return { action: "created", post: publishFirstPost(ctx, user, topic, raw, at) };
}

/** Stores a new topic's first post and raises `topic_created` then `post_created`, as Discourse does. */
export function publishFirstPost(ctx: SandboxContext, user: UserRecord, topic: TopicRecord, raw: string, at: string): PostRecord {
  const post = insertPost(ctx, user, topic, raw, at);
  emitTopic(ctx, "topic_created", topic);
  emitPost(ctx, "post_created", firstPost(ctx.state, topic.id) ?? post);
  return post;
}
