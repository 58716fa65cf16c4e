import { afterEach, describe, expect, it } from "vitest";
import crisisWatch from "../../../bots/crisis-watch/index.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

const URGENT = "I have sixty sleeping pills counted out on my desk and I'm swallowing all of them tonight. Goodbye everyone, thank you for trying.";
const ROTA = [
  { username: "sam_mod", timezone: "Europe/London", hours: "00:00-24:00" },
  { username: "maria_mod", timezone: "America/Chicago", hours: "00:00-24:00" },
];

function userId(kindred: Kindred, username: string): number {
  return [...kindred.forum.state.users.values()].find((u) => u.username === username)!.id;
}

function pmsTo(kindred: Kindred, predicate: (topic: { title: string; allowedUsernames: string[]; allowedGroups: string[] }) => boolean) {
  const topics = [...kindred.forum.state.topics.values()].filter((t) => t.archetype === "private_message");
  return topics
    .map((t) => ({
      title: t.title,
      id: t.id,
      allowedUsernames: [...(t.allowedUserIds ?? [])].map((id) => kindred.forum.state.users.get(id)?.username ?? ""),
      allowedGroups: [...(t.allowedGroupIds ?? [])].map((id) => kindred.forum.state.groups.get(id)?.name ?? ""),
    }))
    .filter(predicate);
}

