import { afterEach, describe, expect, it } from "vitest";
import * as onboardingInit from "../../../bots/onboarding/migrations/onboarding-0001-init.ts";
import { saveAnswers } from "../../../bots/onboarding/save-answers.ts";
import { composeWeek } from "../../../bots/weekly-digest/compose-week.ts";
import { digestStatus } from "../../../bots/weekly-digest/digest-status.ts";
import weeklyDigest from "../../../bots/weekly-digest/index.ts";
import { previewDigest } from "../../../bots/weekly-digest/preview-digest.ts";
import { createBaseContext } from "../../../plugins/app/create-context.ts";
import { defineBot } from "../../../plugins/app/define-bot.ts";
import { renderMarkdown } from "../../../plugins/markdown/render-markdown.ts";
import { type Kindred, startKindred } from "../../helpers/start-kindred.ts";

// Onboarding's tables only (its intake writer is used to store a profile, as onboarding would).
const profilesOnly = defineBot({ name: "profiles-only", lane: "onboarding", account: "greeter", migrations: { "onboarding-0001-init": onboardingInit }, setup() {} });

const TUESDAY = "2026-01-06T15:00:00Z";
// Sunday 9:00 has passed for every seed member's time zone (Chicago 15:00Z … Los Angeles 17:00Z).
const SUNDAY = "2026-01-11T18:00:00Z";

let kindred: Kindred | undefined;
afterEach(async () => {
  await kindred?.close();
  kindred = undefined;
});

const start = () =>
  startKindred({ bots: [weeklyDigest, profilesOnly], overrides: { enabledBots: ["weekly-digest", "profiles-only"], digest: { sendsPerMinute: 60 } } });

const userId = (k: Kindred, username: string) => [...k.forum.state.users.values()].find((u) => u.username === username)!.id;

/** PM topics with `username` in them, and each one's posts. */
function pmsWith(k: Kindred, username: string, title?: string) {
  const id = userId(k, username);
  return [...k.forum.state.topics.values()]
    .filter((t) => t.archetype === "private_message" && t.allowedUserIds.has(id) && (!title || t.title === title))
    .map((t) => ({ id: t.id, title: t.title, posts: [...k.forum.state.posts.values()].filter((p) => p.topicId === t.id).map((p) => p.raw) }));
}

