import type { BaseContext } from "../../plugins/app/types.ts";
import type { BoundClient } from "../../plugins/discourse/index.ts";

/** A category as the digest needs it: never its description, only what decides who may read it. */
export interface ForumCategory {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  /** False: everyone (even visitors) may read it. */
  readRestricted: boolean;
  /** New topics this week (Discourse's own `topics_week`). */
  topicsWeek: number;
}

/** One of the week's top topics (`/top.json?period=weekly`). */
export interface ForumTopTopic {
  id: number;
  title: string;
  slug: string;
  categoryId: number | null;
  archetype: string;
  likeCount: number;
  /** The original poster's username, when the list names one. */
  author: string | null;
}

/** The few forum calls the digest makes, each one budgeted call (paged ones one per page). */
export interface DigestForum {
  categories(): Promise<ForumCategory[]>;
  /** Lower-case names of the groups that may read (or more) a category. */
  categoryGroups(categoryId: number): Promise<string[]>;
  /** One page of a group's member ids; `done` when it was the last. */
  groupMembersPage(group: string, offset: number, limit: number): Promise<{ ids: number[]; done: boolean }>;
  topWeekly(): Promise<ForumTopTopic[]>;
  /** One page (100) of who is suspended or silenced right now. */
  restrictedUsersPage(flag: "suspended" | "silenced", page: number): Promise<number[]>;
}

/** What of the bound client the adapter uses (so a counting fake in tests and benches is small). */
export type DigestClient = Pick<BoundClient, "listCategories" | "getCategory" | "listGroupMembers" | "topTopics" | "listUsersByFlag">;

interface CategoryRow {
  id: number;
  name: string;
  slug: string;
  read_restricted: boolean;
  topics_week?: number;
  parent_category_id?: number | null;
  subcategory_list?: unknown[] | null;
}

function toCategory(row: CategoryRow, parentId: number | null): ForumCategory {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    parentId: row.parent_category_id ?? parentId,
    readRestricted: row.read_restricted !== false,
    topicsWeek: Number(row.topics_week ?? 0),
  };
}

/**
 * The digest's bulk reads go through the admin account, on the digest lane: a moderator bot may not
 * see every group's member list (`members_visibility_level`) or every category, and who may read
 * what is exactly what the digest must know. Nothing read this way is shown to anyone unchecked.
 */
export function forumFor(ctx: Pick<BaseContext, "discourseAs" | "signal">): DigestForum {
  return createDigestForum(ctx.discourseAs({ account: "admin" }), ctx.signal);
}

/** The digest's view of a budgeted client. */
export function createDigestForum(client: DigestClient, signal?: AbortSignal): DigestForum {
  const options = { signal };
  return {
    async categories() {
      const list = await client.listCategories(options);
      const out: ForumCategory[] = [];
      for (const row of list.category_list.categories as CategoryRow[]) {
        out.push(toCategory(row, null));
        for (const sub of (row.subcategory_list ?? []) as CategoryRow[]) out.push(toCategory(sub, row.id));
      }
      return out;
    },
    async categoryGroups(categoryId) {
      const { category } = await client.getCategory(categoryId, options);
      const perms = (category as { group_permissions?: Array<{ group_name?: string }> }).group_permissions ?? [];
      return perms.map((p) => String(p.group_name ?? "").toLowerCase()).filter(Boolean);
    },
    async groupMembersPage(group, offset, limit) {
      const page = await client.listGroupMembers(group, { offset, limit }, options);
      const ids = page.members.map((m) => Number(m.id));
      const total = page.meta?.total;
      return { ids, done: ids.length < limit || (typeof total === "number" && offset + limit >= total) };
    },
    async topWeekly() {
      const top = await client.topTopics({ period: "weekly", perPage: 100 }, options);
      const users = new Map((top.users ?? []).map((u) => [u.id, u.username ?? null]));
      return (top.topic_list?.topics ?? []).map((t) => {
        const op = t.posters?.find((p) => /original poster/i.test(p.description ?? "")) ?? t.posters?.[0];
        return {
          id: Number(t.id),
          title: String(t.title ?? ""),
          slug: String(t.slug ?? "topic"),
          categoryId: typeof t.category_id === "number" ? t.category_id : null,
          archetype: String(t.archetype ?? "regular"),
          likeCount: Number(t.like_count ?? 0),
          author: op?.user_id !== undefined ? (users.get(op.user_id) ?? null) : null,
        };
      });
    },
    async restrictedUsersPage(flag, page) {
      const rows = await client.listUsersByFlag(flag, { page }, options);
      return (Array.isArray(rows) ? rows : []).map((u) => Number(u.id));
    },
  };
}
