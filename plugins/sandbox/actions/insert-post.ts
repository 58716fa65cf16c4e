import type { SandboxContext } from "../context.ts";
import { cook, slugify } from "../cook.ts";
import { nextId } from "../state.ts";
import type { PostRecord, TopicRecord, UserRecord } from "../types.ts";

/** What a new topic needs; PMs carry their participants. */
export interface NewTopic {
  title: string;
  categoryId: number | null;
  archetype: TopicRecord["archetype"];
  allowedUserIds?: number[];
  allowedGroupIds?: number[];
}

/** Stores a topic without checks or webhooks (seed data, and the last step of creating one). */
export function insertTopic(ctx: SandboxContext, author: UserRecord, topic: NewTopic, at: string): TopicRecord {
  const record: TopicRecord = {
    id: nextId(ctx.state, "topics", 10),
    title: topic.title,
    slug: slugify(topic.title),
    categoryId: topic.categoryId,
    archetype: topic.archetype,
    userId: author.id,
    createdAt: at,
    bumpedAt: at,
    lastPostedAt: null,
    lastPostUserId: author.id,
    highestPostNumber: 0,
    views: 0,
    closed: false,
    archived: false,
    visible: true,
    deletedAt: null,
    allowedUserIds: new Set(topic.allowedUserIds ?? []),
    allowedGroupIds: new Set(topic.allowedGroupIds ?? []),
  };
  ctx.state.topics.set(record.id, record);
  return record;
}

/** Stores a post at the end of its topic without checks or webhooks. */
export function insertPost(
  ctx: SandboxContext,
  author: UserRecord,
  topic: TopicRecord,
  raw: string,
  at: string,
  extra: Partial<Pick<PostRecord, "replyToPostNumber" | "postType">> = {},
): PostRecord {
  topic.highestPostNumber += 1;
  const post: PostRecord = {
    id: nextId(ctx.state, "posts", 100),
    topicId: topic.id,
    postNumber: topic.highestPostNumber,
    userId: author.id,
    raw,
    cooked: cook(raw),
    createdAt: at,
    updatedAt: at,
    version: 1,
    postType: extra.postType ?? 1,
    replyToPostNumber: extra.replyToPostNumber ?? null,
    hidden: false,
    deletedAt: null,
    editReason: null,
    wiki: false,
  };
  ctx.state.posts.set(post.id, post);
  topic.lastPostedAt = at;
  topic.bumpedAt = at;
  topic.lastPostUserId = author.id;
  author.lastPostedAt = at;
  return post;
}
