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
