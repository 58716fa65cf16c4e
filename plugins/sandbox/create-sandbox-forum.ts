import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import express, { type Express } from "express";
import { type CreatePostOutcome, type CreatePostParams, createPost } from "./actions/create-post.ts";
import { editPost } from "./actions/edit-post.ts";
import { addToGroup, removeFromGroup, requestMembership } from "./actions/groups.ts";
import { type PerformResult, performReviewableAction } from "./actions/perform-reviewable.ts";
import { performPostAction } from "./actions/post-action.ts";
import { activateUser, approveUser, type CreateUserParams, createUser, destroyUser, suspendUser } from "./actions/users.ts";
import { applySeed } from "./apply-seed.ts";
import { type ApiKeyDefinition, createAuth } from "./auth.ts";
import { installBaseRecords } from "./base-records.ts";
import type { SandboxContext } from "./context.ts";
import { notFound, renderSandboxError } from "./errors.ts";
import { createAdminApiRateLimit, type Forced429 } from "./rate-limit-middleware.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { mountRoutes } from "./routes/mount-routes.ts";
import { startSession } from "./routes/session-routes.ts";
import { coerceSetting, installSiteSettings } from "./site-settings.ts";
import { createState, findGroupByName, findUserByUsername, nextId, type SandboxState } from "./state.ts";
import type { GroupRecord, PostActionRecord, PostRecord, SiteSettingValue, UserRecord } from "./types.ts";
import { createWebhookEmitter } from "./webhooks/webhook-emitter.ts";

/** A webhook the forum delivers to from the start (as if an admin had configured it). */
export interface SandboxWebhookOption {
  url: string;
  /** At least 12 characters, as Discourse validates. */
  secret: string;
  /** Subscription names (`post_created`, `reviewable_updated`, `post_liked`, …) or `"all"` (wildcard). */
  events: string[] | "all";
  /** @defaultValue "application/json" */
  contentType?: "application/json" | "application/x-www-form-urlencoded";
  /** Deliver only events of these categories (drops PMs and user events, as Discourse does). */
  categoryIds?: number[];
}

export interface SandboxForumOptions {
  /** Admin API keys; strings are global keys. @defaultValue one generated global key (`forum.apiKey`) */
  adminApiKeys?: Array<string | ApiKeyDefinition>;
  /**
   * The one site-wide admin-API bucket shared by every key (sliding window, like Discourse's
   * `max_admin_api_reqs_per_minute`). `plainText` answers over-limit calls with the middleware's
   * text/plain 429 instead of the JSON one. @defaultValue `{ max: 60, windowMs: 60_000 }`
   */
  /** `now`: the limiter's own clock (ms); Discourse's limiter runs on real time, so it defaults to Date.now even when the forum clock is a test's fake one. */
  rateLimit?: { max: number; windowMs: number; plainText?: boolean; now?: () => number };
  webhooks?: SandboxWebhookOption[];
  /** Load the demo community (seed-data.ts). @defaultValue true */
  seed?: boolean;
  /** The forum clock. @defaultValue `() => new Date()` */
  now?: () => Date;
  /** Delivery tuning: receiver timeout and the length of a retry "minute". @defaultValue 20 s, 60 s */
  webhookDelivery?: { timeoutMs?: number; retryMinuteMs?: number };
  /** Site settings to start with, e.g. `{ retry_web_hook_events: true }`. */
  siteSettings?: Record<string, SiteSettingValue>;
}

/** What a member (or moderator) can do in the demo, through the same code as the HTTP API. */
export interface ActingUser {
  user: UserRecord;
  /** A topic (`title`, `category`), a reply (`topic_id`, `reply_to_post_number`) or a PM (`archetype: "private_message"`, `target_recipients`). */
  createPost(params: CreatePostParams): CreatePostOutcome;
  editPost(postId: number, params: { raw: string; title?: string; edit_reason?: string }): PostRecord;
  likePost(postId: number): PostActionRecord;
  flagPost(postId: number, postActionTypeId: number, message?: string): PostActionRecord;
  requestMembership(groupName: string, reason: string): { relativeUrl: string };
}

