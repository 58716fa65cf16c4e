import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import type { WebhookLike, WebhookPost, WebhookUser } from "../../plugins/webhooks/payloads.ts";
import { weekKeyAt } from "./iso-week.ts";
import { setSuspended, setTimezone, touchActive } from "./subscriptions.ts";
import { safeTimezone } from "./zoned-time.ts";

type Db = Kysely<Database>;

/** What a post contributes to a tally: ids only. Undefined for anything that must never count. */
export interface PostTally {
  postId: number;
  userId: number;
  topicId: number;
  categoryId: number;
  isReply: boolean;
}

/**
 * A post worth counting: a regular post in a category. PMs (no category, `private_message`),
 * whispers, moderator actions and hidden or deleted posts never count — nothing from a PM ever
 * reaches a digest, not even as a number.
 */
export function tallyFromPost(post: WebhookPost | undefined): PostTally | undefined {
  if (!post || typeof post.id !== "number" || typeof post.user_id !== "number") return undefined;
  if (post.topic_archetype === "private_message" || typeof post.category_id !== "number") return undefined;
  if ((post.post_type ?? 1) !== 1 || post.hidden === true || post.deleted_at) return undefined;
  return { postId: post.id, userId: post.user_id, topicId: post.topic_id, categoryId: post.category_id, isReply: post.post_number > 1 };
}

async function subscriberTimezone(db: Db, userId: number): Promise<string | null | undefined> {
  const row = await db.selectFrom("digest_subscriptions").select(["timezone"]).where("user_id", "=", userId).where("status", "=", "on").executeTakeFirst();
  return row ? row.timezone : undefined;
}

/** `post_created`: a subscriber's post or reply is counted, and its week is a check-in week. */
export async function recordPost(db: Db, post: WebhookPost, defaultTimezone: string): Promise<boolean> {
  const tally = tallyFromPost(post);
  if (!tally) return false;
  const timezone = await subscriberTimezone(db, tally.userId);
  if (timezone === undefined) return false;
  const at = new Date(post.created_at);
  await db
    .insertInto("digest_posts")
    .values({ post_id: tally.postId, user_id: tally.userId, topic_id: tally.topicId, category_id: tally.categoryId, is_reply: tally.isReply, created_at: at })
    .onConflict((oc) => oc.column("post_id").doNothing())
    .execute();
  await db
    .insertInto("digest_checkins")
    .values({ user_id: tally.userId, week: weekKeyAt(at, safeTimezone(timezone, defaultTimezone)) })
    .onConflict((oc) => oc.columns(["user_id", "week"]).doNothing())
    .execute();
  await touchActive(db, tally.userId, at);
  return true;
}

/**
 * `post_liked`: a like on a subscriber's post (never their own like, never in a PM). The liker gets a
 * member record so that their "forget me" removes the row too.
 */
export async function recordLike(db: Db, like: WebhookLike, at: Date, ensureMember: (userId: number, username: string) => Promise<void>): Promise<boolean> {
  const tally = tallyFromPost(like?.post);
  const liker = like?.user;
  if (!tally || typeof liker?.id !== "number" || liker.id === tally.userId) return false;
  if ((await subscriberTimezone(db, tally.userId)) === undefined) return false;
  await ensureMember(liker.id, String(liker.username));
  await db
    .insertInto("digest_likes")
    .values({ post_id: tally.postId, liker_id: liker.id, liker_username: String(liker.username), author_id: tally.userId, category_id: tally.categoryId, created_at: at })
    .onConflict((oc) => oc.columns(["post_id", "liker_id"]).doNothing())
    .execute();
  return true;
}

/** `post_destroyed`: a deleted post stops counting, and so do its likes. */
export async function forgetPost(db: Db, postId: number): Promise<void> {
  await db.deleteFrom("digest_likes").where("post_id", "=", postId).execute();
  await db.deleteFrom("digest_posts").where("post_id", "=", postId).execute();
}

/** Tallies older than `days` are deleted: a digest looks back one week, so nothing older is kept. */
export async function pruneTallies(db: Db, now: Date, days: number): Promise<void> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  await db.deleteFrom("digest_likes").where("created_at", "<", cutoff).execute();
  await db.deleteFrom("digest_posts").where("created_at", "<", cutoff).execute();
}

/** `user_suspended` / `user_unsuspended` / `user_updated`: suspension and time zone. */
export async function recordUser(db: Db, user: WebhookUser, event: "suspended" | "unsuspended" | "updated", now: Date): Promise<void> {
  if (typeof user?.id !== "number") return;
  if (event === "suspended") await setSuspended(db, user.id, true, now);
  if (event === "unsuspended") await setSuspended(db, user.id, false, now);
  const option = user.user_option as { timezone?: string } | undefined;
  const timezone = option?.timezone ?? user.timezone;
  if (typeof timezone === "string" && timezone) await setTimezone(db, user.id, timezone, now);
}
