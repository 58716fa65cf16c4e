import { afterEach, describe, expect, it } from "vitest";
import { getMemberProfile } from "../../../bots/onboarding/member-profile.ts";
import { onboardingFunnel } from "../../../bots/onboarding/onboarding-funnel.ts";
import { onboardingStatus } from "../../../bots/onboarding/onboarding-status.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

let kindred: Kindred | undefined;

afterEach(async () => {
  await kindred?.close();
  kindred = undefined;
});

const WELCOME_TITLE = "Welcome! A few things to get you started";

function userId(k: Kindred, username: string): number {
  return [...k.forum.state.users.values()].find((u) => u.username === username)!.id;
}

/** Kindred's posts in the member's PM threads with the greeter, oldest first. */
function botPostsTo(k: Kindred, username: string): Array<{ topicId: number; raw: string; title: string }> {
  const member = userId(k, username);
  const bot = userId(k, "kindred");
  const topics = [...k.forum.state.topics.values()].filter((t) => t.archetype === "private_message" && t.allowedUserIds?.has?.(member));
  return [...k.forum.state.posts.values()]
    .filter((p) => p.userId === bot && topics.some((t) => t.id === p.topicId))
    .sort((a, b) => a.id - b.id)
    .map((p) => ({ topicId: p.topicId, raw: p.raw, title: topics.find((t) => t.id === p.topicId)!.title }));
}

async function join(k: Kindred, username: string, extra: { timezone?: string; user_fields?: Record<string, string> } = {}): Promise<number> {
  k.forum.createUser({ username, active: true, approved: true, timezone: extra.timezone ?? "Europe/London", user_fields: extra.user_fields });
  await k.settle();
  return userId(k, username);
}

async function answer(k: Kindred, username: string, raw: string): Promise<void> {
  const welcome = botPostsTo(k, username)[0];
  k.forum.actAs(username).createPost({ topic_id: welcome.topicId, raw });
  await k.settle();
}

async function start(overrides: unknown = {}): Promise<Kindred> {
  kindred = await startKindred({ overrides });
  return kindred;
}