export interface SandboxForum {
  app: Express;
  state: SandboxState;
  /** The first global admin key. */
  apiKey: string;
  /** `http://host:port` once listening, else "". */
  readonly baseUrl: string;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** Stops the server and scheduled retries, after in-flight deliveries finish. */
  close(): Promise<void>;
  actAs(username: string): ActingUser;
  createUser(params: CreateUserParams): UserRecord;
  confirmEmail(username: string): UserRecord;
  approveUser(username: string): UserRecord;
  suspendUser(username: string, options?: { until?: string; reason?: string; by?: string }): UserRecord;
  destroyUser(username: string, options?: { deletePosts?: boolean; by?: string }): void;
  /** Adds members as a moderator would (default actor: the first moderator of the seed, else system). */
  addToGroup(groupName: string, usernames: string[], options?: { by?: string }): UserRecord[];
  removeFromGroup(groupName: string, usernames: string[], options?: { by?: string }): UserRecord[];
  likePost(username: string, postId: number): PostActionRecord;
  approveQueuedPost(reviewableId: number, options?: { by?: string }): PerformResult;
  performReviewableAction(reviewableId: number, actionId: string, options?: { by?: string; version?: number }): PerformResult;
  setSiteSetting(name: string, value: SiteSettingValue): void;
  /** `true`: deliveries fail as refused connections (status -1); `{ status }`: as that HTTP status. */
  setWebhookReceiverDown(down: boolean | { status: number }): void;
  /** The next admin-API call answers 429 with this `Retry-After` (JSON, or the plain-text variant). */
  forceRateLimit(retryAfterSeconds: number, options?: { format?: "json" | "text" }): void;
  /** Resolves when no webhook delivery is queued or in flight. */
  webhooksIdle(): Promise<void>;
  /** A browser session for `username` as a `Cookie` header value (`_t=…`), for the DiscourseConnect provider. */
  sessionCookie(username: string): string;
}

const CONTENT_TYPE_IDS = { "application/json": 1, "application/x-www-form-urlencoded": 2 } as const;

