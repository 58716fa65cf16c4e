import { DiscourseApiError } from "../../plugins/discourse/errors.ts";
import type { DigestForum, ForumCategory } from "./digest-forum.ts";

/** A category in the snapshot, with the groups that may read it (empty for public ones). */
export interface SnapshotCategory extends ForumCategory {
  groups: string[];
  /** How many of the week's top topics with likes are in it (the only thing said of restricted ones). */
  appreciated: number;
}

/** One of the week's most appreciated topics in a PUBLIC category: the only titles a snapshot holds. */
export interface SnapshotTopic {
  id: number;
  title: string;
  slug: string;
  categoryId: number;
  likeCount: number;
  author: string | null;
}

/**
 * Everything the week's digests need from the forum, read in bulk once and shared by every member's
 * job. Titles of restricted categories are dropped while loading, so the stored snapshot never holds
 * text a member outside those groups could be shown; PMs are never in it.
 */
export interface ForumSnapshot {
  takenAt: string;
  categories: SnapshotCategory[];
  topTopics: SnapshotTopic[];
  /** Lower-case group name → member user ids (only groups that gate a category or get a group post). */
  groupMembers: Record<string, number[]>;
  /** Suspended or silenced now: no digest, whatever their subscription says. */
  blockedUserIds: number[];
  /** Forum calls it took. */
  reads: number;
}

/** Turns a 403/404 answer into `fallback` (fail closed); anything else is thrown on. */
function forbiddenAs<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof DiscourseApiError && (error.status === 403 || error.status === 404)) return fallback;
    throw error;
  };
}

/** Options of {@link loadForumSnapshot}. */
export interface LoadSnapshotOptions {
  now: Date;
  /** Groups to list even if no category names them (configured group posts). */
  extraGroups?: readonly string[];
  /** @defaultValue 1000 (Discourse's maximum) */
  pageSize?: number;
}

/** Reads categories, their permissions, the groups behind them, the week's top topics and who is blocked. */
export async function loadForumSnapshot(forum: DigestForum, options: LoadSnapshotOptions): Promise<ForumSnapshot> {
  let reads = 0;
  const count = <T>(p: Promise<T>) => {
    reads++;
    return p;
  };
  const pageSize = options.pageSize ?? 1000;
  const categories = await count(forum.categories());
  const top = await count(forum.topWeekly());
  const snapshotCategories: SnapshotCategory[] = [];
  for (const category of categories) {
    // A category whose permissions cannot be read is treated as readable by nobody.
    const groups = category.readRestricted ? await count(forum.categoryGroups(category.id).catch(forbiddenAs([] as string[]))) : [];
    // A restricted category open to "everyone" is public in effect (Discourse allows that setup).
    const open = !category.readRestricted || groups.includes("everyone");
    const appreciated = top.filter((t) => t.categoryId === category.id && t.likeCount > 0).length;
    snapshotCategories.push({ ...category, readRestricted: !open, groups: open ? [] : groups, appreciated });
  }
  const groupNames = new Set([...snapshotCategories.flatMap((c) => c.groups), ...(options.extraGroups ?? []).map((g) => g.toLowerCase())]);
  const groupMembers: Record<string, number[]> = {};
  for (const group of groupNames) {
    const ids: number[] = [];
    for (let offset = 0; ; offset += pageSize) {
      // A group whose members cannot be listed counts as empty: its categories then reach nobody.
      const page = await count(forum.groupMembersPage(group, offset, pageSize).catch(forbiddenAs({ ids: [] as number[], done: true })));
      ids.push(...page.ids);
      if (page.done) break;
    }
    groupMembers[group] = ids;
  }
  const blocked = new Set<number>();
  for (const flag of ["suspended", "silenced"] as const) {
    for (let page = 1; ; page++) {
      const ids = await count(forum.restrictedUsersPage(flag, page));
      for (const id of ids) blocked.add(id);
      if (ids.length < 100) break;
    }
  }
  const publicIds = new Set(snapshotCategories.filter((c) => !c.readRestricted && isPublicChain(c, snapshotCategories)).map((c) => c.id));
  const topTopics: SnapshotTopic[] = top
    .filter((t) => t.archetype === "regular" && t.categoryId !== null && publicIds.has(t.categoryId) && t.likeCount > 0)
    .sort((a, b) => b.likeCount - a.likeCount || a.id - b.id)
    .map((t) => ({ id: t.id, title: t.title, slug: t.slug, categoryId: t.categoryId as number, likeCount: t.likeCount, author: t.author }));
  return { takenAt: options.now.toISOString(), categories: snapshotCategories, topTopics, groupMembers, blockedUserIds: [...blocked], reads };
}

/** A subcategory is only as public as its parent. */
function isPublicChain(category: SnapshotCategory, all: readonly SnapshotCategory[]): boolean {
  let current: SnapshotCategory | undefined = category;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.readRestricted) return false;
    if (current.parentId === null) return true;
    const parentId: number = current.parentId;
    current = all.find((c) => c.id === parentId);
  }
  return false;
}