async function waitFor<T>(k: Kindred, read: () => T | undefined | false, ms = 12_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    await k.settle();
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("[test] timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The member answers a Kindred PM they received (the invitation). */
async function reply(k: Kindred, username: string, topicId: number, raw: string) {
  const before = pmsWith(k, username).find((t) => t.id === topicId)!.posts.length;
  k.forum.actAs(username).createPost({ topic_id: topicId, raw });
  await waitFor(k, () => pmsWith(k, username).find((t) => t.id === topicId)!.posts.length >= before + 2);
}

async function inviteAndAnswer(k: Kindred, group: string, answers: Record<string, string[]>) {
  await k.runtime.runTask("weekly-digest", "invite-group", { group });
  for (const [username, words] of Object.entries(answers)) {
    const [invitation] = await waitFor(k, () => {
      const found = pmsWith(k, username, "Something you can switch on, if you like");
      return found.length > 0 && found;
    });
    for (const raw of words) await reply(k, username, invitation.id, raw);
  }
}

const digests = (k: Kindred, username: string) => pmsWith(k, username, "Your weekly note");

describe("the weekly digest on the sandbox forum", () => {
  it("should send an opted-in member one digest with correct counts and milestones, and nothing on a second run", async () => {
    kindred = await start();
    const k = kindred;
    await inviteAndAnswer(k, "early-recovery-evenings-a", { jordan: ["digest on please"] });
    const jordan = userId(k, "jordan");
    await saveAnswers(k.runtime.store.db, jordan, { answers: { sobrietyDate: "2025-10-13" }, source: "intake", now: k.clock.now() });

    k.clock.set(TUESDAY);
    const topic = k.forum.actAs("jordan").createPost({ title: "A steadier week than I expected", raw: "Evenings were easier this week, thank you all.", category: 4 }) as { post: { id: number; topicId: number } };
    k.forum.actAs("jordan").createPost({ topic_id: topic.post.topicId, raw: "Also: walking after dinner helped a lot." });
    k.forum.actAs("riley").createPost({ topic_id: topic.post.topicId, raw: "So glad to read this." });
    k.forum.actAs("jordan").createPost({ topic_id: topic.post.topicId, raw: "Thanks Riley, that means a lot." });
    k.forum.likePost("riley", topic.post.id);
    k.forum.likePost("dana", topic.post.id);
    await k.settle();

    k.clock.set(SUNDAY);
    await k.runtime.runTask("weekly-digest", "sweep");
    const [digest] = await waitFor(k, () => digests(k, "jordan").length > 0 && digests(k, "jordan"));
    const raw = digest.posts[0];
    expect(raw).toContain("**1** new topic and **2** replies");
    expect(raw).toContain("appreciated **2** times");
    expect(raw).toMatch(/Thanked by (riley, dana|dana, riley)\./);
    expect(raw).toContain("Today is day **90**");
    expect(raw).toContain("you reached **90 days**");
    expect(raw).toContain("You checked in this week");
    expect(raw).toContain("so far: **1**");

    await k.runtime.runTask("weekly-digest", "sweep");
    await k.runtime.runTask("weekly-digest", "send", { userId: jordan, week: "2026-W02" });
    await k.settle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await k.settle();
    expect(digests(k, "jordan")).toHaveLength(1);
  });

  it("should honour 'pause 4 weeks' and 'digest off', and invite each member only once", async () => {
    kindred = await start();
    const k = kindred;
    await inviteAndAnswer(k, "early-recovery-evenings-a", { jordan: ["digest on please"], taylor: ["digest on please", "pause 4 weeks"] });
    // Taylor is in this group too, and was invited already: no second invitation.
    await inviteAndAnswer(k, "family-and-friends", { avery: ["digest on please", "digest off"] });
    expect(pmsWith(k, "taylor", "Something you can switch on, if you like")).toHaveLength(1);

    k.clock.set(SUNDAY);
    await k.runtime.runTask("weekly-digest", "sweep");
    await waitFor(k, () => digests(k, "jordan").length > 0);
    expect(digests(k, "taylor")).toHaveLength(0);
    expect(digests(k, "avery")).toHaveLength(0);

    // Five weeks on, Taylor's pause is over; Avery is still off.
    k.clock.set("2026-02-15T18:00:00Z");
    await k.runtime.runTask("weekly-digest", "sweep");
    await waitFor(k, () => digests(k, "taylor").length > 0);
    expect(digests(k, "avery")).toHaveLength(0);
  });

  it("should show a member outside a private category nothing from it, and a member inside only a count and a link", async () => {
    kindred = await start();
    const k = kindred;
    await inviteAndAnswer(k, "women-circle", { dana: ["digest on please"] });
    await k.runtime.runTask("weekly-digest", "opt-in", { userId: userId(k, "jordan"), username: "jordan", source: "onboarding" });

    k.clock.set(TUESDAY);
    const secret = k.forum.actAs("dana").createPost({ title: "Circle secret about a hard night", raw: "Only for the circle.", category: 5 }) as { post: { id: number } };
    k.forum.likePost("riley", secret.post.id);
    const hostile = k.forum.actAs("morgan").createPost({ title: "<script>alert(1)</script> [win](javascript:alert(1)) @everyone", raw: "A public post with a hostile title.", category: 2 }) as { post: { id: number } };
    k.forum.likePost("riley", hostile.post.id);
    await k.settle();

    k.clock.set(SUNDAY);
    await k.runtime.runTask("weekly-digest", "sweep");
    const [forJordan] = await waitFor(k, () => digests(k, "jordan").length > 0 && digests(k, "jordan"));
    const [forDana] = await waitFor(k, () => digests(k, "dana").length > 0 && digests(k, "dana"));

    expect(forJordan.posts[0]).not.toMatch(/Circle secret|hard night|Women|womens-circle/);
    expect(forDana.posts[0]).not.toMatch(/Circle secret|hard night|\/t\/circle-secret/);
    expect(forDana.posts[0]).toContain("/c/womens-circle/5");
    // The seed's own circle topic is over a week old by Sunday: Dana's is the one new conversation.
    expect(forDana.posts[0]).toMatch(/Women\\'s Circle\*\*: 1 new conversation this week/);

    const md = forJordan.posts[0];
    expect(md).toContain("&lt;script&gt;");
    expect(md).not.toMatch(/(^|[^\\])@everyone|\]\(javascript:/m);
    const html = renderMarkdown(md, { forumUrl: k.forumUrl });
    for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) expect(tag).not.toMatch(/^<(script|img|iframe)|\son\w+=|javascript:/i);
  });

  it("should compose everyone in a dry run without writing, preview one member as safe HTML, and report status", async () => {
    kindred = await start();
    const k = kindred;
    await inviteAndAnswer(k, "women-circle", { dana: ["digest on please"] });
    await k.runtime.runTask("weekly-digest", "opt-in", { userId: userId(k, "jordan"), username: "jordan", source: "onboarding" });
    k.clock.set(TUESDAY);
    const secret = k.forum.actAs("dana").createPost({ title: "Circle secret about a hard night", raw: "Only for the circle.", category: 5 }) as { post: { id: number } };
    k.forum.likePost("riley", secret.post.id);
    await k.settle();
    k.clock.set(SUNDAY);

    const ctx = createBaseContext(k.runtime.services, weeklyDigest, { test: "cli" });
    const topicsBefore = k.forum.state.topics.size;
    const progress: number[] = [];
    const result = await composeWeek(ctx, (done) => progress.push(done));
    expect(result).toMatchObject({ members: 2, digests: 2, stillHere: 0 });
    expect(progress).toEqual([1, 2]);
    expect(result.reads).toBeLessThan(20);
    expect(k.forum.state.topics.size).toBe(topicsBefore);
    expect(await k.runtime.store.db.selectFrom("digest_deliveries").selectAll().execute()).toEqual([]);

    const preview = await previewDigest(ctx, "jordan", { html: true });
    expect(preview.title).toBe("Your weekly note");
    expect(preview.body).toContain("<h3>Your week</h3>");
    expect(preview.body).not.toMatch(/Circle secret|Women/);
    const danaPreview = await previewDigest(ctx, "dana");
    expect(danaPreview.body).toContain("/c/womens-circle/5");
    expect(danaPreview.body).not.toContain("Circle secret");

    await k.runtime.runTask("weekly-digest", "sweep");
    const status = await digestStatus(ctx, { limit: 55, crisisReserve: 10, usedInWindow: 0, waitingAhead: 0 });
    expect(status.subscribers).toBe(2);
    expect(status.week).toBe("2026-W02");
    expect((status.counts.queued ?? 0) + (status.counts.claimed ?? 0) + (status.counts.sent ?? 0)).toBe(2);
    await waitFor(k, () => digests(k, "dana").length > 0 && digests(k, "jordan").length > 0);
  });

  it("should send nothing to a suspended or a silenced member", async () => {
    kindred = await start();
    const k = kindred;
    for (const username of ["jordan", "taylor", "morgan"]) {
      await k.runtime.runTask("weekly-digest", "opt-in", { userId: userId(k, username), username, source: "onboarding" });
    }
    k.forum.suspendUser("taylor", { until: "2026-06-01T00:00:00Z", reason: "test" });
    // The sandbox has no silence action; an admin silencing Morgan sets the same field.
    k.forum.state.users.get(userId(k, "morgan"))!.silencedTill = "2026-06-01T00:00:00Z";
    await k.settle();

    k.clock.set(SUNDAY);
    await k.runtime.runTask("weekly-digest", "sweep");
    await waitFor(k, () => digests(k, "jordan").length > 0);
    // Taylor's suspension arrived by webhook, so the scheduler never queues her; Morgan's silence is
    // found in the week's bulk list, so her job looks and skips.
    const readRows = () => k.runtime.store.db.selectFrom("digest_deliveries").select(["user_id", "status", "kind"]).execute();
    let rows = await readRows();
    for (let i = 0; i < 100 && rows.filter((r) => r.status === "queued" || r.status === "claimed").length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await readRows();
    }
    expect(rows).toContainEqual({ user_id: userId(k, "morgan"), status: "skipped", kind: "blocked" });
    expect(rows.filter((r) => r.user_id === userId(k, "taylor"))).toEqual([]);
    expect(digests(k, "taylor")).toHaveLength(0);
    expect(digests(k, "morgan")).toHaveLength(0);
  });

  it("should post 'this week in <group>' once a week in the group's own category, with counts only", async () => {
    kindred = await startKindred({
      bots: [weeklyDigest, profilesOnly],
      overrides: { enabledBots: ["weekly-digest", "profiles-only"], digest: { sendsPerMinute: 60, groupPosts: [{ group: "women-circle" }] } },
    });
    const k = kindred;
    // The bot account must be able to post in the group's category, as on a real forum.
    k.forum.addToGroup("women-circle", ["kindred"]);
    await k.runtime.runTask("weekly-digest", "opt-in", { userId: userId(k, "dana"), username: "dana", source: "onboarding" });
    k.clock.set(TUESDAY);
    k.forum.actAs("dana").createPost({ title: "Circle secret about a hard night", raw: "Only for the circle.", category: 5 });
    await k.settle();
    k.clock.set(SUNDAY);
    await k.runtime.runTask("weekly-digest", "sweep");
    await k.runtime.runTask("weekly-digest", "sweep");
    const posts = await waitFor(k, () => {
      const found = [...k.forum.state.topics.values()].filter((t) => t.title === "This week in women-circle");
      return found.length > 0 && found;
    });
    await k.settle();
    expect(posts).toHaveLength(1);
    expect(posts[0].categoryId).toBe(5);
    const body = [...k.forum.state.posts.values()].find((p) => p.topicId === posts[0].id)!.raw;
    expect(body).toContain("**1** new conversation");
    expect(body).not.toMatch(/Circle secret|dana/);
  });
});
