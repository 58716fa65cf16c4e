import { afterEach, describe, expect, it } from "vitest";
import { loadCatalogue, parseCatalogue } from "../../../bots/peer-groups/catalogue/load-catalogue.ts";
import { createPeerGroupsBot } from "../../../bots/peer-groups/index.ts";
import type { IntakeAnswers } from "../../../bots/peer-groups/profile/normalize-profile.ts";
import { type Kindred, startKindred } from "../../helpers/start-kindred.ts";

const SEEDED = ["early-recovery-evenings-a", "early-recovery-evenings-b", "family-and-friends", "lgbtq-recovery", "women-circle"];

function catalogue(capacities: Record<string, number> = {}) {
  const base = loadCatalogue();
  const groups = base.groups.filter((g) => SEEDED.includes(g.name)).map((g) => ({ ...g, capacity: capacities[g.name] ?? g.capacity }));
  return parseCatalogue({ timeBands: base.timeBands, groups });
}

const userId = (k: Kindred, username: string) => [...k.forum.state.users.values()].find((u) => u.username === username)!.id;
const group = (k: Kindred, name: string) => [...k.forum.state.groups.values()].find((g) => g.name === name)!;
const pmTopics = (k: Kindred, username: string) =>
  [...k.forum.state.topics.values()].filter((t) => t.archetype === "private_message" && t.allowedUserIds.has(userId(k, username)));
const postsIn = (k: Kindred, topicId: number) => [...k.forum.state.posts.values()].filter((p) => p.topicId === topicId).sort((a, b) => a.postNumber - b.postNumber);
const lastPost = (k: Kindred, topicId: number) => postsIn(k, topicId).at(-1)!;

