import { afterEach, describe, expect, it } from "vitest";
import { defineBot } from "../../../plugins/app/define-bot.ts";
import type { Bot } from "../../../plugins/app/types.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

interface Seen {
  event: string;
  postId?: number;
  raw?: string;
}

function recordingBot(seen: Seen[], name = "recorder", fail = false): Bot {
  return defineBot({
    name,
    lane: "onboarding",
    account: "greeter",
    setup(app) {
      app.on("post_created", (ctx) => {
        seen.push({ event: ctx.name, postId: ctx.payload.post.id, raw: ctx.payload.post.raw });
        if (fail) throw new Error("this bot always fails");
      });
      app.onPmReply(async (ctx) => {
        seen.push({ event: "pm_reply", raw: ctx.text });
        await ctx.reply("thanks, noted", `recorder-reply-${ctx.post.id}`);
        return true;
      });
      app.command(/^digest on\b/, async (ctx) => {
        seen.push({ event: "command", raw: ctx.text });
        return true;
      });
      app.task("welcome", async (ctx) => {
        const user = ctx.data as { username: string; userId: number };
        await ctx.sendPrivateMessage({ to: [user.username], title: "Hello from the team", raw: "Hi there, and welcome.", idempotencyKey: `welcome-${user.userId}`, memberId: user.userId, kind: "welcome" });
      });
    },
  });
}

describe("the webhook → queue → worker → bot pipeline", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  const enabled = (names: string[]) => ({ enabledBots: names });

  it("should bring a signed post_created from the forum to a bot handler", async () => {
    const seen: Seen[] = [];
    kindred = await startKindred({ bots: [recordingBot(seen)], overrides: enabled(["recorder"]) });
    const outcome = kindred.forum.actAs("jordan").createPost({ title: "Checking in this week", raw: "Day 40 and feeling steady today.", category: 1 });
    await kindred.settle();
    expect(seen.map((s) => s.event)).toEqual(["post_created"]);
    expect(seen[0].raw).toBe("Day 40 and feeling steady today.");
    expect(seen[0].postId).toBe((outcome as { post?: { id: number } }).post?.id ?? seen[0].postId);
  });

  it("should run a redelivered event once, although Discourse gives the retry a new event id", async () => {
    const seen: Seen[] = [];
    kindred = await startKindred({ bots: [recordingBot(seen)], overrides: enabled(["recorder"]) });
    kindred.forum.actAs("riley").createPost({ title: "A good week for me", raw: "Went to two meetings and called my sponsor.", category: 1 });
    await kindred.settle();
    const admin = kindred.runtime.services.client("system", "maintenance");
    const [hook] = (await admin.listWebhooks()).web_hooks;
    const delivered = (await admin.listWebhookEvents(hook.id, { status: "successful" })).web_hook_events;
    expect(delivered.length).toBeGreaterThan(0);
    for (const event of delivered) await admin.redeliverWebhookEvent(hook.id, event.id);
    await kindred.settle();
    expect(seen.filter((s) => s.event === "post_created")).toHaveLength(1);
  });

  it("should drop events caused by Kindred's own accounts", async () => {
    const seen: Seen[] = [];
    kindred = await startKindred({ bots: [recordingBot(seen)], overrides: enabled(["recorder"]) });
    kindred.forum.actAs("kindred").createPost({ title: "Weekly note from the team", raw: "A note from the bot account.", category: 1 });
    await kindred.settle();
    expect(seen).toEqual([]);
  });

  it("should keep one bot's failure from stopping another, and keep no post text in the failed job", async () => {
    const good: Seen[] = [];
    const bad: Seen[] = [];
    kindred = await startKindred({ bots: [recordingBot(good, "good"), recordingBot(bad, "bad", true)], overrides: enabled(["good", "bad"]) });
    kindred.forum.actAs("morgan").createPost({ title: "Hello everyone here", raw: "Private words that must not stay in Redis.", category: 1 });
    await kindred.settle();
    expect(good).toHaveLength(1);
    expect(bad.length).toBeGreaterThanOrEqual(2);
    const failed = await kindred.runtime.queues.events.getFailed();
    expect(failed).toHaveLength(1);
    expect(failed[0].failedReason).toContain("[bad]");
    expect(JSON.stringify(failed[0].data)).not.toContain("Private words");
    expect(failed[0].data.ref.type).toBe("post");
  });

  it("should route replies in a bot's PM thread: the owner's handler, then stop, help and forget me", async () => {
    const seen: Seen[] = [];
    kindred = await startKindred({ bots: [recordingBot(seen)], overrides: enabled(["recorder"]) });
    const riley = kindred.forum.state.users.get([...kindred.forum.state.users.values()].find((u) => u.username === "riley")!.id)!;
    await kindred.runtime.services.queues.tasks.add("recorder.welcome", { bot: "recorder", task: "welcome", data: { username: "riley", userId: riley.id } });
    await kindred.settle();
    const failedTasks = await kindred.runtime.queues.tasks.getFailed();
    expect(failedTasks.map((j) => j.failedReason)).toEqual([]);
    const thread = await kindred.runtime.store.db.selectFrom("pm_threads").selectAll().executeTakeFirstOrThrow();
    expect(thread).toMatchObject({ bot: "recorder", kind: "welcome", user_id: riley.id });

    kindred.forum.actAs("riley").createPost({ topic_id: thread.topic_id, raw: "Thank you, glad to be here" });
    await kindred.settle();
    expect(seen.filter((s) => s.event === "pm_reply").map((s) => s.raw)).toEqual(["Thank you, glad to be here"]);

    kindred.forum.actAs("riley").createPost({ topic_id: thread.topic_id, raw: "stop please" });
    await kindred.settle();
    expect(await kindred.runtime.services.members.maySend(riley.id, "recorder", new Date())).toBe(false);
    expect(await kindred.runtime.services.members.maySend(riley.id, "other-bot", new Date())).toBe(true);

    kindred.forum.actAs("riley").createPost({ topic_id: thread.topic_id, raw: "please forget me" });
    await kindred.settle();
    expect(await kindred.runtime.services.members.get(riley.id)).toBeUndefined();
    const replies = [...kindred.forum.state.posts.values()].filter((p) => p.topicId === thread.topic_id && p.userId !== riley.id);
    expect(replies.map((p) => p.raw).join("\n")).toMatch(/everything Kindred kept about you has been deleted/);
  });

  it("should route a PM a member opens to the bot account, and never a PM between members", async () => {
    const seen: Seen[] = [];
    kindred = await startKindred({ bots: [recordingBot(seen)], overrides: enabled(["recorder"]) });
    kindred.forum.actAs("riley").createPost({ title: "About the weekly note", raw: "digest on please", archetype: "private_message", target_recipients: "kindred" });
    kindred.forum.actAs("dana").createPost({ title: "Coffee this week?", raw: "digest on please, and coffee?", archetype: "private_message", target_recipients: "riley" });
    await kindred.settle();
    expect(seen.filter((s) => s.event === "command").map((s) => s.raw)).toEqual(["digest on please"]);
  });

  it("should answer /healthz, /readyz and /metrics", async () => {
    kindred = await startKindred({ bots: [recordingBot([])], overrides: enabled(["recorder"]) });
    const base = kindred.runtime.url!;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { redis: true, store: true } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain("kindred_webhooks_total");
    expect(metrics).toContain('kindred_queue_depth{queue="events"');
  });
});
