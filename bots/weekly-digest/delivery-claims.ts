import { type Kysely, sql } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import "./database.ts";

type Db = Kysely<Database>;

/** A member's digest for one ISO week. */
export interface DeliveryKey {
  userId: number;
  week: string;
}

/**
 * Records that these members' digests are queued to run at `dueAt`. Returns only the ones that were
 * new: a member already queued, sending, sent or skipped this week is left alone.
 */
export async function queueDeliveries(db: Db, rows: ReadonlyArray<DeliveryKey & { dueAt: Date }>, now: Date): Promise<DeliveryKey[]> {
  const created: DeliveryKey[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db
      .insertInto("digest_deliveries")
      .values(chunk.map((r) => ({ user_id: r.userId, week: r.week, status: "queued" as const, due_at: r.dueAt, updated_at: now })))
      .onConflict((oc) => oc.columns(["user_id", "week"]).doNothing())
      .returning(["user_id", "week"])
      .execute();
    created.push(...inserted.map((r) => ({ userId: r.user_id, week: r.week })));
  }
  return created;
}

/**
 * The one statement that makes a digest single: it creates the week's row as `claimed`, or moves a
 * `queued` row to `claimed`. Any other state (claimed by another worker, sent, skipped) returns
 * false, so across retries, restarts and workers only one job ever composes and sends it.
 */
export async function claimDelivery(db: Db, key: DeliveryKey, now: Date): Promise<boolean> {
  const row = await db
    .insertInto("digest_deliveries")
    .values({ user_id: key.userId, week: key.week, status: "claimed", due_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(["user_id", "week"])
        .doUpdateSet({ status: "claimed", updated_at: now })
        .where("digest_deliveries.status", "=", "queued"),
    )
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The job failed before sending: hand the claim back so its retry can take it again. */
export async function releaseDelivery(db: Db, key: DeliveryKey, now: Date): Promise<void> {
  await db
    .updateTable("digest_deliveries")
    .set({ status: "queued", updated_at: now })
    .where("user_id", "=", key.userId)
    .where("week", "=", key.week)
    .where("status", "=", "claimed")
    .execute();
}

/** Done: `sent` (with what was sent) or `skipped` (nothing to send this week, and why in `kind`). */
export async function finishDelivery(db: Db, key: DeliveryKey, outcome: { status: "sent" | "skipped"; kind: string; topicId?: number }, now: Date): Promise<void> {
  await db
    .updateTable("digest_deliveries")
    .set({ status: outcome.status, kind: outcome.kind, topic_id: outcome.topicId ?? null, updated_at: now })
    .where("user_id", "=", key.userId)
    .where("week", "=", key.week)
    .execute();
}

/**
 * Rows whose worker vanished (claimed, or queued and long past due, for over `staleMinutes`) go back
 * to `queued` with a new due time, and are returned for the scheduler to hand out again.
 */
export async function requeueStale(db: Db, now: Date, staleMinutes: number): Promise<DeliveryKey[]> {
  const cutoff = new Date(now.getTime() - staleMinutes * 60_000);
  const rows = await db
    .updateTable("digest_deliveries")
    .set({ status: "queued", updated_at: now, due_at: now })
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "claimed"), eb("updated_at", "<", cutoff)]),
        eb.and([eb("status", "=", "queued"), eb("due_at", "<", cutoff)]),
      ]),
    )
    .returning(["user_id", "week"])
    .execute();
  return rows.map((r) => ({ userId: r.user_id, week: r.week }));
}

/** Counts by status for one week (for `kindred digest status`). */
export async function deliveryCounts(db: Db, week: string | undefined): Promise<Record<string, number>> {
  let query = db.selectFrom("digest_deliveries").select(["status", sql<number>`count(*)::int`.as("n")]).groupBy("status");
  if (week) query = query.where("week", "=", week);
  const rows = await query.execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
