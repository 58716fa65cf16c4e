import { type Kysely, sql } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import type { MemberActivity } from "./compose-digest.ts";
import type { SentLine } from "./pick-encouragement.ts";
import "./database.ts";

/** Options of {@link loadActivity}. */
export interface LoadActivityOptions {
  /** Start of the member's week (the digest covers [since, now)). */
  since: Date;
  now: Date;
  isAnonymous(username: string): boolean;
  /** Kindred's own accounts are never listed as thanking anyone. */
  botUsernames: ReadonlySet<string>;
}

/** A member's week from the tallies: a handful of indexed reads, no forum call. */
export async function loadActivity(db: Kysely<Database>, userId: number, options: LoadActivityOptions): Promise<MemberActivity> {
  const { since, now } = options;
  const posts = await db
    .selectFrom("digest_posts")
    .select(["is_reply", sql<number>`count(*)::int`.as("n")])
    .where("user_id", "=", userId)
    .where("created_at", ">=", since)
    .where("created_at", "<", now)
    .groupBy("is_reply")
    .execute();
  const likes = await db
    .selectFrom("digest_likes")
    .select(["liker_username"])
    .where("author_id", "=", userId)
    .where("created_at", ">=", since)
    .where("created_at", "<", now)
    .orderBy("created_at", "desc")
    .execute();
  const weeks = await db.selectFrom("digest_checkins").select(sql<number>`count(*)::int`.as("n")).where("user_id", "=", userId).executeTakeFirst();
  const topics = posts.find((p) => !p.is_reply)?.n ?? 0;
  const replies = posts.find((p) => p.is_reply)?.n ?? 0;
  const thankedBy: string[] = [];
  let unnamed = 0;
  for (const { liker_username: name } of likes) {
    if (options.botUsernames.has(name.toLowerCase())) continue;
    if (options.isAnonymous(name)) unnamed++;
    else thankedBy.push(name);
  }
  return {
    posts: topics,
    replies,
    likesReceived: likes.length,
    thankedBy,
    thankedByUnnamed: unnamed,
    checkedInThisWeek: topics + replies > 0,
    checkinWeeks: weeks?.n ?? 0,
  };
}

/** Lines sent to the member from week `fromWeek` on (ISO week keys sort as text). */
export async function recentLines(db: Kysely<Database>, userId: number, fromWeek: string): Promise<SentLine[]> {
  const rows = await db.selectFrom("digest_lines").select(["line_id", "week"]).where("user_id", "=", userId).where("week", ">=", fromWeek).execute();
  return rows.map((r) => ({ id: r.line_id, week: r.week }));
}
