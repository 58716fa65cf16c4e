import type { Where } from "./assess/types.ts";

/** A post (or a post held for approval) as crisis watch sees it, whichever way it arrived. */
export interface PostToAssess {
  /** The post id; posts held for approval use minus the reviewable id until they exist. */
  postId: number;
  version: number;
  topicId: number | null;
  postNumber: number | null;
  userId: number | null;
  username: string | null;
  raw: string;
  writtenAt: Date;
  where: Where;
  source: "webhook" | "catchup" | "reviewable" | "backfill";
  /** Set for posts held in the approval queue (they cannot be flagged until approved). */
  reviewableId?: number;
  /** The member's Discourse time zone when known (the card's country comes from it). */
  timezone?: string | null;
}

/** The fields of a post that webhooks, `/posts.json` and `/private-posts.json` all carry. */
export interface ForumPost {
  id: number;
  raw?: string;
  username: string;
  user_id: number;
  topic_id: number;
  post_number: number;
  version?: number;
  created_at: string;
  post_type?: number;
  topic_archetype?: string;
}

/** Discourse's regular post type: small actions, moderator actions and whispers are not members speaking. */
export const REGULAR_POST = 1;

export function isMemberPost(post: Pick<ForumPost, "post_type">): boolean {
  return post.post_type === undefined || post.post_type === REGULAR_POST;
}

/** The one mapping from a forum post to what the assessment needs. */
export function toPostToAssess(post: ForumPost, where: Where, source: PostToAssess["source"]): PostToAssess {
  return {
    postId: post.id,
    version: post.version ?? 1,
    topicId: post.topic_id,
    postNumber: post.post_number,
    userId: post.user_id,
    username: post.username,
    raw: post.raw ?? "",
    writtenAt: new Date(post.created_at),
    where,
    source,
  };
}
