import type { Server } from "node:http";
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createQueues, type Queues } from "../../../plugins/jobs/create-queues.ts";
import { createRedis } from "../../../plugins/jobs/create-redis.ts";
import { createLogger } from "../../../plugins/log/create-logger.ts";
import { createWebhookRouter, type WebhookOutcome } from "../../../plugins/webhooks/create-webhook-router.ts";
import { verifySignature } from "../../../plugins/webhooks/verify-signature.ts";
import { fixture, fixtureText } from "../../helpers/fixtures.ts";
import { cleanPrefix, REDIS_URL, testPrefix } from "../../helpers/redis.ts";
import { deliveryHeaders } from "../../helpers/sign.ts";

const SECRET = "test-webhook-secret-0123";
const PREVIOUS = "previous-webhook-secret-9";
const log = createLogger({ level: "silent" });

interface Harness {
  url: string;
  queues: Queues;
  outcomes: WebhookOutcome[];
  close(): Promise<void>;
}

async function startReceiver(prefix: string, redisUrl = REDIS_URL): Promise<Harness> {
  const connection = createRedis(redisUrl, "producer");
  const queues = createQueues({ connection, prefix, attempts: 3, backoffMs: 100, keepFailed: 10 });
  const outcomes: WebhookOutcome[] = [];
  const app = express();
  app.use(
    createWebhookRouter({
      secrets: [SECRET, PREVIOUS],
      handled: new Set(["post_created", "reviewable_updated", "topic_created"]),
      queue: queues.events,
      log,
      maxBodyBytes: 1_048_576,
      enqueueTimeoutMs: 1500,
      onOutcome: (outcome) => outcomes.push(outcome),
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/webhooks/discourse`,
    queues,
    outcomes,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await queues.close();
      connection.disconnect();
    },
  };
}

const post = (h: Harness, body: string, headers: Record<string, string>) => fetch(h.url, { method: "POST", body, headers });

describe("webhook receiver", () => {
  let prefix: string;
  let h: Harness;
  beforeEach(async () => {
    prefix = testPrefix();
    h = await startReceiver(prefix);
  });
  afterEach(async () => {
    await h.close();
    await cleanPrefix(prefix);
  });

  it("should verify Discourse's own signature test vector", async () => {
    const vector = fixture<{ secret: string; raw_body: string; headers: Record<string, string> }>("ping.signature-test-vector.json");
    expect(await verifySignature([vector.secret], vector.raw_body, vector.headers["X-Discourse-Event-Signature"])).toBe(true);
    expect(await verifySignature(["another-secret-123"], vector.raw_body, vector.headers["X-Discourse-Event-Signature"])).toBe(false);
  });

  it("should queue a real signed post_created delivery and answer 200", async () => {
    const body = fixtureText("post_created.json");
    const res = await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post"));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { status: string; key: string };
    expect(answer).toEqual({ status: "queued", key: "post_created-post-14-v1" });
    const job = await h.queues.events.getJob(answer.key);
    expect(job?.data.name).toBe("post_created");
    expect(job?.data.ref).toMatchObject({ type: "post", id: 14, topicId: 11 });
  });

  it("should accept the previous secret during a rotation", async () => {
    const body = fixtureText("post_created.2025.json");
    const res = await post(h, body, deliveryHeaders(PREVIOUS, body, "post_created", "post"));
    expect(res.status).toBe(200);
  });

  it("should answer 401 and queue nothing for a wrong or missing signature", async () => {
    const body = fixtureText("post_created.json");
    const wrong = await post(h, body, { ...deliveryHeaders("not-the-secret-xyz", body, "post_created", "post") });
    expect(wrong.status).toBe(401);
    const headers = deliveryHeaders(SECRET, body, "post_created", "post");
    delete headers["X-Discourse-Event-Signature"];
    const missing = await post(h, body, headers);
    expect(missing.status).toBe(401);
    const tampered = await post(h, body.replace('"id": 14', '"id": 15'), deliveryHeaders(SECRET, body, "post_created", "post"));
    expect(tampered.status).toBe(401);
    expect(await h.queues.events.getJobCounts()).toMatchObject({ waiting: 0, delayed: 0, prioritized: 0 });
    expect(h.outcomes).toEqual(["unauthorized", "unauthorized", "unauthorized"]);
  });

  it("should answer 413 above 1 MB without reading it all", async () => {
    const body = JSON.stringify({ post: { id: 1, raw: "x".repeat(2 * 1024 * 1024) } });
    const res = await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post"));
    expect(res.status).toBe(413);
  });

  it("should answer 415 to anything but application/json", async () => {
    const body = fixtureText("post_created.json");
    const res = await post(h, body, { ...deliveryHeaders(SECRET, body, "post_created", "post"), "Content-Type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
  });

  it("should answer 400 to unparsable JSON with a good signature, and to a missing event header", async () => {
    const body = '{"post": {"id": 1,';
    expect((await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post"))).status).toBe(400);
    const ok = fixtureText("post_created.json");
    const headers = deliveryHeaders(SECRET, ok, "post_created", "post");
    delete headers["X-Discourse-Event"];
    const res = await post(h, ok, headers);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("X-Discourse-Event");
  });

  it("should answer ping with 200 and unknown or unhandled events with 202, queueing nothing", async () => {
    const ping = fixtureText("ping.json");
    expect((await post(h, ping, deliveryHeaders(SECRET, ping, "ping", "ping"))).status).toBe(200);
    const body = JSON.stringify({ tag: { id: 3, name: "x" } });
    expect((await post(h, body, deliveryHeaders(SECRET, body, "tag_created", "tag"))).status).toBe(202);
    const user = JSON.stringify({ user: { id: 3, username: "x" } });
    expect((await post(h, user, deliveryHeaders(SECRET, user, "user_logged_in", "user"))).status).toBe(202);
    expect(await h.queues.events.count()).toBe(0);
  });

  it("should map delivered names to the subscription name (reviewable_transitioned_to → reviewable_updated)", async () => {
    const body = JSON.stringify({ reviewable: { id: 9, type: "ReviewableFlaggedPost", status: 1, version: 2 } });
    const res = await post(h, body, deliveryHeaders(SECRET, body, "reviewable_transitioned_to", "reviewable"));
    expect(res.status).toBe(200);
    const { key } = (await res.json()) as { key: string };
    expect((await h.queues.events.getJob(key))?.data).toMatchObject({ name: "reviewable_updated", deliveredAs: "reviewable_transitioned_to" });
  });

  it("should run a duplicate delivery once, even when Discourse gives the retry a new event id", async () => {
    const body = fixtureText("post_created.private_message.json");
    const first = await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post", 41));
    const second = await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post", 42));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { status: string }).status).toBe("duplicate");
    expect(await h.queues.events.count()).toBe(1);
  });

  it("should keep no e-mail address and no rendered HTML in the queued job", async () => {
    const body = JSON.stringify({ post: { ...fixture<{ post: object }>("post_created.json").post, email: "a@b.example" } });
    const res = await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post"));
    const { key } = (await res.json()) as { key: string };
    const job = await h.queues.events.getJob(key);
    const stored = JSON.stringify(job?.data);
    expect(stored).not.toContain("a@b.example");
    expect(stored).not.toContain("<ul>");
  });
});

describe("webhook receiver without Redis", () => {
  it("should answer 503 when the queue cannot take the event, so Discourse can deliver it again", async () => {
    // A port where nothing listens stands for a stopped Redis (the runtime test stops a real one).
    const prefix = testPrefix();
    const h = await startReceiver(prefix, "redis://127.0.0.1:1");
    try {
      const body = fixtureText("post_created.json");
      const res = await post(h, body, deliveryHeaders(SECRET, body, "post_created", "post"));
      expect(res.status).toBe(503);
      expect(h.outcomes).toEqual(["unavailable"]);
    } finally {
      await h.close();
    }
  });
});
