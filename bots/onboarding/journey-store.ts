import type { Kysely, Selectable, Updateable } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

export type Journey = Selectable<Database["onboarding_journeys"]>;
type JourneyPatch = Omit<Updateable<Database["onboarding_journeys"]>, "user_id" | "asked"> & { asked?: string[] };

/** How long a welcome in progress keeps others (duplicate deliveries running at once) away. */
const WELCOME_LEASE_MS = 30_000;

export async function getJourney(db: Kysely<Database>, userId: number): Promise<Journey | undefined> {
  return db.selectFrom("onboarding_journeys").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** Updates a journey; with `ifState`, only while it is still in that state (two replies at once). */
export async function updateJourney(db: Kysely<Database>, userId: number, patch: JourneyPatch, now: Date, ifState?: string): Promise<boolean> {
  const { asked, ...rest } = patch;
  let query = db
    .updateTable("onboarding_journeys")
    .set({ ...rest, ...(asked ? { asked: JSON.stringify(asked) } : {}), updated_at: now })
    .where("user_id", "=", userId);
  if (ifState) query = query.where("state", "=", ifState as never);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Takes the right to send a member's welcome: "claimed" (send it), "done" (already welcomed) or "busy"
 * (another job holds the lease right now; the caller throws so its job retries and then finds "done").
 * The row is created here, so the record of a welcome exists before the PM does.
 */
export async function claimWelcome(db: Kysely<Database>, userId: number, startEvent: string, now: Date): Promise<"claimed" | "done" | "busy"> {
  await db
    .insertInto("onboarding_journeys")
    .values({ user_id: userId, start_event: startEvent, updated_at: now })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  const stale = new Date(now.getTime() - WELCOME_LEASE_MS);
  const claimed = await db
    .updateTable("onboarding_journeys")
    .set({ welcome_claimed_at: now, updated_at: now })
    .where("user_id", "=", userId)
    .where("welcomed_at", "is", null)
    .where((eb) => eb.or([eb("welcome_claimed_at", "is", null), eb("welcome_claimed_at", "<", stale)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) > 0) return "claimed";
  const row = await getJourney(db, userId);
  return row?.welcomed_at ? "done" : "busy";
}

/** Lets the next attempt send the welcome after this one failed. */
export async function releaseWelcome(db: Kysely<Database>, userId: number, now: Date): Promise<void> {
  await updateJourney(db, userId, { welcome_claimed_at: null }, now);
}
