import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import { getMemberProfile } from "../onboarding/member-profile.ts";
import { type DigestProfile, toDigestProfile } from "./profile-source.ts";

/** PostgreSQL's "undefined_table": onboarding is not enabled, so its tables were never created. */
const isMissingTable = (error: unknown) => (error as { code?: string })?.code === "42P01" || /relation .* does not exist/i.test(String((error as Error)?.message));

/**
 * The member's intake profile as the digest needs it (date, milestones wanted, time zone), read from
 * onboarding's store: a store read, never a forum call. No profile (or no onboarding): no milestones.
 */
export async function readDigestProfile(db: Kysely<Database>, userId: number): Promise<DigestProfile | undefined> {
  try {
    return toDigestProfile(await getMemberProfile(db, userId));
  } catch (error) {
    if (isMissingTable(error)) return undefined;
    throw error;
  }
}
