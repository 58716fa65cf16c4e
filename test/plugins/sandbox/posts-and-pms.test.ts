import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";

describe("sandbox forum: posts, PMs and feeds", () => {
  let sandbox: StartedSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it("should send PMs to users and to groups the sender may message", async () => {
    const bot = client(sandbox.url, sandbox.apiKey, "kindred");
    const pm = await bot("POST", "/posts.json", { title: "A note from Kindred", raw: "Hello, this is a private note for you.", archetype: "private_message", target_recipients: "jordan,crisis-team" });
    expect(pm.status).toBe(200);
    const topic = sandbox.forum.state.topics.get(pm.json.topic_id);
    expect(topic?.archetype).toBe("private_message");
    expect([...(topic?.allowedUserIds ?? [])].sort()).toEqual([4, 5]);
    expect((await client(sandbox.url, sandbox.apiKey, "jordan")("GET", `/t/${pm.json.topic_id}.json`)).status).toBe(200);
    expect((await client(sandbox.url, sandbox.apiKey, "riley")("GET", `/t/${pm.json.topic_id}.json`)).status).toBe(403);
  });

  it("should refuse a PM to a group the sender cannot message, and to unknown users", async () => {
    const member = client(sandbox.url, sandbox.apiKey, "jordan");
    const toGroup = await member("POST", "/posts.json", { title: "Hello circle", raw: "Can I join your circle please?", archetype: "private_message", target_recipients: "women-circle" });
    expect(toGroup.status).toBe(422);
    expect(toGroup.json.errors).toEqual(["One of the users you are sending this message to could not be found."]);
    const toNobody = await member("POST", "/posts.json", { title: "Hello", raw: "Is anybody out there?", archetype: "private_message", target_recipients: "no_such_user" });
    expect(toNobody.status).toBe(422);
    // Everyone may message the moderators group.
    expect((await member("POST", "/posts.json", { title: "A question", raw: "Who do I ask about groups?", archetype: "private_message", target_recipients: "moderators" })).status).toBe(200);
  });

  it("should memoize identical API creates for 120 seconds", async () => {
    const member = client(sandbox.url, sandbox.apiKey, "riley");
    const body = { raw: "Sending good thoughts to the whole group tonight.", topic_id: 11 };
    const first = await member("POST", "/posts.json", body);
    const second = await member("POST", "/posts.json", body);
    expect(second.json.id).toBe(first.json.id);
    const different = await member("POST", "/posts.json", { ...body, raw: `${body.raw} Again.` });
    expect(different.json.id).not.toBe(first.json.id);
  });

  it("should list latest public posts newest first, only from readable categories, and page with before", async () => {
    const member = client(sandbox.url, sandbox.apiKey, "jordan");
    const latest = await member("GET", "/posts.json");
    const ids: number[] = latest.json.latest_posts.map((p: { id: number }) => p.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const categories = new Set(latest.json.latest_posts.map((p: { category_id: number }) => p.category_id));
    expect(categories.has(5)).toBe(false);
    expect(categories.has(6)).toBe(false);
    expect(latest.json.latest_posts.every((p: { topic_title: string }) => typeof p.topic_title === "string")).toBe(true);
    const paged = await member("GET", `/posts.json?before=${ids[1]}`);
    expect(paged.json.latest_posts[0].id).toBe(ids[2]);
    const dana = await client(sandbox.url, sandbox.apiKey, "dana")("GET", "/posts.json");
    expect(dana.json.latest_posts.some((p: { category_id: number }) => p.category_id === 5)).toBe(true);
  });

  it("should edit a post, bumping its version", async () => {
    const member = client(sandbox.url, sandbox.apiKey, "casey");
    const edited = await member("PUT", "/posts/105.json", { post: { raw: "Hi all, I'm three weeks in and finding my feet.", edit_reason: "update" } });
    expect(edited.status).toBe(200);
    expect(edited.json.post.version).toBe(2);
    expect((await client(sandbox.url, sandbox.apiKey, "jordan")("PUT", "/posts/105.json", { post: { raw: "Someone else's words replaced here." } })).status).toBe(403);
    const shown = await member("GET", "/posts/105.json");
    expect(shown.json.raw).toBe("Hi all, I'm three weeks in and finding my feet.");
  });

  it("should let a demo member reply through actAs", async () => {
    const outcome = sandbox.forum.actAs("morgan").createPost({ raw: "Welcome again, we are glad you are here.", topic_id: 12, reply_to_post_number: 1 });
    expect(outcome.action).toBe("created");
    if (outcome.action === "created") expect(outcome.post.replyToPostNumber).toBe(1);
  });
});
