import type {
  CategoryRecord,
  GroupRecord,
  PostActionRecord,
  PostRecord,
  ReviewableRecord,
  SiteSettingRecord,
  TopicRecord,
  UserRecord,
  WebHookEventRecord,
  WebHookRecord,
} from "./types.ts";

/**
 * Everything the sandbox forum knows, in memory. Tests read it directly (`forum.state`) to assert
 * what happened behind the API, e.g. that a flag left the post visible.
 */
export interface SandboxState {
  users: Map<number, UserRecord>;
  groups: Map<number, GroupRecord>;
  categories: Map<number, CategoryRecord>;
  topics: Map<number, TopicRecord>;
  posts: Map<number, PostRecord>;
  postActions: Map<number, PostActionRecord>;
  reviewables: Map<number, ReviewableRecord>;
  webHooks: Map<number, WebHookRecord>;
  /** The webhook event log: every delivery attempt, newest last. */
  webHookEvents: Map<number, WebHookEventRecord>;
  siteSettings: Map<string, SiteSettingRecord>;
  /** Per-table id sequences, so ids look like Discourse's serial columns. */
  sequences: Map<string, number>;
}

/** Creates an empty state. */
export function createState(): SandboxState {
  return {
    users: new Map(),
    groups: new Map(),
    categories: new Map(),
    topics: new Map(),
    posts: new Map(),
    postActions: new Map(),
    reviewables: new Map(),
    webHooks: new Map(),
    webHookEvents: new Map(),
    siteSettings: new Map(),
    sequences: new Map(),
  };
}

/** Next id of a table's sequence (starting at `start`, default 1). */
export function nextId(state: SandboxState, table: string, start = 1): number {
  const id = state.sequences.get(table) ?? start;
  state.sequences.set(table, id + 1);
  return id;
}

/** Case-insensitive username lookup, as Discourse's `username_lower`. */
export function findUserByUsername(state: SandboxState, username: string): UserRecord | undefined {
  const lower = username.toLowerCase();
  for (const user of state.users.values()) if (user.username.toLowerCase() === lower) return user;
  return undefined;
}

/** Case-insensitive group lookup by name. */
export function findGroupByName(state: SandboxState, name: string): GroupRecord | undefined {
  const lower = name.toLowerCase();
  for (const group of state.groups.values()) if (group.name.toLowerCase() === lower) return group;
  return undefined;
}

/** Posts of a topic in post-number order. */
export function topicPosts(state: SandboxState, topicId: number): PostRecord[] {
  return [...state.posts.values()]
    .filter((p) => p.topicId === topicId && p.deletedAt === null)
    .sort((a, b) => a.postNumber - b.postNumber);
}

/** The first post of a topic. */
export function firstPost(state: SandboxState, topicId: number): PostRecord | undefined {
  for (const post of state.posts.values()) if (post.topicId === topicId && post.postNumber === 1) return post;
  return undefined;
}

/** A site setting's current value, or throws for a setting the sandbox does not know. */
export function setting(state: SandboxState, name: string): string | number | boolean {
  const record = state.siteSettings.get(name);
  if (!record) throw new Error(`[sandbox] unknown site setting ${name}`);
  return record.value;
}
