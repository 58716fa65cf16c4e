import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

/**
 * What a member told onboarding about themselves, as the other bots read it (peer groups match on it,
 * the weekly digest counts milestones from the date). Private: it never appears in a message to anyone
 * but the member, and "forget me" deletes it. Every field is optional because every question is.
 *
 * Values are the option ids of config/onboarding/questions.yaml:
 * - `whoFor`: "self" | "someone" | "both" (someone = family and friends of a person in recovery)
 * - `paths`: any of "twelve-step", "secular", "faith", "medication", "exploring"
 * - `substances`: any of "alcohol", "opioids", "stimulants", "cannabis", "sedatives", "nicotine",
 *   "gambling", "other", "prefer-not"
 * - `stage`: "not-yet" | "under-30-days" | "30-90-days" | "90-days-1-year" | "over-a-year", as
 *   answered (or derived from the date when they gave one); recompute from `sobrietyDate` for today
 * - `spaces`: any of "women", "men", "lgbtq", "young-adults", "veterans", "family-friends", "none";
 *   an audience-restricted group is only for members whose `spaces` name it
 */
export interface MemberProfile {
  userId: number;
  whoFor?: "self" | "someone" | "both";
  paths: string[];
  substances: string[];
  stage?: string;
  spaces: string[];
  /** "YYYY-MM-DD", private; changed or removed by the member with "date" at any time. */
  sobrietyDate?: string;
  /** Their answer to the weekly note offer: true yes, false no, undefined not answered. */
  weeklyNote?: boolean;
  /** Whether a volunteer greeter may see their shareable answers. */
  shareWithGreeters: boolean;
  /** IANA time zone from Discourse, when known. */
  timezone?: string;
  /** Whether the intake finished (answers may still be few or none). */
  intakeDone: boolean;
  /** Question ids whose answer came from the signup form rather than the intake. */
  fromSignup: string[];
}

/**
 * Reads a member's intake profile; undefined when onboarding holds nothing on them (never welcomed,
 * or they asked Kindred to forget them).
 *
 * @example const profile = await getMemberProfile(ctx.db, userId); if (profile?.spaces.includes("women")) …
 */
export async function getMemberProfile(db: Kysely<Database>, userId: number): Promise<MemberProfile | undefined> {
  const profile = await db.selectFrom("onboarding_profiles").selectAll().where("user_id", "=", userId).executeTakeFirst();
  const journey = await db
    .selectFrom("onboarding_journeys")
    .select(["timezone", "state"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!profile && !journey) return undefined;
  const answers = profile?.answers ?? {};
  const list = (id: string) => (Array.isArray(answers[id]) ? [...(answers[id] as string[])] : []);
  const one = (id: string) => (typeof answers[id] === "string" ? (answers[id] as string) : undefined);
  const whoFor = one("whoFor");
  const weekly = one("weeklyNote");
  return {
    userId,
    whoFor: whoFor === "self" || whoFor === "someone" || whoFor === "both" ? whoFor : undefined,
    paths: list("paths"),
    substances: list("substances"),
    stage: one("stage"),
    spaces: list("spaces"),
    sobrietyDate: one("sobrietyDate"),
    weeklyNote: weekly === undefined ? undefined : weekly === "yes",
    shareWithGreeters: profile?.share_with_greeters ?? false,
    timezone: journey?.timezone ?? undefined,
    intakeDone: journey?.state === "done",
    fromSignup: Object.entries(profile?.sources ?? {})
      .filter(([, source]) => source === "signup")
      .map(([id]) => id)
      .sort(),
  };
}