describe("crisis watch on the sandbox forum", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  const start = (overrides: Record<string, unknown> = {}) =>
    startKindred({ bots: [crisisWatch], overrides: { enabledBots: ["crisis-watch"], crisis: { escalation: { afterMinutes: 10, rota: ROTA } }, ...overrides } });

  it("should flag an urgent post, PM the moderators and send the poster a private card, fast", async () => {
    kindred = await start();
    const started = Date.now();
    const outcome = kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT }) as { post: { id: number } };
    await kindred.settle();
    const elapsed = Date.now() - started;
    const reviewables = [...kindred.forum.state.reviewables.values()].filter((r) => r.targetId === outcome.post.id);
    expect(reviewables).toHaveLength(1);
    expect(reviewables[0].type).toBe("ReviewableFlaggedPost");
    const post = kindred.forum.state.posts.get(outcome.post.id)!;
    expect(post.hidden).toBeFalsy();

    const alerts = pmsTo(kindred, (t) => t.allowedGroups.includes("moderators") && t.title.startsWith("Crisis watch"));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    const cards = pmsTo(kindred, (t) => t.allowedUsernames.includes("casey"));
    expect(cards).toHaveLength(1);
    expect(cards[0].title).not.toMatch(/crisis|suicid|overdose|danger|help/i);
    const cardPost = [...kindred.forum.state.posts.values()].find((p) => p.topicId === cards[0].id)!;
    expect(cardPost.raw).toMatch(/Lifeline/); // Casey's time zone is Australia/Sydney
    expect(cardPost.raw.split("\n")[0]).not.toMatch(/crisis|suicid|overdose|danger/i);
    // No public reply about the member, ever.
    expect([...kindred.forum.state.posts.values()].filter((p) => p.topicId === 11 && p.userId === userId(kindred!, "kindred"))).toEqual([]);
    expect(await kindred.runtime.services.members.isQuiet(userId(kindred, "casey"), kindred.clock.now())).toBe(true);
    expect(elapsed).toBeLessThan(5000);
  });

  it("should make no second flag or card when the same event is delivered twice", async () => {
    kindred = await start();
    kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT });
    await kindred.settle();
    const admin = kindred.runtime.services.client("system", "maintenance");
    const [hook] = (await admin.listWebhooks()).web_hooks;
    for (const event of (await admin.listWebhookEvents(hook.id, { status: "successful" })).web_hook_events) await admin.redeliverWebhookEvent(hook.id, event.id);
    await kindred.settle();
    expect([...kindred.forum.state.reviewables.values()].filter((r) => r.type === "ReviewableFlaggedPost")).toHaveLength(1);
    expect(pmsTo(kindred, (t) => t.allowedUsernames.includes("casey"))).toHaveLength(1);
  });

  it("should escalate to the on-call moderator, then the next, then the team, when nobody acts", async () => {
    kindred = await start();
    kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT });
    await kindred.settle();
    await kindred.runtime.runTask("crisis-watch", "escalation");
    expect(pmsTo(kindred, (t) => t.title.includes("on call"))).toHaveLength(0);
    kindred.clock.advance(11 * 60_000);
    await kindred.runtime.runTask("crisis-watch", "escalation");
    const first = pmsTo(kindred, (t) => t.title.includes("on call"));
    expect(first.map((t) => t.allowedUsernames)).toEqual([expect.arrayContaining(["sam_mod"])]);
    kindred.clock.advance(11 * 60_000);
    await kindred.runtime.runTask("crisis-watch", "escalation");
    expect(pmsTo(kindred, (t) => t.title.includes("on call")).flatMap((t) => t.allowedUsernames)).toContain("maria_mod");
    kindred.clock.advance(11 * 60_000);
    await kindred.runtime.runTask("crisis-watch", "escalation");
    expect(pmsTo(kindred, (t) => t.title.includes("still needs a moderator"))).toHaveLength(1);
  });

  it("should stop the clock once a moderator decides in the review queue", async () => {
    kindred = await start();
    const outcome = kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT }) as { post: { id: number } };
    await kindred.settle();
    const reviewable = [...kindred.forum.state.reviewables.values()].find((r) => r.targetId === outcome.post.id)!;
    kindred.forum.performReviewableAction(reviewable.id, "agree_and_keep", { by: "maria_mod" });
    await kindred.settle();
    kindred.clock.advance(30 * 60_000);
    await kindred.runtime.runTask("crisis-watch", "escalation");
    expect(pmsTo(kindred, (t) => t.title.includes("on call"))).toHaveLength(0);
    const alert = await kindred.runtime.store.db.selectFrom("crisis_alerts").selectAll().executeTakeFirstOrThrow();
    expect(alert.outcome).toBe("agreed");
    expect(alert.acted_at).not.toBeNull();
  });

  it("should assess, through the catch-up job, a post that arrived while the webhook receiver was down", async () => {
    kindred = await start();
    await kindred.runtime.runTask("crisis-watch", "catch-up"); // the first run only sets the cursor
    kindred.forum.setWebhookReceiverDown(true);
    const outcome = kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT }) as { post: { id: number } };
    await kindred.settle();
    expect([...kindred.forum.state.reviewables.values()].filter((r) => r.targetId === outcome.post.id)).toHaveLength(0);
    kindred.forum.setWebhookReceiverDown(false);
    await kindred.runtime.runTask("crisis-watch", "catch-up");
    await kindred.settle();
    expect([...kindred.forum.state.reviewables.values()].filter((r) => r.targetId === outcome.post.id)).toHaveLength(1);
    expect(pmsTo(kindred, (t) => t.allowedUsernames.includes("casey"))).toHaveLength(1);
  });

  it("should flag nothing and send no card in shadow mode, telling only the shadow group", async () => {
    kindred = await start({ crisis: { mode: "shadow", shadowGroup: "moderators" } });
    kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT });
    await kindred.settle();
    expect([...kindred.forum.state.reviewables.values()].filter((r) => r.type === "ReviewableFlaggedPost")).toHaveLength(0);
    expect(pmsTo(kindred, (t) => t.allowedUsernames.includes("casey"))).toHaveLength(0);
    expect(pmsTo(kindred, (t) => t.title.includes("shadow"))).toHaveLength(1);
  });

  it("should not assess the moderators' alert thread, even when a moderator quotes the post there", async () => {
    kindred = await start();
    kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT });
    await kindred.settle();
    const [alert] = pmsTo(kindred, (t) => t.allowedGroups.includes("moderators") && t.title.startsWith("Crisis watch"));
    kindred.forum.actAs("maria_mod").createPost({ topic_id: alert.id, raw: `On it. They wrote: "${URGENT}"` });
    await kindred.settle();
    expect([...kindred.forum.state.reviewables.values()].filter((r) => r.type === "ReviewableFlaggedPost")).toHaveLength(1);
    const row = await kindred.runtime.store.db.selectFrom("crisis_alerts").selectAll().executeTakeFirstOrThrow();
    expect(row.acted_by).toBe("maria_mod");
  });
});
