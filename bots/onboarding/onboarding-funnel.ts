import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

/** One week of newcomers (by when they were welcomed) and how far they got. */
export interface FunnelWeek {
  /** Start of the 7-day window, inclusive. */
  from: Date;
  /** End of the window, exclusive. */
  to: Date;
  welcomed: number;
  answered: number;
  joinedGroup: number;
  /** Posted publicly within 7 days of the welcome. */
  postedWithin7Days: number;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * The funnel welcomed → answered → joined a group → first post within 7 days, for the last `weeks`
 * seven-day windows ending at `now`, oldest first (`kindred onboarding funnel`). Members who asked
 * Kindred to forget them are gone from it, as they should be.
 */
export async function onboardingFunnel(db: Kysely<Database>, now: Date, weeks = 4): Promise<FunnelWeek[]> {
  // Windows end just after `now`, so someone welcomed this very moment counts.
  const end = now.getTime() + 1;
  const since = new Date(end - weeks * WEEK_MS);
  const rows = await db
    .selectFrom("onboarding_journeys")
    .select(["welcomed_at", "answered_at", "joined_group_at", "first_post_at"])
    .where("welcomed_at", ">=", since)
    .where("welcomed_at", "<", new Date(end))
    .execute();
  const result: FunnelWeek[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const to = new Date(end - i * WEEK_MS);
    const from = new Date(to.getTime() - WEEK_MS);
    const inWeek = rows.filter((r) => r.welcomed_at && r.welcomed_at >= from && r.welcomed_at < to);
    result.push({
      from,
      to,
      welcomed: inWeek.length,
      answered: inWeek.filter((r) => r.answered_at).length,
      joinedGroup: inWeek.filter((r) => r.joined_group_at).length,
      postedWithin7Days: inWeek.filter(
        (r) => r.first_post_at && r.welcomed_at && r.first_post_at.getTime() - r.welcomed_at.getTime() <= WEEK_MS,
      ).length,
    });
  }
  return result;
}
