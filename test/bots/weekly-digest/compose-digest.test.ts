import { beforeAll, describe, expect, it } from "vitest";
import { anonymousMatcher, buildDigest, type DigestEnvironment } from "../../../bots/weekly-digest/build-digest.ts";
import { createDigestForum } from "../../../bots/weekly-digest/digest-forum.ts";
import { type ForumSnapshot, loadForumSnapshot } from "../../../bots/weekly-digest/forum-snapshot.ts";
import { canRead, indexSnapshot, type SnapshotIndex } from "../../../bots/weekly-digest/member-view.ts";
import { loadDigestTexts } from "../../../bots/weekly-digest/texts.ts";
import { loadConfig } from "../../../config/index.ts";
import { renderMarkdown } from "../../../plugins/markdown/render-markdown.ts";
import { countingClient, type GeneratedForum, type GeneratedMember, generateForum, HOSTILE } from "./generate-forum.ts";

const FORUM = "https://forum.example";
const NOW = new Date("2026-01-11T09:00:00Z");
const HEALTH_WORDS = /sobri|sober|recover|relapse|drink|alcohol|drug|addict|clean|crisis|milestone|day \d|craving|using/i;

let forum: GeneratedForum;
let snapshot: ForumSnapshot;
let index: SnapshotIndex;
let env: DigestEnvironment;

function digestFor(member: GeneratedMember, overrides: Partial<Parameters<typeof buildDigest>[1]> = {}) {
  return buildDigest(index, { userId: member.userId, username: member.username, timezone: "UTC", week: "2026-W02", now: NOW, profile: member.profile, activity: member.activity, recentLines: [], ...overrides }, env);
}

const inGroup = (g: string) => forum.members.find((m) => m.groups.includes(g) && !snapshot.blockedUserIds.includes(m.userId))!;
const outside = (g: string) => forum.members.find((m) => !m.groups.includes(g))!;

beforeAll(async () => {
  forum = generateForum(600);
  snapshot = await loadForumSnapshot(createDigestForum(countingClient(forum)), { now: NOW });
  index = indexSnapshot(snapshot);
  const config = loadConfig({});
  env = {
    settings: config.digest,
    texts: loadDigestTexts(config.digest.textsFile),
    crisis: config.crisis,
    defaultCountry: "US",
    forumUrl: FORUM,
    isAnonymous: anonymousMatcher(config.digest.anonymousUsernamePattern),
  };
});

describe("the forum snapshot", () => {
  it("should keep no title from a restricted category, a PM or an unknown category", () => {
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain(forum.privateTitle);
    expect(json).not.toContain(forum.pmTitle);
    expect(json).not.toContain("Staff rota notes");
    expect(json).not.toContain("Unknown category topic");
  });

  it("should read the forum in bulk: one call per category permission and group page, not per member", () => {
    expect(snapshot.reads).toBeLessThan(60);
    expect(snapshot.groupMembers["women-circle"].length).toBe(forum.groups.get("women-circle")!.length);
  });

  it("should treat a subcategory of a private category as private", () => {
    const member = outside("women-circle");
    expect(canRead(index, member.userId, 6)).toBe(false);
    expect(canRead(index, inGroup("women-circle").userId, 6)).toBe(true);
    expect(canRead(index, member.userId, 999)).toBe(false);
  });
});

