import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";
import { startReceiver } from "./webhook-receiver.ts";

const SECRET = "a-long-enough-webhook-secret";
const sign = (raw: string) => `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}`;

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("sandbox forum: outgoing webhooks", () => {
  let sandbox: StartedSandbox | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterEach(async () => {
    await sandbox?.close();
    await receiver?.close();
    sandbox = undefined;
  });

  it("should sign the exact body and send Discourse's headers", async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: SECRET, events: ["post_created", "topic_created"] }] });
    const api = client(sandbox.url, sandbox.apiKey, "jordan");
    const created = await api("POST", "/posts.json", { title: "Checking in after a long week", raw: "It was a long week but I made it through.", category: 4 });
    expect(created.status).toBe(200);
    await sandbox.forum.webhooksIdle();
    expect(receiver.received.map((r) => r.headers["x-discourse-event"])).toEqual(["topic_created", "post_created"]);
    for (const delivery of receiver.received) {
      expect(delivery.headers["x-discourse-event-signature"]).toBe(sign(delivery.raw));
      expect(delivery.headers["content-type"]).toBe("application/json");
      expect(delivery.headers["user-agent"]).toMatch(/^Discourse\//);
      expect(delivery.headers["x-discourse-instance"]).toBe(sandbox.url);
      expect(delivery.headers["x-discourse-event-id"]).toMatch(/^\d+$/);
    }
    const post = receiver.received[1];
    expect(post.headers["x-discourse-event-type"]).toBe("post");
    const body = JSON.parse(post.raw);
    expect(body.post).toMatchObject({ id: created.json.id, raw: "It was a long week but I made it through.", post_number: 1, version: 1, username: "jordan", topic_archetype: "regular", category_id: 4, category_slug: "check-ins", topic_title: "Checking in after a long week" });
    expect(JSON.parse(receiver.received[0].raw).topic.id).toBe(created.json.topic_id);
  });

  it("should send post_liked, topic_edited for a first post edited with its title, and user events with email", async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: SECRET, events: "all" }] });
    const { forum } = sandbox;
    forum.likePost("riley", 102);
    forum.actAs("jordan").editPost(102, { raw: "Day 100 today. Evenings are easier now.", title: "Weekly check-in: day one hundred" });
    forum.actAs("jordan").editPost(102, { raw: "Day 100 today. Evenings are much easier now." });
    forum.createUser({ username: "newcomer", email: "newcomer@example.com", active: true, timezone: "Europe/Paris" });
    await forum.webhooksIdle();
    const events = receiver.received.map((r) => [r.headers["x-discourse-event-type"], r.headers["x-discourse-event"]]);
    expect(events).toEqual([
      ["like", "post_liked"],
      ["topic", "topic_edited"],
      ["post", "post_edited"],
      ["user", "user_created"],
      ["user", "user_confirmed_email"],
    ]);
    expect(JSON.parse(receiver.received[0].raw).like.user.username).toBe("riley");
    expect(JSON.parse(receiver.received[2].raw).post.version).toBe(3);
    const user = JSON.parse(receiver.received[3].raw).user;
    expect(user.email).toBe("newcomer@example.com");
    expect(user.user_option.timezone).toBe("Europe/Paris");
  });

  it("should record a refused delivery as status -1, not retry it, and redeliver it with the same id", async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: SECRET, events: ["post_created"] }], siteSettings: { retry_web_hook_events: true }, webhookDelivery: { retryMinuteMs: 5 } });
    const { forum } = sandbox;
    forum.setWebhookReceiverDown(true);
    forum.actAs("riley").createPost({ raw: "Thinking of everyone tonight, stay strong.", topic_id: 11 });
    await forum.webhooksIdle();
    await new Promise((r) => setTimeout(r, 50));
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    const failed = await admin("GET", "/admin/api/web_hook_events/1.json?status=failed");
    expect(failed.status).toBe(200);
    expect(failed.json.total_rows_web_hook_events).toBe(1);
    const event = failed.json.web_hook_events[0];
    expect(event.status).toBe(-1);
    expect(JSON.parse(event.headers)["X-Discourse-Event"]).toBe("post_created");
    expect(receiver.received).toHaveLength(0);

    forum.setWebhookReceiverDown(false);
    const redelivered = await admin("POST", `/admin/api/web_hooks/1/events/${event.id}/redeliver`);
    expect(redelivered.status).toBe(200);
    expect(redelivered.json.web_hook_event).toMatchObject({ id: event.id, status: 200 });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers["x-discourse-event-id"]).toBe(String(event.id));
    expect(receiver.received[0].headers["x-discourse-event-signature"]).toBe(sign(receiver.received[0].raw));
    expect((await admin("GET", "/admin/api/web_hook_events/1.json?status=failed")).json.total_rows_web_hook_events).toBe(0);
    expect((await admin("GET", "/admin/api/web_hook_events/1.json?status=successful")).json.total_rows_web_hook_events).toBe(1);
  });

  it("should retry an HTTP failure with a new event id per attempt when retry_web_hook_events is on", async () => {
    receiver = await startReceiver();
    receiver.status.code = 503;
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: SECRET, events: ["post_created"] }], siteSettings: { retry_web_hook_events: true }, webhookDelivery: { retryMinuteMs: 2 } });
    sandbox.forum.actAs("riley").createPost({ raw: "Thinking of everyone tonight, stay strong.", topic_id: 11 });
    await until(() => receiver !== undefined && receiver.received.length >= 3);
    receiver.status.code = 200;
    await until(() => receiver !== undefined && receiver.received.length >= 4);
    const ids = receiver.received.map((r) => r.headers["x-discourse-event-id"]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(4);
  });

  it("should redeliver all failed events through failed_redeliver", async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: SECRET, events: ["post_created"] }] });
    sandbox.forum.setWebhookReceiverDown({ status: 500 });
    sandbox.forum.actAs("riley").createPost({ raw: "First note for the evening group.", topic_id: 11 });
    sandbox.forum.actAs("riley").createPost({ raw: "Second note for the evening group.", topic_id: 11 });
    await sandbox.forum.webhooksIdle();
    sandbox.forum.setWebhookReceiverDown(false);
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    const failed = await admin("GET", "/admin/api/web_hook_events/1.json?status=failed");
    expect(failed.json.web_hook_events.map((e: { status: number }) => e.status)).toEqual([500, 500]);
    const answer = await admin("POST", "/admin/api/web_hooks/1/events/failed_redeliver");
    expect(answer.json.event_ids).toHaveLength(2);
    await sandbox.forum.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
  });

  it("should manage webhooks through the admin API, admins only", async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox();
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    const tooShort = await admin("POST", "/admin/api/web_hooks.json", { web_hook: { payload_url: receiver.url, secret: "short", content_type: 1, web_hook_event_type_ids: [201], active: true } });
    expect(tooShort.status).toBe(422);
    expect(tooShort.json.errors).toContain("Secret is too short (minimum is 12 characters)");
    const created = await admin("POST", "/admin/api/web_hooks.json", { web_hook: { payload_url: receiver.url, secret: SECRET, content_type: 1, web_hook_event_type_ids: [201, 902], active: true } });
    expect(created.status).toBe(200);
    expect(created.json.web_hook.web_hook_event_types.map((t: { name: string }) => t.name)).toEqual(["post_created", "reviewable_updated"]);
    const moderator = client(sandbox.url, sandbox.apiKey, "kindred");
    expect((await moderator("GET", "/admin/api/web_hooks.json")).status).toBe(403);
    const updated = await admin("PUT", `/admin/api/web_hooks/${created.json.web_hook.id}.json`, { web_hook: { wildcard_web_hook: true } });
    expect(updated.json.web_hook.wildcard_web_hook).toBe(true);
    expect((await admin("POST", `/admin/api/web_hooks/${created.json.web_hook.id}/ping`)).status).toBe(200);
    await sandbox.forum.webhooksIdle();
    expect(receiver.received[0].raw).toBe('{"ping":"OK"}');
    expect(receiver.received[0].headers["x-discourse-event"]).toBe("ping");
    expect(receiver.received[0].headers["x-discourse-event-signature"]).toBe(sign('{"ping":"OK"}'));
  });
});
