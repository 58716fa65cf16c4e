import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";
import { startReceiver } from "./webhook-receiver.ts";

describe("sandbox forum: flags and the review queue", () => {
  let sandbox: StartedSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: "a-long-enough-webhook-secret", events: ["reviewable_created", "reviewable_updated", "post_created"] }] });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it("should turn a notify_moderators flag into a reviewable and a PM to moderators, leaving the post visible", async () => {
    const bot = client(sandbox.url, sandbox.apiKey, "kindred");
    const flagged = await bot("POST", "/post_actions.json", { id: 104, post_action_type_id: 7, message: "Urgent: possible overdose described in the second sentence." });
    expect(flagged.status).toBe(200);
    expect(flagged.json.hidden).toBe(false);
    expect(sandbox.forum.state.posts.get(104)?.hidden).toBe(false);

    const queue = await client(sandbox.url, sandbox.apiKey, "maria_mod")("GET", "/review.json?type=ReviewableFlaggedPost");
    expect(queue.status).toBe(200);
    expect(queue.json.reviewables).toHaveLength(1);
    const reviewable = queue.json.reviewables[0];
    expect(reviewable).toMatchObject({ type: "ReviewableFlaggedPost", post_id: 104, status: 0, target_created_by_id: 8, version: 0 });
    const score = queue.json.reviewable_scores.find((s: { id: number }) => s.id === reviewable.reviewable_score_ids[0]);
    expect(score.score_type.type).toBe("notify_moderators");
    expect(queue.json.users.map((u: { username: string }) => u.username)).toContain("kindred");

    // The PM to the moderators group carries the message and a link to the post.
    const modPms = await client(sandbox.url, sandbox.apiKey, "sam_mod")("GET", "/private-posts.json");
    const pm = modPms.json.private_posts[0];
    expect(pm.topic_title).toContain("requires staff attention");
    expect(pm.raw).toContain("Urgent: possible overdose");
    expect(pm.raw).toContain(`${sandbox.url}/t/weekly-check-in-how-is-everyone-doing/11/3`);
    // …and stays out of a member's view.
    const memberPms = await client(sandbox.url, sandbox.apiKey, "jordan")("GET", "/private-posts.json");
    expect(memberPms.json.private_posts.some((p: { id: number }) => p.id === pm.id)).toBe(false);

    await sandbox.forum.webhooksIdle();
    const events = receiver.received.map((r) => r.headers["x-discourse-event"]);
    expect(events).toContain("reviewable_created");
    const created = receiver.received.find((r) => r.headers["x-discourse-event"] === "reviewable_created");
    expect(JSON.parse(created?.raw ?? "{}").reviewable).toMatchObject({ id: reviewable.id, type: "ReviewableFlaggedPost" });
  });

  it("should allow one action per user, post and type", async () => {
    const bot = client(sandbox.url, sandbox.apiKey, "kindred");
    expect((await bot("POST", "/post_actions.json", { id: 104, post_action_type_id: 7, message: "first" })).status).toBe(200);
    const again = await bot("POST", "/post_actions.json", { id: 104, post_action_type_id: 7, message: "second" });
    expect(again.status).toBe(403);
    expect(again.json.errors).toEqual(["Oops! You already performed this action. Can you try a different one?"]);
    // Another user's flag adds a score to the same reviewable (reviewable_score_updated).
    expect((await client(sandbox.url, sandbox.apiKey, "sam_mod")("POST", "/post_actions.json", { id: 104, post_action_type_id: 7, message: "me too" })).status).toBe(200);
    expect([...sandbox.forum.state.reviewables.values()]).toHaveLength(1);
    await sandbox.forum.webhooksIdle();
    expect(receiver.received.map((r) => r.headers["x-discourse-event"])).toContain("reviewable_score_updated");
  });

  it("should cap non-staff flags at max_flags_per_day but not staff", async () => {
    sandbox.forum.setSiteSetting("max_flags_per_day", 1);
    const member = client(sandbox.url, sandbox.apiKey, "riley");
    expect((await member("POST", "/post_actions.json", { id: 104, post_action_type_id: 3 })).status).toBe(200);
    const capped = await member("POST", "/post_actions.json", { id: 105, post_action_type_id: 3 });
    expect(capped.status).toBe(429);
    expect(capped.json.error_type).toBe("rate_limit");
    const bot = client(sandbox.url, sandbox.apiKey, "kindred");
    expect((await bot("POST", "/post_actions.json", { id: 104, post_action_type_id: 3 })).status).toBe(200);
    expect((await bot("POST", "/post_actions.json", { id: 105, post_action_type_id: 3 })).status).toBe(200);
  });

  it("should perform review actions with version checks and send reviewable_transitioned_to", async () => {
    sandbox.forum.actAs("kindred").flagPost(104, 7, "Please check on this member.");
    const mod = client(sandbox.url, sandbox.apiKey, "maria_mod");
    const [reviewable] = [...sandbox.forum.state.reviewables.values()];
    expect((await client(sandbox.url, sandbox.apiKey, "jordan")("PUT", `/review/${reviewable.id}/perform/agree_and_keep?version=0`)).status).toBe(403);
    const stale = await mod("PUT", `/review/${reviewable.id}/perform/agree_and_keep?version=5`);
    expect(stale.status).toBe(409);
    const done = await mod("PUT", `/review/${reviewable.id}/perform/agree_and_keep?version=0`);
    expect(done.status).toBe(200);
    expect(done.json.reviewable_perform_result).toMatchObject({ success: true, transition_to: "approved", transition_to_id: 1, version: 1 });
    expect((await mod("GET", "/review.json")).json.reviewables).toHaveLength(0);
    const approved = await mod("GET", "/review.json?status=approved");
    expect(approved.json.reviewables[0].id).toBe(reviewable.id);
    expect((await mod("GET", `/review/${reviewable.id}.json`)).json.reviewable.status).toBe(1);
    await sandbox.forum.webhooksIdle();
    const transitioned = receiver.received.find((r) => r.headers["x-discourse-event"] === "reviewable_transitioned_to");
    expect(transitioned?.headers["x-discourse-event-type"]).toBe("reviewable");
    expect(JSON.parse(transitioned?.raw ?? "{}").reviewable.status).toBe(1);
  });

  it("should hold a new member's introduction for approval and create it when approved", async () => {
    const quinn = client(sandbox.url, sandbox.apiKey, "quinn");
    const held = await quinn("POST", "/posts.json", { title: "Hello from a newcomer here", raw: "Hi everyone, I am new and a bit nervous to post.", category: 3 });
    expect(held.status).toBe(200);
    expect(held.json).toMatchObject({ success: true, action: "enqueued", pending_post: { raw: "Hi everyone, I am new and a bit nervous to post." } });
    await sandbox.forum.webhooksIdle();
    const created = receiver.received.filter((r) => r.headers["x-discourse-event"] === "reviewable_created");
    expect(created).toHaveLength(1);
    const payload = JSON.parse(created[0].raw).reviewable;
    expect(payload).toMatchObject({ type: "ReviewableQueuedPost", payload: { raw: "Hi everyone, I am new and a bit nervous to post.", title: "Hello from a newcomer here" } });
    expect(payload.created_by.username).toBe("quinn");
    expect(receiver.received.some((r) => r.headers["x-discourse-event"] === "post_created")).toBe(false);

    const result = sandbox.forum.approveQueuedPost(held.json.pending_post.id);
    expect(result.created_post_id).toBeGreaterThan(0);
    await sandbox.forum.webhooksIdle();
    const post = receiver.received.find((r) => r.headers["x-discourse-event"] === "post_created");
    expect(JSON.parse(post?.raw ?? "{}").post).toMatchObject({ id: result.created_post_id, username: "quinn", category_id: 3 });
    expect(receiver.received.map((r) => r.headers["x-discourse-event"])).toContain("reviewable_transitioned_to");
  });
});
