import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

/** Where a member stands in onboarding (issue #4). */
export type IntakeState = "offered" | "asked" | "reasked" | "done" | "declined" | "stopped" | "crisis";

/** Why a nudge will not go out. */
export type NudgeCancelled = "posted" | "stopped" | "suspended" | "crisis" | "expired" | "disabled";

/**
 * Onboarding's tables, both member-linked (ON DELETE CASCADE from `members`), so "forget me" and a
 * deleted account remove them with everything else Kindred holds.
 */
declare module "../../plugins/store/database.ts" {
  interface Database {
    /** One row per welcomed member: the intake's state, the nudge as data, and the funnel's timestamps. */
    onboarding_journeys: {
      user_id: number;
      start_event: string;
      state: ColumnType<IntakeState, IntakeState | undefined, IntakeState>;
      /** Set by a reply crisis watch reads as distress/craving/slip: no question until "go on". */
      paused: ColumnType<boolean, boolean | undefined, boolean>;
      /** A welcome being sent (a lease, so duplicate deliveries running at once send one). */
      welcome_claimed_at: MaybeTimestamp;
      welcomed_at: MaybeTimestamp;
      topic_id: number | null;
      /** The question ids of the intake message, in order: its option numbers are derived from them. */
      asked: Json<string[]>;
      timezone: string | null;
      answered_at: MaybeTimestamp;
      completed_at: MaybeTimestamp;
      joined_group_at: MaybeTimestamp;
      first_post_at: MaybeTimestamp;
      nudge_due_at: MaybeTimestamp;
      nudge_sent_at: MaybeTimestamp;
      nudge_cancelled: ColumnType<NudgeCancelled | null, NudgeCancelled | null | undefined, NudgeCancelled | null>;
      greeter_noted_at: MaybeTimestamp;
      created_at: ColumnType<Date, Date | string | undefined, never>;
      updated_at: Timestamp;
    };
    /** A member's answers: private, read only by Kindred's bots (member-profile.ts). */
    onboarding_profiles: {
      user_id: number;
      /** Question id → option id, option ids, or "YYYY-MM-DD". */
      answers: Json<Record<string, string | string[]>>;
      /** Question id → where the answer came from: "signup" (user field), "intake", "date". */
      sources: Json<Record<string, string>>;
      /** When the member first answered in the intake after being told answers are optional and private. */
      consent_at: MaybeTimestamp;
      share_with_greeters: ColumnType<boolean, boolean | undefined, boolean>;
      updated_at: Timestamp;
    };
  }
}