describe("onboarding on the sandbox forum", () => {
  it("should send a new member exactly one welcome PM, also under duplicate deliveries and retries", async () => {
    const k = await start();
    const id = await join(k, "newbie_one");
    const posts = botPostsTo(k, "newbie_one");
    expect(posts).toHaveLength(1);
    expect(posts[0].title).toBe(WELCOME_TITLE);
    expect(posts[0].raw).toContain("Hi newbie\\_one, welcome");
    // Discourse redelivers the same event; then a job retry runs the handler again from scratch.
    const event = [...k.forum.state.webHookEvents.values()].find((e) => e.eventName === "user_created" && e.payload.includes('"newbie_one"'))!;
    const redeliver = () =>
      fetch(`${k.forumUrl}/admin/api/web_hooks/${event.webHookId}/events/${event.id}/redeliver.json`, {
        method: "POST",
        headers: { "Api-Key": k.forum.apiKey, "Api-Username": "system" },
      });
    expect((await redeliver()).status).toBe(200);
    await k.settle();
    await k.runtime.store.db.deleteFrom("processed_events").where("key", "like", "user_created%").execute();
    expect((await redeliver()).status).toBe(200);
    await k.settle();
    expect(botPostsTo(k, "newbie_one")).toHaveLength(1);
    const journey = await k.runtime.store.db.selectFrom("onboarding_journeys").selectAll().where("user_id", "=", id).executeTakeFirstOrThrow();
    expect(journey.welcomed_at).toBeTruthy();
    expect(journey.nudge_due_at?.toISOString()).toBe("2026-01-08T12:00:00.000Z");
  });

  it("should not welcome staff or Kindred's own accounts", async () => {
    const k = await start();
    k.forum.createUser({ username: "new_mod", active: true, approved: true, moderator: true });
    await k.settle();
    expect(botPostsTo(k, "new_mod")).toHaveLength(0);
  });

  it("should store '2, 4' and free-text answers and hand the member on", async () => {
    const k = await start();
    const a = await join(k, "numbers_person");
    await answer(k, "numbers_person", "yes please, go ahead");
    const intake = botPostsTo(k, "numbers_person")[1];
    expect(intake.raw).toContain("(1) My own recovery · (2) Someone I care about · (3) Both");
    await answer(k, "numbers_person", "2, 4 thanks");
    expect(await getMemberProfile(k.runtime.store.db, a)).toMatchObject({ whoFor: "someone", paths: ["twelve-step"], intakeDone: true });
    const done = botPostsTo(k, "numbers_person").find((p) => /Thank you, that helps/.test(p.raw))!.raw;
    expect(done).toContain("separate message with a few small groups");
    expect(done).toMatch(/\[Family and friends: talking it through\]\(http/);

    const b = await join(k, "words_person");
    await answer(k, "words_person", "sure, send them over");
    await answer(k, "words_person", "I'm here for myself. SMART, about 3 weeks, alcohol. Weekly note yes please, and happy to share with a greeter");
    const profile = await getMemberProfile(k.runtime.store.db, b);
    expect(profile).toMatchObject({ whoFor: "self", paths: ["secular"], stage: "under-30-days", substances: ["alcohol"], weeklyNote: true, shareWithGreeters: true });
    expect(botPostsTo(k, "words_person").find((p) => /Thank you, that helps/.test(p.raw))!.raw).toContain("weekly encouragement note");
    const status = await onboardingStatus(k.runtime.store.db, "WORDS_person");
    expect(status?.state).toBe("done");
    expect(status?.consentAt).toBeTruthy();
    const funnel = await onboardingFunnel(k.runtime.store.db, k.clock.now(), 4);
    expect(funnel.at(-1)).toMatchObject({ welcomed: 2, answered: 2 });
  });

  it("should re-ask an unreadable answer once, naming what is missing, then stop asking", async () => {
    const k = await start();
    const id = await join(k, "unclear_one");
    await answer(k, "unclear_one", "yes, ask away");
    await answer(k, "unclear_one", "blorp fizzle wibble");
    const reask = botPostsTo(k, "unclear_one").at(-1)!.raw;
    expect(reask).toMatch(/couldn't quite read/);
    expect(reask).toContain("your path");
    await answer(k, "unclear_one", "still blorping, sorry");
    const after = botPostsTo(k, "unclear_one");
    expect(after.filter((p) => /couldn't quite read/.test(p.raw))).toHaveLength(1);
    expect(after.at(-1)!.raw).toMatch(/leave the questions there/);
    expect((await onboardingStatus(k.runtime.store.db, "unclear_one"))?.state).toBe("done");
    await answer(k, "unclear_one", "more words that nobody asked for");
    expect(botPostsTo(k, "unclear_one")).toHaveLength(after.length);
    expect(id).toBeGreaterThan(0);
  });

  it("should send nothing more after 'stop', not even the nudge", async () => {
    const k = await start();
    await join(k, "stopper", { timezone: "UTC" });
    await answer(k, "stopper", "stop please");
    const count = botPostsTo(k, "stopper").length;
    expect(botPostsTo(k, "stopper").at(-1)!.raw).toMatch(/won't get more messages/);
    await answer(k, "stopper", "1, 4, 9 actually");
    k.clock.advance(3 * 86_400_000 + 60_000);
    await k.runtime.runTask("onboarding", "nudge-sweep");
    await k.settle();
    expect(botPostsTo(k, "stopper")).toHaveLength(count);
  });

  it("should nudge once on day 3 in the member's daytime, and never after they posted", async () => {
    const k = await start();
    // Welcomed at 12:00 UTC = 04:00 in Los Angeles; day 3 at the same time is night there.
    await join(k, "quiet_reader", { timezone: "America/Los_Angeles" });
    await join(k, "early_poster", { timezone: "America/Los_Angeles" });
    k.forum.actAs("early_poster").createPost({ title: "Hello from a newcomer here", raw: "Hi everyone, glad to be here, reading along for now.", category: 2 });
    await k.settle();
    k.clock.advance(3 * 86_400_000);
    await k.runtime.runTask("onboarding", "nudge-sweep");
    await k.settle();
    expect(botPostsTo(k, "quiet_reader")).toHaveLength(1); // 04:00 local: not yet
    k.clock.advance(6 * 3_600_000); // 10:00 local
    await k.runtime.runTask("onboarding", "nudge-sweep");
    await k.runtime.runTask("onboarding", "nudge-sweep");
    await k.settle();
    const posts = botPostsTo(k, "quiet_reader");
    expect(posts).toHaveLength(2);
    expect(posts[1].raw).toMatch(/only reminder/);
    expect(posts[1].topicId).toBe(posts[0].topicId);
    k.clock.advance(86_400_000);
    await k.runtime.runTask("onboarding", "nudge-sweep");
    await k.settle();
    expect(botPostsTo(k, "quiet_reader")).toHaveLength(2);
    expect(botPostsTo(k, "early_poster")).toHaveLength(1);
    expect((await onboardingStatus(k.runtime.store.db, "early_poster"))?.nudge.cancelled).toBe("posted");
  });

  it("should hand a reply saying they want to die to crisis watch and ask no next question", async () => {
    const k = await start();
    const id = await join(k, "in_danger");
    await answer(k, "in_danger", "yes please, the questions");
    const before = botPostsTo(k, "in_danger").length;
    await answer(k, "in_danger", "Honestly I just want to die, 1 and 4");
    const after = botPostsTo(k, "in_danger");
    expect(after.slice(before).some((p) => /\*\*\d+\. /.test(p.raw) || /couldn't quite read/.test(p.raw))).toBe(false);
    expect((await onboardingStatus(k.runtime.store.db, "in_danger"))?.state).toBe("crisis");
    expect((await getMemberProfile(k.runtime.store.db, id))?.paths).toEqual([]);
    const alerts = await k.runtime.store.db.selectFrom("crisis_alerts").selectAll().where("user_id", "=", id).execute();
    expect(alerts.length).toBeGreaterThan(0);
  });

  it("should meet a craving with warmth, pause the questions, and go on only when asked", async () => {
    const k = await start();
    await join(k, "craving_one");
    await answer(k, "craving_one", "yes please, the questions");
    await answer(k, "craving_one", "I'm having a really bad craving to drink tonight");
    const warm = botPostsTo(k, "craving_one").at(-1)!.raw;
    expect(warm).toMatch(/Thank you for telling me/);
    expect(warm).not.toMatch(/\*\*\d+\. /);
    await answer(k, "craving_one", "it's just really hard right now");
    expect(botPostsTo(k, "craving_one").at(-1)!.raw).toBe(warm);
    await answer(k, "craving_one", "ok, go on please");
    expect(botPostsTo(k, "craving_one").at(-1)!.raw).toContain("**1. What brings you here?**");
  });

  it("should not ask again what the signup form already answered", async () => {
    const k = await start({ onboarding: { userFields: { "1": "whoFor", "2": "paths", "3": "stage" } } });
    const id = await join(k, "signed_up", { user_fields: { "1": "My own recovery", "2": "SMART or other secular", "3": "30-90 days" } });
    expect(await getMemberProfile(k.runtime.store.db, id)).toMatchObject({ whoFor: "self", paths: ["secular"], stage: "30-90-days", fromSignup: ["paths", "stage", "whoFor"] });
    await answer(k, "signed_up", "yes, happy to answer");
    const intake = botPostsTo(k, "signed_up").at(-1)!.raw;
    expect(intake).not.toContain("What brings you here?");
    expect(intake).not.toContain("How long have you been in recovery?");
    expect(intake).toContain("**1. Substances or behaviours");
    expect(intake).toContain("(1) Alcohol");
  });

  it("should remove the member's answers on 'forget me'", async () => {
    const k = await start();
    const id = await join(k, "forgetful");
    await answer(k, "forgetful", "yes please, the questions");
    await answer(k, "forgetful", "1, 5, about 2 months");
    expect(await getMemberProfile(k.runtime.store.db, id)).toBeDefined();
    await answer(k, "forgetful", "forget me please");
    expect(botPostsTo(k, "forgetful").at(-1)!.raw).toMatch(/including your answers/);
    expect(await getMemberProfile(k.runtime.store.db, id)).toBeUndefined();
    expect(await k.runtime.store.db.selectFrom("onboarding_profiles").selectAll().where("user_id", "=", id).execute()).toEqual([]);
    expect(await k.runtime.store.db.selectFrom("onboarding_journeys").selectAll().where("user_id", "=", id).execute()).toEqual([]);
  });

  it("should change and remove a sobriety date with 'date', privately", async () => {
    const k = await start();
    const id = await join(k, "dated_one");
    await answer(k, "dated_one", "date 2025-12-01 please");
    expect((await getMemberProfile(k.runtime.store.db, id))?.sobrietyDate).toBe("2025-12-01");
    expect(botPostsTo(k, "dated_one").at(-1)!.raw).toContain("Saved: **2025-12-01**");
    await answer(k, "dated_one", "date remove");
    expect((await getMemberProfile(k.runtime.store.db, id))?.sobrietyDate).toBeUndefined();
  });

  it("should drop the nudge after a suspension", async () => {
    const k = await start();
    await join(k, "suspended_one", { timezone: "UTC" });
    k.forum.suspendUser("suspended_one", { until: "2027-01-01T00:00:00Z", reason: "test" });
    await k.settle();
    k.clock.advance(3 * 86_400_000 + 60_000);
    await k.runtime.runTask("onboarding", "nudge-sweep");
    await k.settle();
    expect(botPostsTo(k, "suspended_one")).toHaveLength(1);
    expect((await onboardingStatus(k.runtime.store.db, "suspended_one"))?.nudge.cancelled).toBe("suspended");
  });

  it("should tell the greeter group only what a newcomer agreed to share", async () => {
    const k = await start({ onboarding: { greeterNote: { enabled: true, hourUtc: 16 } } });
    await join(k, "sharer");
    await answer(k, "sharer", "yes please, the questions");
    await answer(k, "sharer", "1, 4, 7, 10, 25, 32 thanks");
    await join(k, "private_one");
    await answer(k, "private_one", "yes please, the questions");
    await answer(k, "private_one", "2, 5, 33 thanks");
    k.clock.set("2026-01-05T16:07:00Z");
    await k.runtime.runTask("onboarding", "greeter-note");
    await k.runtime.runTask("onboarding", "greeter-note");
    await k.settle();
    const greeters = [...k.forum.state.groups.values()].find((g) => g.name === "greeters")!;
    const notes = [...k.forum.state.topics.values()].filter((t) => t.archetype === "private_message" && t.allowedGroupIds?.has?.(greeters.id));
    expect(notes).toHaveLength(1);
    const raw = [...k.forum.state.posts.values()].find((p) => p.topicId === notes[0].id)!.raw;
    expect(raw).toContain("sharer: My own recovery; 12-step");
    expect(raw).not.toMatch(/private\\?_one|Medication|Opioids|LGBTQ/);
  });
});
