import type { ForumSnapshot, SnapshotCategory, SnapshotTopic } from "./forum-snapshot.ts";

/** A restricted category the member may read: named and linked, with counts, never with its content. */
export interface RestrictedSummary {
  categoryId: number;
  name: string;
  url: string;
  topicsWeek: number;
  appreciated: number;
}

/** What one member may be told about the forum's week. */
export interface MemberForumView {
  topTopics: SnapshotTopic[];
  restricted: RestrictedSummary[];
}

/** Lookups built once per snapshot, so 10 000 members cost one pass over the group lists. */
export interface SnapshotIndex {
  readonly snapshot: ForumSnapshot;
  groupsOf(userId: number): ReadonlySet<string>;
  isBlocked(userId: number): boolean;
  category(id: number): SnapshotCategory | undefined;
}

const NONE: ReadonlySet<string> = new Set();

export function indexSnapshot(snapshot: ForumSnapshot): SnapshotIndex {
  const groupsByUser = new Map<number, Set<string>>();
  for (const [group, ids] of Object.entries(snapshot.groupMembers)) {
    for (const id of ids) {
      const set = groupsByUser.get(id);
      if (set) set.add(group);
      else groupsByUser.set(id, new Set([group]));
    }
  }
  const blocked = new Set(snapshot.blockedUserIds);
  const byId = new Map(snapshot.categories.map((c) => [c.id, c]));
  return {
    snapshot,
    groupsOf: (userId) => groupsByUser.get(userId) ?? NONE,
    isBlocked: (userId) => blocked.has(userId),
    category: (id) => byId.get(id),
  };
}

/**
 * Whether the member may read the category: public, or restricted to a group they are in — and the
 * same for every parent. An unknown category (a subcategory the list did not show, a deleted one)
 * is unreadable: when in doubt, say nothing.
 */
export function canRead(index: SnapshotIndex, userId: number, categoryId: number): boolean {
  const groups = index.groupsOf(userId);
  let current = index.category(categoryId);
  for (let depth = 0; depth < 5; depth++) {
    if (!current) return false;
    if (current.readRestricted && !current.groups.some((g) => groups.has(g))) return false;
    if (current.parentId === null) return true;
    current = index.category(current.parentId);
  }
  return false;
}

/**
 * The member's share of the snapshot: the week's most appreciated PUBLIC topics (the snapshot holds
 * no others), and for each restricted category they can read, its name, link and counts only.
 */
export function memberForumView(index: SnapshotIndex, userId: number, forumUrl: string, topicLimit: number): MemberForumView {
  const topTopics = index.snapshot.topTopics.filter((t) => canRead(index, userId, t.categoryId)).slice(0, topicLimit);
  const restricted: RestrictedSummary[] = [];
  for (const c of index.snapshot.categories) {
    if (!c.readRestricted || !canRead(index, userId, c.id)) continue;
    if (c.topicsWeek === 0 && c.appreciated === 0) continue;
    restricted.push({
      categoryId: c.id,
      name: c.name,
      url: `${forumUrl}/c/${encodeURIComponent(c.slug)}/${c.id}`,
      topicsWeek: c.topicsWeek,
      appreciated: c.appreciated,
    });
  }
  return { topTopics, restricted };
}
