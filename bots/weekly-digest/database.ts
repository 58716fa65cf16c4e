import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * The digest's tables. Tallies keep who, where and when — never post text or titles. Every row hangs
 * from `members` (a like from both ends), so "forget me" from either member removes it.
 */
declare module "../../plugins/store/database.ts" {
  interface Database {
    /** Opt-in only: a row exists once a member said yes (or "digest off" after that). */
    digest_subscriptions: {
      user_id: number;
      status: "on" | "off";
      /** Where the yes came from: "onboarding", "pm", "invitation". */
      source: string;
      timezone: string | null;
      paused_until: Timestamp | null;
      suspended: boolean;
      /** Last post, reply or digest command: decides the "still here" note after a long quiet. */
      last_active_at: Timestamp;
      last_still_here_week: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    /** A subscriber's posts and replies (ids only), kept a few weeks. */
    digest_posts: {
      post_id: number;
      user_id: number;
      topic_id: number;
      category_id: number | null;
      is_reply: boolean;
      created_at: Timestamp;
    };
    /** Likes on a subscriber's posts: who liked, in which category, when. */
    digest_likes: {
      post_id: number;
      liker_id: number;
      liker_username: string;
      author_id: number;
      category_id: number | null;
      created_at: Timestamp;
    };
    /** ISO weeks with at least one post or reply: the count only ever grows. */
    digest_checkins: { user_id: number; week: string };
    /** Encouragement lines sent, so none repeats within the configured weeks. */
    digest_lines: { user_id: number; week: string; line_id: string };
    /** One row per member and ISO week: the "exactly one digest" key. */
    digest_deliveries: {
      user_id: number;
      week: string;
      status: "queued" | "claimed" | "sent" | "skipped";
      kind: string | null;
      due_at: Timestamp;
      updated_at: Timestamp;
      topic_id: number | null;
    };
    /** One-time invitations an admin sent to a group's members. */
    digest_invitations: {
      user_id: number;
      group_name: string;
      status: "queued" | "sent" | "skipped";
      created_at: Timestamp;
    };
  }
}