describe("peer groups on the sandbox forum", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  const quinnAnswers: Omit<IntakeAnswers, "userId"> = { brings: "Both", spaces: ["LGBTQ+"], timeInRecovery: "Under 30 days", timezone: "America/Chicago" };

  let profiles = new Map<number, IntakeAnswers>();
  async function start(options: { capacities?: Record<string, number>; perPage?: number } = {}) {
    const answers = new Map<number, IntakeAnswers>();
    profiles = answers;
    const bot = createPeerGroupsBot({ catalogue: catalogue(options.capacities), profiles: async (_db, id) => answers.get(id) });
    kindred = await startKindred({ bots: [bot], overrides: { enabledBots: ["peer-groups"], peerGroups: { perPage: options.perPage ?? 3 } } });
    const id = userId(kindred, "quinn");
    answers.set(id, { userId: id, ...quinnAnswers });
    await kindred.runtime.services.members.ensure(id, "quinn");
    return { k: kindred, id };
  }

  /** The member replies in the suggestions thread, as on the forum. */
  async function reply(k: Kindred, topicId: number, raw: string) {
    k.forum.actAs("quinn").createPost({ topic_id: topicId, raw: raw.length < 10 ? `${raw} please` : raw });
    await k.settle();
    return lastPost(k, topicId).raw;
  }

  async function suggest(k: Kindred, id: number) {
    await k.runtime.runTask("peer-groups", "suggest", { userId: id });
    await k.settle();
    return pmTopics(k, "quinn");
  }

  it("should send one numbered suggestions PM with reasons after the intake, and join 2 makes them a member", async () => {
    const { k, id } = await start();
    const [topic, ...others] = await suggest(k, id);
    expect(others).toEqual([]);
    expect(topic.title).not.toMatch(/recover|sober|addict|alcohol|drug/i);
    const body = postsIn(k, topic.id)[0].raw;
    expect(body).toMatch(/\*\*1\. \[LGBTQ\\\+ recovery\]/);
    expect(body).toMatch(/\*\*2\. \[Early recovery — evenings B\]/);
    expect(body).toMatch(/\*\*3\. \[Family and friends\]/);
    expect(body).toMatch(/You said you are in the first 30 days, and this group is for the first 90 days, and it meets Mondays and Thursdays at 7pm your time/);
    expect(body).toMatch(/owners approve new members/);
    expect(body).toMatch(/people signed in to the forum can see who belongs/);

    const answer = await reply(k, topic.id, "join 2");
    expect(answer).toMatch(/you are now in \*\*\[Early recovery — evenings B\]\(http.*\/g\/early-recovery-evenings-b\)/);
    expect(group(k, "early-recovery-evenings-b").members.has(id)).toBe(true);
    const member = group(k, "early-recovery-evenings-b").members.get(id)!;
    expect(member.owner).toBe(false);
    expect(k.forum.state.users.get(id)?.primaryGroupId ?? null).toBeNull();
  });

  it("should tell a member how to ask a request-only group, and message its owners only with their consent", async () => {
    const { k, id } = await start();
    const [topic] = await suggest(k, id);
    const answer = await reply(k, topic.id, "join 1");
    expect(answer).toMatch(/takes new members by request/);
    expect(answer).toMatch(/\/g\/lgbtq-recovery/);
    expect(group(k, "lgbtq-recovery").members.has(id)).toBe(false);
    const pending = await k.runtime.store.db.selectFrom("peer_group_requests").selectAll().where("user_id", "=", id).execute();
    expect(pending.map((r) => [r.group_name, r.via])).toEqual([["lgbtq-recovery", "link"]]);
    expect(pmTopics(k, "sam_mod").filter((t) => t.title.includes("lgbtq-recovery"))).toEqual([]);

    expect(await reply(k, topic.id, "ask for me")).toMatch(/I messaged the owners of \*\*\[LGBTQ\\\+ recovery\]/);
    const toOwners = pmTopics(k, "sam_mod").filter((t) => t.title.includes("lgbtq-recovery"));
    expect(toOwners).toHaveLength(1);
    expect(toOwners[0].allowedUserIds.has(id)).toBe(false);
    expect(group(k, "lgbtq-recovery").members.has(id)).toBe(false);
  });

  it("should show the next ones on more, and respect and remember not now", async () => {
    const { k, id } = await start({ perPage: 2 });
    const [topic] = await suggest(k, id);
    expect(postsIn(k, topic.id)[0].raw).not.toMatch(/\*\*3\./);
    expect(await reply(k, topic.id, "more")).toMatch(/\*\*3\. \[Family and friends\]/);
    expect(await reply(k, topic.id, "not now")).toMatch(/won't suggest groups again/);
    const before = postsIn(k, topic.id).length;
    expect(await suggest(k, id)).toHaveLength(1);
    expect(postsIn(k, topic.id)).toHaveLength(before);
  });

  it("should stop suggesting a group once a moderator removes the member from it", async () => {
    const { k, id } = await start();
    const [topic] = await suggest(k, id);
    await reply(k, topic.id, "join 2");
    k.forum.removeFromGroup("early-recovery-evenings-b", ["quinn"], { by: "sam_mod" });
    await k.settle();
    const answer = await reply(k, topic.id, "groups");
    expect(answer).not.toMatch(/evenings B/);
    const exclusions = await k.runtime.store.db.selectFrom("peer_group_exclusions").selectAll().where("user_id", "=", id).execute();
    expect(exclusions.map((e) => e.group_name)).toEqual(["early-recovery-evenings-b"]);
  });

  it("should never suggest a full group, counting members moderators added by hand", async () => {
    const { k, id } = await start({ capacities: { "early-recovery-evenings-a": 4, "early-recovery-evenings-b": 3 } });
    k.forum.addToGroup("early-recovery-evenings-b", ["riley"], { by: "sam_mod" });
    k.forum.addToGroup("early-recovery-evenings-a", ["dana"], { by: "maria_mod" });
    await k.runtime.runTask("peer-groups", "sync");
    await k.settle();
    expect(group(k, "early-recovery-evenings-a").members.size).toBeGreaterThanOrEqual(4);
    expect(group(k, "early-recovery-evenings-b").members.size).toBeGreaterThanOrEqual(3);
    const [topic] = await suggest(k, id);
    expect(postsIn(k, topic.id)[0].raw).not.toMatch(/Early recovery/);
  });

  it("should send one next-stage suggestion when a sobriety date crosses a band, never more than one a month", async () => {
    const { k, id } = await start();
    const day = 86_400_000;
    const dateDaysAgo = (n: number) => new Date(k.clock.now().getTime() - n * day).toISOString().slice(0, 10);
    profiles.set(id, { userId: id, brings: "My own recovery", sobrietyDate: dateDaysAgo(27), timezone: "America/Chicago" });
    await suggest(k, id);
    expect(pmTopics(k, "quinn")).toHaveLength(1);
    await k.runtime.runTask("peer-groups", "band-sweep");
    await k.settle();
    expect(pmTopics(k, "quinn")).toHaveLength(1);
    k.clock.advance(5 * day); // day 32: crossed into 30–90
    await k.runtime.runTask("peer-groups", "band-sweep");
    await k.runtime.runTask("peer-groups", "band-sweep");
    await k.settle();
    const topics = pmTopics(k, "quinn");
    expect(topics).toHaveLength(2);
    const band = postsIn(k, topics[1].id)[0].raw;
    expect(band).toMatch(/on your way for five weeks/);
    expect(band).toMatch(/\*\*1\. \[Early recovery — evenings/);
    // The date is changed to 100 days ago: a second crossing, but inside the month nothing more goes out.
    profiles.set(id, { userId: id, brings: "My own recovery", sobrietyDate: dateDaysAgo(100), timezone: "America/Chicago" });
    k.clock.advance(3 * day);
    await k.runtime.runTask("peer-groups", "band-sweep");
    await k.settle();
    expect(pmTopics(k, "quinn")).toHaveLength(2);
  });

  it("should send nothing while the member is quiet", async () => {
    const { k, id } = await start();
    await k.runtime.services.members.setQuietUntil(id, new Date(k.clock.now().getTime() + 14 * 86_400_000));
    expect(await suggest(k, id)).toEqual([]);
  });
});