/** Creates (but does not start) a sandbox forum. */
export function createSandboxForum(options: SandboxForumOptions = {}): SandboxForum {
  const state = createState();
  const now = options.now ?? (() => new Date());
  let baseUrl = "";
  const webhooks = createWebhookEmitter({ state, now, baseUrl: () => baseUrl || "http://sandbox.invalid", ...options.webhookDelivery });
  const ctx: SandboxContext = { state, now, baseUrl: () => baseUrl || "http://sandbox.invalid", webhooks, createMemo: new Map(), dailyActions: new Map(), sessions: new Map() };

  installSiteSettings(state);
  installBaseRecords(state, now().toISOString());
  if (options.seed !== false) applySeed(ctx);
  for (const [name, value] of Object.entries(options.siteSettings ?? {})) setSetting(name, value);
  for (const hook of options.webhooks ?? []) {
    if (hook.secret.length < 12) throw new Error("[sandbox] a webhook secret needs at least 12 characters, as Discourse validates");
    const id = nextId(state, "web_hooks");
    state.webHooks.set(id, {
      id,
      payloadUrl: hook.url,
      secret: hook.secret,
      contentType: CONTENT_TYPE_IDS[hook.contentType ?? "application/json"],
      wildcard: hook.events === "all",
      active: true,
      verifyCertificate: true,
      eventTypeNames: new Set(hook.events === "all" ? [] : hook.events),
      categoryIds: hook.categoryIds ?? [],
      groupIds: [],
      lastDeliveryStatus: 1,
      createdAt: now().toISOString(),
    });
  }

  const keys = new Map<string, ApiKeyDefinition>();
  for (const key of options.adminApiKeys ?? [randomBytes(32).toString("hex")]) {
    const def = typeof key === "string" ? { key } : key;
    keys.set(def.key, def);
  }
  const apiKey = [...keys.values()].find((k) => !k.readOnly && !k.username)?.key ?? [...keys.keys()][0];

  const limit = options.rateLimit ?? { max: 60, windowMs: 60_000 };
  const limiter = createRateLimiter(limit.max, limit.windowMs, limit.now ?? (() => Date.now()));
  let forced: Forced429 | null = null;

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "10mb" }));
  app.use(express.urlencoded({ extended: true, limit: "10mb" }));
  mountRoutes(app, ctx, {
    auth: createAuth(ctx, keys),
    rateLimit: createAdminApiRateLimit(limiter, () => {
      const taken = forced;
      forced = null;
      return taken;
    }, limit.plainText === true),
  });
  app.use(() => {
    throw notFound();
  });
  app.use(renderSandboxError);

  function setSetting(name: string, value: SiteSettingValue): void {
    const record = state.siteSettings.get(name);
    if (!record) throw new Error(`[sandbox] unknown site setting ${name}`);
    const coerced = coerceSetting(record, value);
    if (coerced === undefined) throw new Error(`[sandbox] invalid value for site setting ${name}`);
    record.value = coerced;
  }
  function user(username: string): UserRecord {
    const found = findUserByUsername(state, username);
    if (!found) throw new Error(`[sandbox] no user ${username}`);
    return found;
  }
  function group(name: string): GroupRecord {
    const found = findGroupByName(state, name);
    if (!found) throw new Error(`[sandbox] no group ${name}`);
    return found;
  }
  function moderator(by?: string): UserRecord {
    if (by) return user(by);
    return [...state.users.values()].find((u) => u.moderator && !u.admin && u.id > 0) ?? user("system");
  }
  function actAs(username: string): ActingUser {
    const actor = user(username);
    return {
      user: actor,
      createPost: (params) => createPost(ctx, actor, params, { api: false }),
      editPost: (postId, params) => editPost(ctx, actor, postId, params),
      likePost: (postId) => performPostAction(ctx, actor, { id: postId, post_action_type_id: 2 }).action,
      flagPost: (postId, typeId, message) => performPostAction(ctx, actor, { id: postId, post_action_type_id: typeId, message }).action,
      requestMembership: (groupName, reason) => requestMembership(ctx, actor, group(groupName), reason),
    };
  }

  let server: Server | undefined;
  return {
    app,
    state,
    apiKey,
    get baseUrl() {
      return baseUrl;
    },
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, host, (error?: Error) => {
          if (error) {
            reject(error);
            return;
          }
          const address = s.address();
          const actualPort = typeof address === "object" && address ? address.port : port;
          baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;
          resolve({ url: baseUrl });
        });
        server = s;
      });
    },
    async close() {
      webhooks.close();
      await webhooks.idle();
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve, reject) => s.close((error) => (error ? reject(error) : resolve())));
    },
    actAs,
    createUser: (params) => createUser(ctx, params),
    confirmEmail: (username) => activateUser(ctx, user("system"), user(username).id),
    approveUser: (username) => approveUser(ctx, user("system"), user(username).id),
    suspendUser: (username, o = {}) =>
      suspendUser(ctx, moderator(o.by), user(username).id, o.until ?? new Date(now().getTime() + 7 * 86_400_000).toISOString(), o.reason ?? "Suspended in the sandbox"),
    destroyUser: (username, o = {}) => destroyUser(ctx, o.by ? user(o.by) : user("system"), user(username).id, o.deletePosts === true),
    addToGroup: (groupName, usernames, o = {}) => addToGroup(ctx, moderator(o.by), group(groupName), usernames.map(user)),
    removeFromGroup: (groupName, usernames, o = {}) => removeFromGroup(ctx, moderator(o.by), group(groupName), usernames.map(user)).removed,
    likePost: (username, postId) => actAs(username).likePost(postId),
    approveQueuedPost: (reviewableId, o = {}) => {
      const r = state.reviewables.get(reviewableId);
      return performReviewableAction(ctx, moderator(o.by), reviewableId, "approve_post", r?.version);
    },
    performReviewableAction: (reviewableId, actionId, o = {}) =>
      performReviewableAction(ctx, moderator(o.by), reviewableId, actionId, o.version ?? state.reviewables.get(reviewableId)?.version),
    setSiteSetting: setSetting,
    setWebhookReceiverDown: (down) => webhooks.setReceiverMode(down === false ? { down: false } : { down: true, status: down === true ? undefined : down.status }),
    forceRateLimit: (seconds, o = {}) => {
      forced = { seconds, format: o.format ?? "json" };
    },
    webhooksIdle: () => webhooks.idle(),
    sessionCookie: (username) => `_t=${startSession(ctx, user(username))}`,
  };
}
