import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

/** A member's digest subscription, as the bot reads it. */
export interface Subscription {
  userId: number;
  status: "on" | "off";
  source: string;
  timezone: string | null;
  pausedUntil: Date | null;
  suspended: boolean;
  lastActiveAt: Date;
  lastStillHereWeek: string | null;
}

type Db = Kysely<Database>;

/** The member's subscription, if they ever said yes. */
export async function getSubscription(db: Db, userId: number): Promise<Subscription | undefined> {
  const row = await db.selectFrom("digest_subscriptions").selectAll().where("user_id", "=", userId).executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.user_id,
    status: row.status,
    source: row.source,
    timezone: row.timezone,
    pausedUntil: row.paused_until,
    suspended: row.suspended,
    lastActiveAt: row.last_active_at,
    lastStillHereWeek: row.last_still_here_week,
  };
}

/**
 * Switches the digest on (the member asked: onboarding's intake, "digest on", or a reply to an
 * invitation). A pause ends; a known time zone is kept unless a new one is given.
 */
export async function subscribe(db: Db, input: { userId: number; source: string; now: Date; timezone?: string | null }): Promise<void> {
  const { userId, source, now } = input;
  await db
    .insertInto("digest_subscriptions")
    .values({ user_id: userId, status: "on", source, timezone: input.timezone ?? null, suspended: false, last_active_at: now, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet((eb) => ({
        status: "on",
        paused_until: null,
        last_active_at: now,
        updated_at: now,
        timezone: input.timezone ? input.timezone : eb.ref("digest_subscriptions.timezone"),
      })),
    )
    .execute();
}

/** "digest off": the row stays (so an invitation never asks again), the digest stops. */
export async function unsubscribe(db: Db, userId: number, now: Date): Promise<boolean> {
  const result = await db.updateTable("digest_subscriptions").set({ status: "off", paused_until: null, updated_at: now }).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** "pause N weeks": only for a member whose digest is on. False when there is nothing to pause. */
export async function pause(db: Db, userId: number, until: Date, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("digest_subscriptions")
    .set({ paused_until: until, last_active_at: now, updated_at: now })
    .where("user_id", "=", userId)
    .where("status", "=", "on")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Suspension from `user_suspended` / `user_unsuspended` (the weekly bulk check covers silencing too). */
export async function setSuspended(db: Db, userId: number, suspended: boolean, now: Date): Promise<void> {
  await db.updateTable("digest_subscriptions").set({ suspended, updated_at: now }).where("user_id", "=", userId).execute();
}

/** The member's Discourse time zone, when a user event or profile read tells it. */
export async function setTimezone(db: Db, userId: number, timezone: string, now: Date): Promise<void> {
  await db.updateTable("digest_subscriptions").set({ timezone, updated_at: now }).where("user_id", "=", userId).execute();
}

/** A post, reply or command: the member is around (the "still here" rule reads this). */
export async function touchActive(db: Db, userId: number, at: Date): Promise<void> {
  await db.updateTable("digest_subscriptions").set({ last_active_at: at }).where("user_id", "=", userId).where("last_active_at", "<", at).execute();
}

/** Subscribers the digest is on for, unpaused at `now` (the scheduler's list). */
export async function activeSubscribers(db: Db, now: Date): Promise<Array<{ userId: number; timezone: string | null }>> {
  const rows = await db
    .selectFrom("digest_subscriptions")
    .select(["user_id", "timezone"])
    .where("status", "=", "on")
    .where("suspended", "=", false)
    .where((eb) => eb.or([eb("paused_until", "is", null), eb("paused_until", "<=", now)]))
    .orderBy("user_id")
    .execute();
  return rows.map((r) => ({ userId: r.user_id, timezone: r.timezone }));
}