describe("composeDigest with a generated forum", () => {
  it("should count posts, replies and likes, and name who thanked them (never anonymous accounts)", () => {
    const member = { ...forum.members[0], activity: { posts: 2, replies: 3, likesReceived: 4, thankedBy: ["riley", "dana"], thankedByUnnamed: 2, checkedInThisWeek: true, checkinWeeks: 12 } };
    const { raw } = digestFor(member);
    expect(raw).toContain("**2** new topics and **3** replies");
    expect(raw).toContain("appreciated **4** times");
    expect(raw).toContain("Thanked by riley, dana and 2 more.");
    expect(raw).toContain("so far: **12**");
    expect(raw).toContain("You checked in this week");
    expect(raw).not.toMatch(/anonymous/i);
  });

  it("should say a quiet week kindly and never announce a reset or a streak", () => {
    const member = { ...forum.members[1], activity: { posts: 0, replies: 0, likesReceived: 0, thankedBy: [], thankedByUnnamed: 0, checkedInThisWeek: false, checkinWeeks: 5 } };
    const { raw } = digestFor(member);
    expect(raw).toContain("A quieter week is fine too");
    expect(raw).toContain("so far: **5**");
    expect(raw).not.toMatch(/reset|streak|missed|broke|back to (zero|0)|start(ed)? over/i);
  });

  it.each([
    ["2026-01-10", 1, "1 day", undefined],
    ["2026-01-04", 7, "1 week", undefined],
    ["2025-12-12", 30, "30 days", undefined],
    ["2025-11-15", 57, undefined, "60 days"],
    ["2025-01-11", 365, "1 year", undefined],
    ["2024-01-13", 729, undefined, "2 years"],
  ])("should count days since %s and its milestones", (date, days, reached, next) => {
    const { raw } = digestFor(forum.members[2], { profile: { sobrietyDate: date, milestones: null, timezone: null } });
    expect(raw).toContain(`day **${days}** since`);
    if (reached) expect(raw).toContain(`you reached **${reached}**`);
    if (next) expect(raw).toContain(`next week: **${next}**`);
  });

  it("should leave days and milestones out when the member said no to milestones or shared no date", () => {
    expect(digestFor(forum.members[2], { profile: { sobrietyDate: "2025-12-12", milestones: false, timezone: null } }).raw).not.toContain("since the date");
    expect(digestFor(forum.members[2], { profile: undefined }).raw).not.toContain("since the date");
  });

  it("should never show text from a private category to a member outside it", () => {
    const { raw } = digestFor(outside("women-circle"));
    expect(raw).not.toContain("Circle secret");
    expect(raw).not.toContain("Women's Circle");
    expect(raw).not.toContain("womens-circle");
    expect(raw).not.toContain("Staff");
  });

  it("should show a readable restricted category only as a count and a link to its page", () => {
    const { raw } = digestFor(inGroup("women-circle"));
    expect(raw).toContain(`Women's Circle`.replace("'", "\\'"));
    expect(raw).toContain("**: 6 new conversations this week");
    expect(raw).toContain(`(${FORUM}/c/womens-circle/5)`);
    expect(raw).not.toContain("Circle secret");
    expect(raw).not.toContain("/t/circle-secret");
    expect(raw).not.toContain("circle\\_author");
  });

  it("should never carry anything from a PM", () => {
    for (const member of forum.members.slice(0, 50)) expect(digestFor(member).raw).not.toMatch(/PM between|pm-between/);
  });

  it("should not name anonymous posters but may name others", () => {
    const { raw } = digestFor(forum.members[3]);
    expect(raw).not.toMatch(/anonymous42/i);
    expect(raw).toContain("started by ordinary\\_author");
  });

  it("should keep the title free of health words", () => {
    const { title } = digestFor(forum.members[4]);
    expect(title).not.toMatch(HEALTH_WORDS);
    expect(env.texts.stillHereTitle).not.toMatch(HEALTH_WORDS);
    expect(env.texts.invitationTitle).not.toMatch(HEALTH_WORDS);
  });

  it("should end with the compact resources footer from crisis watch", () => {
    const { raw } = digestFor(forum.members[5], { timezone: "Europe/London" });
    expect(raw).toContain("Samaritans");
    expect(raw).toContain("findahelpline.com");
  });
});

describe("hostile titles and usernames, through both paths", () => {
  const hostileMember = () => ({ ...forum.members[6], username: HOSTILE.join(" "), activity: { ...forum.members[6].activity, thankedBy: [...HOSTILE] } });

  it("should escape member text in the markdown sent to Discourse: no links, images, HTML or mentions", () => {
    const { raw } = digestFor(hostileMember());
    expect(raw).not.toMatch(/<\/?(script|img|a|iframe|style)\b/i);
    expect(raw).not.toMatch(/(^|[^\\])@(everyone|moderators|admins)/m);
    expect(raw).not.toMatch(/(^|[^\\])#(staff|private)/m);
    expect(raw).not.toMatch(/(^|[^\\])!\[/m);
    expect(raw).not.toMatch(/\]\((javascript|data):/i);
    expect(raw).not.toContain("https://evil.example");
    const links = [...raw.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    for (const href of links) expect(href.startsWith(`${FORUM}/`) || href.includes("findahelpline")).toBe(true);
  });

  it("should render inert HTML: no script, handler, foreign link or image", () => {
    const html = renderMarkdown(digestFor(hostileMember()).raw, { forumUrl: FORUM, allowedHosts: env.settings.allowedLinkHosts });
    const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    for (const tag of tags) expect(tag).toMatch(/^<(p|br|strong|em|code|pre|blockquote|ul|ol|li|h3|hr|a|span)\b/);
    for (const tag of tags) expect(tag).not.toMatch(/\son\w+=|javascript:|data:|src=/i);
    for (const [, href] of html.matchAll(/<a href="([^"]+)"/g)) expect(href.startsWith(`${FORUM}/`)).toBe(true);
    for (const tag of html.matchAll(/<a [^>]*>/g)) expect(tag[0]).toContain('rel="nofollow noopener"');
    expect(html).toContain("&lt;script&gt;");
  });
});
