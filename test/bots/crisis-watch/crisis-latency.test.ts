import { afterEach, describe, expect, it } from "vitest";
import crisisWatch from "../../../bots/crisis-watch/index.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

// Written for this test; each is urgent in a different way.
const URGENT_POSTS = [
  "I have sixty sleeping pills counted out on my desk and I'm swallowing all of them tonight. Goodbye everyone.",
  "my brother took something an hour ago and now his lips are turning blue and I can't wake him",
  "kms tonight fr. the rope is already up in the garage",
  "Just took the whole bottle of my meds with vodka. I don't want to wake up.",
];
const MEMBERS = ["jordan", "riley", "casey", "taylor", "morgan", "dana"];

describe("crisis watch under a digest backlog", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  it("should flag, alert and send the card in under 2 s at the 99th percentile while digests fill the API budget", async () => {
    // Discourse's budget scaled down in time (55 calls per 6 s instead of per 60 s) so the test is short.
    kindred = await startKindred({
      bots: [crisisWatch],
      overrides: { enabledBots: ["crisis-watch"], apiBudget: { windowSeconds: 6 } },
      sandbox: { rateLimit: { max: 60, windowMs: 6000 } },
    });
    const digest = kindred.runtime.services.client("kindred", "digest");
    const backlog = Array.from({ length: 500 }, () => digest.getUser("jordan").then(() => "ok", () => "closed"));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const latencies: number[] = [];
    const posts = Array.from({ length: 20 }, (_, i) => ({ username: MEMBERS[i % MEMBERS.length], raw: `${URGENT_POSTS[i % URGENT_POSTS.length]} (${i})` }));
    for (const post of posts) {
      const started = Date.now();
      const created = kindred.forum.actAs(post.username).createPost({ topic_id: 11, raw: post.raw }) as { post: { id: number } };
      const deadline = started + 10_000;
      while (Date.now() < deadline) {
        const flagged = [...kindred.forum.state.reviewables.values()].some((r) => r.targetId === created.post.id);
        const alert = await kindred.runtime.store.db.selectFrom("crisis_alerts").select(["card_sent", "alert_topic_id"]).where("post_id", "=", created.post.id).executeTakeFirst();
        if (flagged && alert?.alert_topic_id && alert.card_sent !== undefined) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      latencies.push(Date.now() - started);
      // One urgent post every 2 s: at the scale above, three a minute with the budget full of digests.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(latencies.length * 0.99) - 1];
    const sent = (await kindred.runtime.services.client("kindred", "crisis").getUser("jordan")) ? 1 : 0;
    expect(sent).toBe(1);
    expect(backlog.length).toBe(500);
    console.log(`crisis latency under a digest backlog: median ${latencies[Math.floor(latencies.length / 2)]} ms, p99 ${p99} ms (${latencies.join(", ")})`);
    expect(p99).toBeLessThan(2000);
  }, 90_000);
});
