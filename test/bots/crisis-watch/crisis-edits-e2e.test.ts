import { afterEach, describe, expect, it } from "vitest";
import crisisWatch from "../../../bots/crisis-watch/index.ts";
import { crisisStats } from "../../../bots/crisis-watch/stats.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

const WORRYING = "Honestly I keep wishing I just wouldn't wake up in the morning. Everything feels pointless lately.";
const URGENT_EDIT = "Edit: I've decided. The pills are in my hand and I'm taking all of them tonight. Goodbye.";
const CALM = "Coffee with my sponsor this morning, then a long walk. A good ordinary day.";

const reviewablesFor = (kindred: Kindred, postId: number) => [...kindred.forum.state.reviewables.values()].filter((r) => r.targetId === postId);
const topicsTitled = (kindred: Kindred, pattern: RegExp) => [...kindred.forum.state.topics.values()].filter((t) => t.archetype === "private_message" && pattern.test(t.title));

describe("crisis watch: edits, held posts and outcomes", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });
  const start = () => startKindred({ bots: [crisisWatch], overrides: { enabledBots: ["crisis-watch"] } });

  it("should raise an edit from review to urgent as a new urgent alert pointing at the existing flag", async () => {
    kindred = await start();
    const { post } = kindred.forum.actAs("jordan").createPost({ topic_id: 11, raw: WORRYING }) as { post: { id: number } };
    await kindred.settle();
    expect(reviewablesFor(kindred, post.id)).toHaveLength(1);
    expect(topicsTitled(kindred, /\(urgent\)/)).toHaveLength(0);
    kindred.forum.actAs("jordan").editPost(post.id, { raw: `${WORRYING}\n\n${URGENT_EDIT}` });
    await kindred.settle();
    expect(reviewablesFor(kindred, post.id)).toHaveLength(1);
    expect(topicsTitled(kindred, /\(urgent\)/)).toHaveLength(1);
    const levels = (await kindred.runtime.store.db.selectFrom("crisis_alerts").select("level").where("post_id", "=", post.id).execute()).map((r) => r.level).sort();
    expect(levels).toEqual(["review", "urgent"]);
  });

  it("should change nothing when an edit lowers the level", async () => {
    kindred = await start();
    const { post } = kindred.forum.actAs("jordan").createPost({ topic_id: 11, raw: URGENT_EDIT.replace("Edit: ", "") }) as { post: { id: number } };
    await kindred.settle();
    const before = kindred.forum.state.posts.size;
    kindred.forum.actAs("jordan").editPost(post.id, { raw: "ignore this, I'm fine now, sorry everyone" });
    await kindred.settle();
    expect(kindred.forum.state.posts.size).toBe(before);
    const alert = await kindred.runtime.store.db.selectFrom("crisis_alerts").selectAll().where("post_id", "=", post.id).executeTakeFirstOrThrow();
    expect(alert.level).toBe("urgent");
    expect(alert.next_escalation_at).not.toBeNull();
  });

  it("should assess a post held for approval from its reviewable and alert moderators with the queue link", async () => {
    kindred = await start();
    const outcome = kindred.forum.actAs("quinn").createPost({ title: "Hello, new here tonight", raw: URGENT_EDIT.replace("Edit: ", ""), category: 3 }) as { action: string; reviewable?: { id: number } };
    expect(outcome.action).toBe("enqueued");
    await kindred.settle();
    const alerts = topicsTitled(kindred, /waiting for approval/);
    expect(alerts).toHaveLength(1);
    const alertPost = [...kindred.forum.state.posts.values()].find((p) => p.topicId === alerts[0].id)!;
    expect(alertPost.raw).toContain(`/review/${outcome.reviewable!.id}`);
    expect([...kindred.forum.state.topics.values()].filter((t) => t.archetype === "private_message" && [...t.allowedUserIds].some((id) => kindred!.forum.state.users.get(id)?.username === "quinn"))).toHaveLength(1);
  });

  it("should assess a first post edited together with its title (delivered as topic_edited)", async () => {
    kindred = await start();
    const created = kindred.forum.actAs("riley").createPost({ title: "An ordinary Tuesday here", raw: CALM, category: 2 }) as unknown as { post: { id: number; topic_id: number } };
    await kindred.settle();
    expect(reviewablesFor(kindred, created.post.id)).toHaveLength(0);
    kindred.forum.actAs("riley").editPost(created.post.id, { raw: URGENT_EDIT, title: "Not an ordinary Tuesday" });
    await kindred.settle();
    expect(reviewablesFor(kindred, created.post.id)).toHaveLength(1);
  });

  it("should record moderators' decisions, for precision and time to first action", async () => {
    kindred = await start();
    const first = kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT_EDIT.replace("Edit: ", "") }) as { post: { id: number } };
    const second = kindred.forum.actAs("dana").createPost({ topic_id: 11, raw: WORRYING }) as { post: { id: number } };
    await kindred.settle();
    kindred.clock.advance(4 * 60_000);
    kindred.forum.performReviewableAction(reviewablesFor(kindred, first.post.id)[0].id, "agree_and_keep", { by: "maria_mod" });
    kindred.forum.performReviewableAction(reviewablesFor(kindred, second.post.id)[0].id, "disagree", { by: "sam_mod" });
    await kindred.settle();
    const stats = await crisisStats(kindred.runtime.store.db, kindred.clock.now());
    expect(stats.outcomes).toMatchObject({ agreed: 1, disagreed: 1 });
    expect(stats.agreeRate).toBeCloseTo(0.5);
    expect(stats.timeToFirstAction.count).toBe(2);
    expect(stats.timeToFirstAction.median).toBeCloseTo(4, 0);
  });
});
