import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
type Counter = ColumnType<number, number | undefined, number>;

/** What is waiting for the member's "yes": a join after the visibility notice, or a message to owners. */
export interface PendingAction {
  action: "confirm-join" | "ask-owners";
  group: string;
}

/**
 * Peer groups' tables. Everything about a member hangs from `members` (ON DELETE CASCADE), so
 * "forget me" removes it. People Kindred has never met (added by moderators by hand) get no rows:
 * they only move `peer_groups.member_count`, which is all capacity needs.
 */
declare module "../../../plugins/store/database.ts" {
  interface Database {
    peer_groups: {
      name: string;
      group_id: number | null;
      /** Kindred's view of the member count: the forum's count at the last read, plus changes since. */
      member_count: Counter;
      synced_at: Timestamp | null;
    };
    peer_group_members: {
      user_id: number;
      /** The recovery stage the last band message (or first suggestion) was about. */
      stage: string | null;
      band_message_at: Timestamp | null;
      not_now_at: Timestamp | null;
      /** Group names in the order they were numbered for the member. */
      offer: Json<string[]>;
      /** How many of `offer` have been shown (pages of three). */
      shown: Counter;
      offer_no: Counter;
      pending: Json<PendingAction | null>;
      created_at: CreatedAt;
      updated_at: Timestamp;
    };
    peer_group_exclusions: {
      user_id: number;
      group_name: string;
      reason: string;
      at: Timestamp;
    };
    peer_group_memberships: {
      group_name: string;
      user_id: number;
      /** `kindred` when Kindred added them, `forum` when the forum told us (webhook or sync). */
      source: string;
      added_at: Timestamp;
    };
    peer_group_requests: {
      user_id: number;
      group_name: string;
      /** `link`: we gave them the group's page; `owners`: with their consent we messaged the owners. */
      via: string;
      at: Timestamp;
    };
    /** Counts of catalogue words in the member's public posts (never the posts themselves). */
    peer_group_interests: {
      user_id: number;
      terms: Json<Record<string, number>>;
      updated_at: Timestamp;
    };
  }
}
