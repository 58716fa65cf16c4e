import { type Kysely, sql } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

/**
 * Where one member stands in onboarding, for `kindred onboarding status USERNAME`. It names which
 * questions were answered, never the answers: operators do not need a member's health details.
 */
export interface OnboardingStatus {
  userId: number;
  username: string;
  state: string;
  paused: boolean;
  welcomedAt: Date | null;
  answeredAt: Date | null;
  completedAt: Date | null;
  joinedGroupAt: Date | null;
  firstPostAt: Date | null;
  nudge: { dueAt: Date | null; sentAt: Date | null; cancelled: string | null };
  answeredQuestions: string[];
  consentAt: Date | null;
  sharesWithGreeters: boolean;
}

/** Undefined when Kindred has no onboarding record for that username (never welcomed, or forgotten). */
export async function onboardingStatus(db: Kysely<Database>, username: string): Promise<OnboardingStatus | undefined> {
  const row = await db
    .selectFrom("onboarding_journeys as j")
    .innerJoin("members as m", "m.user_id", "j.user_id")
    .leftJoin("onboarding_profiles as p", "p.user_id", "j.user_id")
    .select([
      "j.user_id", "m.username", "j.state", "j.paused", "j.welcomed_at", "j.answered_at", "j.completed_at", "j.joined_group_at",
      "j.first_post_at", "j.nudge_due_at", "j.nudge_sent_at", "j.nudge_cancelled", "p.answers", "p.consent_at", "p.share_with_greeters",
    ])
    .where(sql`lower(m.username)`, "=", username.toLowerCase())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.user_id,
    username: row.username,
    state: row.state,
    paused: row.paused,
    welcomedAt: row.welcomed_at,
    answeredAt: row.answered_at,
    completedAt: row.completed_at,
    joinedGroupAt: row.joined_group_at,
    firstPostAt: row.first_post_at,
    nudge: { dueAt: row.nudge_due_at, sentAt: row.nudge_sent_at, cancelled: row.nudge_cancelled },
    answeredQuestions: Object.keys(row.answers ?? {}),
    consentAt: row.consent_at ?? null,
    sharesWithGreeters: row.share_with_greeters ?? false,
  };
}
