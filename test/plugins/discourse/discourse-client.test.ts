import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ApiBudget, createApiBudget } from "../../../plugins/discourse/create-api-budget.ts";
import { createDiscourseClient, type DiscourseClientOptions } from "../../../plugins/discourse/create-discourse-client.ts";
import { DiscourseApiError, DiscourseHttpError } from "../../../plugins/discourse/errors.ts";
import { createMemoryIdempotencyStore } from "../../../plugins/discourse/idempotency.ts";
import { createFakeFetch, type FakeFetch, type FakeHandler, json } from "./fake-fetch.ts";
import { connect, deleteKeys, testPrefix } from "./redis-helpers.ts";

const API_KEY = "k3y-0f-the-f0rum-that-must-never-leak-1234567890abcdef";
const BASE = "https://forum.test";
const created = { id: 501, topic_id: 77, post_number: 1, raw: "secret words", cooked: "<p>secret words</p>" };

describe("createDiscourseClient", () => {
  let redis: Redis;
  let prefix: string;
  let budget: ApiBudget;
  let fake: FakeFetch | undefined;
  let logLines: string[];

  beforeEach(() => {
    redis = connect();
    prefix = testPrefix();
    budget = createApiBudget({ redis, prefix, perWindow: 1000, windowMs: 60_000, crisisReserve: 10 });
    fake = undefined;
    logLines = [];
  });

  afterEach(async () => {
    expect(fake?.unhandled ?? []).toEqual([]);
    await budget.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  function client(routes: Record<string, FakeHandler | FakeHandler[]>, options: Partial<DiscourseClientOptions> = {}) {
    fake = createFakeFetch(routes);
    const logger = {
      debug: (fields: Record<string, unknown>, msg: string) => void logLines.push(JSON.stringify({ ...fields, msg })),
      warn: (fields: Record<string, unknown>, msg: string) => void logLines.push(JSON.stringify({ ...fields, msg })),
    };
    return createDiscourseClient({
      baseUrl: `${BASE}/`,
      apiKey: API_KEY,
      botUsernames: ["kindred", "Kindred-Crisis"],
      budget,
      fetch: fake.fetch,
      logger,
      ...options,
    });
  }

  it("should send Api-Key, Api-Username and Accept on every call and a JSON body on writes", async () => {
    const forum = client({ "POST /posts.json": () => json(created) });
    const ref = await forum.as({ username: "kindred", lane: "onboarding" }).createPrivateMessage({
      title: "Welcome",
      raw: "Hello",
      targetRecipients: ["alice", "peer-group"],
      idempotencyKey: "welcome-1",
    });
    expect(ref).toEqual({ id: 501, topic_id: 77, post_number: 1 });
    const [call] = fake!.calls;
    expect(call.url.href).toBe(`${BASE}/posts.json`);
    expect(call.headers.get("Api-Key")).toBe(API_KEY);
    expect(call.headers.get("Api-Username")).toBe("kindred");
    expect(call.headers.get("Accept")).toBe("application/json");
    expect(call.headers.get("Content-Type")).toBe("application/json");
    expect(call.body).toEqual({ title: "Welcome", raw: "Hello", archetype: "private_message", target_recipients: "alice,peer-group" });
    expect(logLines.join("\n")).not.toContain(API_KEY);
    expect(logLines.join("\n")).not.toContain("Hello");
  });

  it("should refuse to act as anyone but a configured bot account or system", () => {
    const forum = client({});
    expect(() => forum.as({ username: "alice", lane: "crisis" })).toThrow(/refusing to act as "alice"/);
    expect(forum.as({ username: "kindred-crisis", lane: "crisis" }).username).toBe("kindred-crisis");
    expect(forum.as({ username: "system", lane: "maintenance" }).username).toBe("system");
  });

  it("should turn a timeout into a DiscourseHttpError", async () => {
    const hang: FakeHandler = ({ signal }) =>
      new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
    const forum = client({ "GET /posts/9.json": hang }, { timeoutMs: 150 });
    const error = await forum.as({ username: "kindred", lane: "digest" }).getPost(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscourseHttpError);
    expect(error).toMatchObject({ timedOut: true, method: "GET", path: "/posts/9.json" });
    expect((error as Error).message).toMatch(/^\[discourse\] GET \/posts\/9\.json timed out after 150 ms/);
  });

  it("should rethrow the caller's abort reason rather than a timeout", async () => {
    const hang: FakeHandler = ({ signal }) =>
      new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
    const forum = client({ "GET /t/3.json": hang });
    const controller = new AbortController();
    const pending = forum.as({ username: "kindred", lane: "digest" }).getTopic(3, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    await expect(pending).rejects.toThrow("shutting down");
  });

  it("should turn a network failure into a DiscourseHttpError with its cause", async () => {
    const forum = client({
      "GET /u/bob.json": () => {
        throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
      },
    });
    const error = await forum.as({ username: "kindred", lane: "onboarding" }).getUser("bob").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscourseHttpError);
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect((error as DiscourseHttpError).cause).toBeInstanceOf(TypeError);
  });

  it("should turn a 422 into a DiscourseApiError with Discourse's errors and never the key", async () => {
    const forum = client({
      "POST /posts.json": () =>
        json({ action: "create_post", errors: ["Title is too short", `echo ${API_KEY}`] }, 422),
    });
    const error = await forum
      .as({ username: "kindred", lane: "groups" })
      .replyToTopic({ topicId: 5, raw: "hi there", idempotencyKey: "r-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscourseApiError);
    expect(error).toMatchObject({ status: 422, method: "POST", path: "/posts.json" });
    expect((error as DiscourseApiError).errors[0]).toBe("Title is too short");
    expect((error as DiscourseApiError).permanent).toBe(true);
    expect((error as Error).message).toMatch(/^\[discourse\] POST \/posts\.json answered 422: Title is too short/);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(String((error as Error).stack)).not.toContain(API_KEY);
  });

  it("should wait out a 429 with Retry-After, pause the shared budget, and then succeed", async () => {
    let on429 = 0;
    await budget.close();
    budget = createApiBudget({ redis, prefix, perWindow: 1000, windowMs: 60_000, metrics: { on429: () => void on429++ } });
    const forum = client({
      "GET /review.json": [
        () => json({ errors: ["slow down"], error_type: "rate_limit", extras: { wait_seconds: 30 } }, 429, { "Retry-After": "1" }),
        () => json({ reviewables: [], meta: { total_rows_reviewables: 0 } }),
      ],
    });
    const other = createApiBudget({ redis: connect(), prefix, perWindow: 1000, windowMs: 60_000 });
    const started = Date.now();
    const pending = forum.as({ username: "kindred", lane: "crisis" }).listReviewables({ status: "pending" });
    await new Promise((r) => setTimeout(r, 200));
    expect((await other.snapshot()).pausedUntil).toBeGreaterThan(Date.now());
    const list = await pending;
    expect(list.reviewables).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake!.calls).toHaveLength(2);
    expect(fake!.calls[0].url.search).toBe("?status=pending");
    expect(on429).toBe(1);
    await other.close();
  });

  it("should parse Discourse's plain-text 429 and wait that long", async () => {
    const plain: FakeHandler = () =>
      new Response("Slow down, too many requests from this IP address. Please retry again in 1 seconds. Error code: ip_10_secs_limit.", {
        status: 429,
        headers: { "Content-Type": "text/plain" },
      });
    const forum = client({ "GET /groups/peers.json": [plain, () => json({ group: { id: 3, name: "peers" } })] });
    const started = Date.now();
    const group = await forum.as({ username: "kindred", lane: "groups" }).getGroup("peers");
    expect(group.group.id).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("should give up with the 429 when the wait exceeds maxRateLimitWaitMs", async () => {
    const forum = client(
      { "GET /top.json": () => json({ errors: ["wait"], error_type: "rate_limit" }, 429, { "Retry-After": "60" }) },
      { maxRateLimitWaitMs: 5_000 },
    );
    const error = await forum
      .as({ username: "kindred", lane: "digest" })
      .topTopics({ period: "weekly", perPage: 10 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 60_000, errorType: "rate_limit" });
    expect((error as DiscourseApiError).permanent).toBe(false);
  });

  it("should make a write once per idempotency key", async () => {
    const idempotency = createMemoryIdempotencyStore();
    const forum = client({ "POST /posts.json": () => json(created) }, { idempotency });
    const bot = forum.as({ username: "kindred", lane: "onboarding" });
    const input = { title: "Hi", raw: "Welcome", targetRecipients: ["alice"], idempotencyKey: "welcome-alice" };
    const first = await bot.createPrivateMessage(input);
    const second = await bot.createPrivateMessage(input);
    expect(second).toEqual(first);
    expect(fake!.calls).toHaveLength(1);
    // What is kept is a reference, never the text.
    expect(JSON.stringify(await idempotency.get("discourse:pm:welcome-alice"))).not.toContain("secret words");
  });

  it("should flag with notify_moderators and a message, and treat an earlier flag by this bot as done", async () => {
    const idempotency = createMemoryIdempotencyStore();
    const forum = client(
      {
        "POST /post_actions.json": [
          () => json({ id: 40, actions_summary: [{ id: 7, acted: true }] }),
          () => json({ errors: ["You are not permitted to view the requested resource."], error_type: "invalid_access" }, 403),
        ],
        "GET /posts/40.json": () => json({ id: 40, actions_summary: [{ id: 7, count: 1, acted: true }] }),
      },
      { idempotency },
    );
    const crisis = forum.as({ username: "kindred-crisis", lane: "crisis" });
    const flagged = await crisis.flagPost({ postId: 40, message: "Please check on this member", idempotencyKey: "flag-40" });
    expect(flagged).toEqual({ postId: 40, status: "flagged" });
    expect(fake!.calls[0].body).toEqual({ id: 40, post_action_type_id: 7, message: "Please check on this member", flag_topic: false });
    // A retried job with a new key (e.g. the store was wiped) meets Discourse's refusal: still done.
    const again = await crisis.flagPost({ postId: 40, message: "Please check on this member", idempotencyKey: "flag-40-b" });
    expect(again).toEqual({ postId: 40, status: "already_flagged" });
    // The same key again makes no call at all.
    const calls = fake!.calls.length;
    await crisis.flagPost({ postId: 40, message: "Please check on this member", idempotencyKey: "flag-40" });
    expect(fake!.calls).toHaveLength(calls);
  });

  it("should deny a membership request by omitting accept, and accept with a non-empty accept", async () => {
    const forum = client({ "PUT /groups/12/handle_membership_request.json": () => json({ success: "OK" }) });
    const groups = forum.as({ username: "kindred", lane: "groups" });
    await groups.handleMembershipRequest(12, 99, false);
    await groups.handleMembershipRequest(12, 99, true);
    expect(fake!.calls.map((c) => c.body)).toEqual([{ user_id: 99 }, { user_id: 99, accept: "true" }]);
  });

  it("should page through all group members", async () => {
    const member = (id: number) => ({ id, username: `m${id}`, name: null, avatar_template: "" });
    const forum = client({
      "GET /groups/peers/members.json": ({ url }) => {
        const offset = Number(url.searchParams.get("offset"));
        const ids = [1, 2, 3, 4, 5].slice(offset, offset + 2);
        return json({ members: ids.map(member), owners: [], meta: { total: 5, limit: 2, offset } });
      },
    });
    const names: string[] = [];
    for await (const m of forum.as({ username: "kindred", lane: "groups" }).iterateGroupMembers("peers", { pageSize: 2 })) {
      names.push(m.username);
    }
    expect(names).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    expect(fake!.calls).toHaveLength(3);
  });

  it("should build the catch-up, digest and admin webhook requests Discourse expects", async () => {
    const ok = () => json({});
    const forum = client({
      "GET /posts.json": ok,
      "GET /private-posts.json": ok,
      "GET /directory_items.json": ok,
      "GET /admin/users/list/new.json": () => json([]),
      "POST /admin/api/web_hooks.json": ok,
      "GET /admin/api/web_hook_events/4.json": ok,
      "POST /admin/api/web_hooks/4/events/8/redeliver": ok,
      "POST /admin/api/web_hooks/4/events/failed_redeliver": ok,
      "PUT /admin/site_settings/retry_web_hook_events.json": ok,
      "DELETE /groups/12/members.json": ok,
    });
    const bot = forum.as({ username: "kindred", lane: "maintenance" });
    await bot.latestPosts({ before: 1000 });
    await bot.privatePosts();
    await bot.directoryItems({ period: "weekly", order: "likes_received", page: 0, limit: 20, group: "peers" });
    await bot.listNewUsers({ page: 2 });
    await bot.createWebhook({ payload_url: "https://kindred.test/webhooks/discourse", secret: "twelve-chars-at-least" });
    await bot.listWebhookEvents(4, { status: "failed", offset: 50 });
    await bot.redeliverWebhookEvent(4, 8);
    await bot.redeliverFailed(4);
    await bot.updateSiteSetting("retry_web_hook_events", true);
    await bot.removeGroupMembers(12, ["a", "b"]);
    const urls = fake!.calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`);
    expect(urls).toEqual([
      "GET /posts.json?before=1000",
      "GET /private-posts.json",
      "GET /directory_items.json?period=weekly&order=likes_received&page=0&limit=20&group=peers",
      "GET /admin/users/list/new.json?order=created&page=2",
      "POST /admin/api/web_hooks.json",
      "GET /admin/api/web_hook_events/4.json?status=failed&offset=50",
      "POST /admin/api/web_hooks/4/events/8/redeliver",
      "POST /admin/api/web_hooks/4/events/failed_redeliver",
      "PUT /admin/site_settings/retry_web_hook_events.json",
      "DELETE /groups/12/members.json",
    ]);
    expect(fake!.calls[4].body).toEqual({
      web_hook: { content_type: 1, payload_url: "https://kindred.test/webhooks/discourse", secret: "twelve-chars-at-least" },
    });
    expect(fake!.calls[8].body).toEqual({ retry_web_hook_events: true });
    expect(fake!.calls[9].body).toEqual({ usernames: "a,b" });
    expect(logLines.join("\n")).not.toContain("twelve-chars-at-least");
  });

  it("should report health without throwing, as system on the maintenance lane", async () => {
    const forum = client({
      "GET /site/basic-info.json": [() => json({ title: "Kindred Test" }), () => json({ errors: ["down"] }, 503)],
    });
    await expect(forum.health()).resolves.toMatchObject({ ok: true, title: "Kindred Test" });
    await expect(forum.health()).resolves.toMatchObject({ ok: false, status: 503 });
    expect(fake!.calls[0].headers.get("Api-Username")).toBe("system");
  });
});
