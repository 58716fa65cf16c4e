import type { MemberActivity } from "../../../bots/weekly-digest/compose-digest.ts";
import type { DigestClient } from "../../../bots/weekly-digest/digest-forum.ts";
import type { DigestProfile } from "../../../bots/weekly-digest/profile-source.ts";

/** Titles and names that try every trick: they must come out inert in markdown and in HTML. */
export const HOSTILE = [
  "<script>alert('x')</script>",
  "<img src=x onerror=alert(1)>",
  "[click me](javascript:alert(1))",
  "![pixel](https://evil.example/p.png)",
  "@everyone @moderators @admins",
  "#staff #private-circle",
  "**bold** _it_ `code` > quote",
  "<a href=\"https://evil.example\" onclick=\"steal()\">prize</a>",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "https://evil.example/phish www.evil.example",
] as const;

/** Mulberry32: the same forum every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedCategory {
  id: number;
  name: string;
  slug: string;
  read_restricted: boolean;
  topics_week: number;
  groups: string[];
  parent_category_id?: number;
}

export interface GeneratedTopic {
  id: number;
  title: string;
  slug: string;
  category_id: number | null;
  archetype: string;
  like_count: number;
  authorId: number;
}

export interface GeneratedMember {
  userId: number;
  username: string;
  groups: string[];
  activity: MemberActivity;
  profile: DigestProfile | undefined;
}

export interface GeneratedForum {
  categories: GeneratedCategory[];
  topics: GeneratedTopic[];
  members: GeneratedMember[];
  users: Map<number, string>;
  groups: Map<string, number[]>;
  suspended: number[];
  silenced: number[];
  /** A title that exists only in the private category (for "never appears" checks). */
  privateTitle: string;
  /** A title that exists only in a PM (for "never appears" checks). */
  pmTitle: string;
}

/**
 * A forum with public and group-restricted categories (one private to `women-circle`, one a
 * subcategory of it), top topics with hostile titles, anonymous posters, a PM that leaked into the
 * top list, and `memberCount` members with activity and profiles.
 */
export function generateForum(memberCount: number, seed = 7): GeneratedForum {
  const rnd = random(seed);
  const groupNames = ["women-circle", "evening-circle", "family-and-friends", ...Array.from({ length: 17 }, (_, i) => `circle-${i + 1}`)];
  const categories: GeneratedCategory[] = [
    { id: 1, name: "General", slug: "general", read_restricted: false, topics_week: 40, groups: [] },
    { id: 2, name: "Check-ins", slug: "check-ins", read_restricted: false, topics_week: 25, groups: [] },
    { id: 5, name: "Women's Circle", slug: "womens-circle", read_restricted: true, topics_week: 6, groups: ["women-circle"] },
    { id: 6, name: "Circle notes", slug: "circle-notes", read_restricted: true, topics_week: 2, groups: ["women-circle"], parent_category_id: 5 },
    { id: 7, name: "Staff", slug: "staff", read_restricted: true, topics_week: 3, groups: ["staff"] },
    ...groupNames.slice(1).map((g, i) => ({ id: 10 + i, name: g, slug: g, read_restricted: true, topics_week: 1 + (i % 4), groups: [g] })),
  ];
  const users = new Map<number, string>();
  const members: GeneratedMember[] = [];
  const groups = new Map<string, number[]>(groupNames.map((g) => [g, []]));
  for (let i = 0; i < memberCount; i++) {
    const userId = 1000 + i;
    const username = i % 97 === 5 ? HOSTILE[i % HOSTILE.length].replace(/\s/g, "_") : `member_${i}`;
    users.set(userId, username);
    const mine = groupNames.filter((_, g) => rnd() < (g === 0 ? 0.1 : 0.05));
    for (const g of mine) groups.get(g)?.push(userId);
    const posts = Math.floor(rnd() * 3);
    const replies = Math.floor(rnd() * 6);
    const likers = Array.from({ length: Math.floor(rnd() * 8) }, (_, k) => (k % 5 === 4 ? `anonymous${k}` : `member_${Math.floor(rnd() * memberCount)}`));
    const daysAgo = Math.floor(rnd() * 800);
    const date = new Date(Date.UTC(2026, 0, 5) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    members.push({
      userId,
      username,
      groups: mine,
      activity: {
        posts,
        replies,
        likesReceived: likers.length,
        thankedBy: likers.filter((l) => !l.startsWith("anonymous")),
        thankedByUnnamed: likers.filter((l) => l.startsWith("anonymous")).length,
        checkedInThisWeek: posts + replies > 0,
        checkinWeeks: Math.floor(rnd() * 60),
      },
      profile: rnd() < 0.6 ? { sobrietyDate: date, milestones: rnd() < 0.9 ? null : false, timezone: null } : undefined,
    });
  }
  const privateTitle = "Circle secret: my relapse story";
  const pmTitle = "PM between two members about a hard night";
  users.set(1, "anonymous42");
  users.set(2, "ordinary_author");
  users.set(3, "circle_author");
  const topics: GeneratedTopic[] = [
    ...HOSTILE.map((title, i) => ({ id: 500 + i, title, slug: `hostile-${i}`, category_id: 1 + (i % 2), archetype: "regular", like_count: 30 - i, authorId: 1 + (i % 2) })),
    { id: 600, title: privateTitle, slug: "circle-secret-my-relapse-story", category_id: 5, archetype: "regular", like_count: 99, authorId: 3 },
    { id: 601, title: `${privateTitle} (sub)`, slug: "circle-secret-sub", category_id: 6, archetype: "regular", like_count: 50, authorId: 3 },
    { id: 602, title: pmTitle, slug: "pm-between-two", category_id: null, archetype: "private_message", like_count: 80, authorId: 2 },
    { id: 603, title: "Staff rota notes", slug: "staff-rota", category_id: 7, archetype: "regular", like_count: 70, authorId: 2 },
    { id: 604, title: "Unknown category topic", slug: "unknown", category_id: 999, archetype: "regular", like_count: 60, authorId: 2 },
  ];
  const ids = [...users.keys()];
  return {
    categories,
    topics,
    members,
    users,
    groups,
    suspended: ids.filter((_, i) => i % 211 === 3),
    silenced: ids.filter((_, i) => i % 307 === 4),
    privateTitle,
    pmTitle,
  };
}

/** Calls made on a {@link countingClient}, by kind. */
export interface CallCounts {
  reads: number;
  writes: number;
}

/**
 * A fake of the bound client that answers from a generated forum in Discourse's shapes and counts
 * every call (what the bench measures). PMs sent are kept so tests can read them.
 */
export function countingClient(forum: GeneratedForum): DigestClient & {
  counts: CallCounts;
  sent: Array<{ to: string; title: string; raw: string }>;
  createPrivateMessage(input: { title: string; raw: string; targetRecipients: string[]; idempotencyKey: string }): Promise<{ id: number; topic_id: number; post_number: number }>;
} {
  const counts: CallCounts = { reads: 0, writes: 0 };
  const sent: Array<{ to: string; title: string; raw: string }> = [];
  const read = <T>(value: T): Promise<T> => {
    counts.reads++;
    return Promise.resolve(structuredClone(value));
  };
  const top = forum.categories.filter((c) => c.parent_category_id === undefined);
  const client = {
    counts,
    sent,
    listCategories: () =>
      read({
        category_list: {
          categories: top.map((c) => ({ ...c, subcategory_list: forum.categories.filter((s) => s.parent_category_id === c.id) })),
        },
      }),
    getCategory: (id: number) => {
      const c = forum.categories.find((x) => x.id === id);
      return read({ category: { id, group_permissions: (c?.groups ?? []).map((g) => ({ permission_type: 1, group_name: g })) } });
    },
    listGroupMembers: (name: string, params: { offset?: number; limit?: number } = {}) => {
      const all = forum.groups.get(name) ?? [];
      const offset = params.offset ?? 0;
      const limit = params.limit ?? 50;
      const members = all.slice(offset, offset + limit).map((id) => ({ id, username: forum.users.get(id) ?? `u${id}` }));
      return read({ members, owners: [], meta: { total: all.length, limit, offset } });
    },
    topTopics: () =>
      read({
        users: [...new Set(forum.topics.map((t) => t.authorId))].map((id) => ({ id, username: forum.users.get(id) })),
        topic_list: { topics: forum.topics.map((t) => ({ ...t, posters: [{ description: "Original Poster", user_id: t.authorId }] })) },
      }),
    listUsersByFlag: (flag: string, params: { page?: number } = {}) => {
      const ids = flag === "suspended" ? forum.suspended : forum.silenced;
      const page = Math.max(1, params.page ?? 1);
      return read(ids.slice((page - 1) * 100, page * 100).map((id) => ({ id, username: forum.users.get(id) })));
    },
    async createPrivateMessage(input: { title: string; raw: string; targetRecipients: string[] }) {
      counts.writes++;
      sent.push({ to: input.targetRecipients[0], title: input.title, raw: input.raw });
      return { id: counts.writes, topic_id: 10_000 + counts.writes, post_number: 1 };
    },
  };
  return client as unknown as ReturnType<typeof countingClient>;
}
