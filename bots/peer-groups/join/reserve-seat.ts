import type { Kysely } from "kysely";
import type { Database } from "../../../plugins/store/database.ts";

export type SeatOutcome = "reserved" | "full" | "already";

/**
 * Takes a seat in `group` for `userId`, in one transaction with the group's row locked, so two
 * joins at once can never both take the last seat. The count is the larger of Kindred's own and
 * the forum's (read just before, so members moderators added by hand count too).
 */
export async function reserveSeat(
  db: Kysely<Database>,
  seat: { group: string; userId: number; capacity: number; forumCount: number | undefined; at: Date },
): Promise<SeatOutcome> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("peer_groups")
      .values({ name: seat.group, member_count: 0 })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const row = await trx.selectFrom("peer_groups").select("member_count").where("name", "=", seat.group).forUpdate().executeTakeFirstOrThrow();
    const member = await trx
      .selectFrom("peer_group_memberships")
      .select("user_id")
      .where("group_name", "=", seat.group)
      .where("user_id", "=", seat.userId)
      .executeTakeFirst();
    if (member) return "already";
    const count = Math.max(row.member_count, seat.forumCount ?? 0);
    if (count >= seat.capacity) {
      await trx.updateTable("peer_groups").set({ member_count: count }).where("name", "=", seat.group).execute();
      return "full";
    }
    await trx.insertInto("peer_group_memberships").values({ group_name: seat.group, user_id: seat.userId, source: "kindred", added_at: seat.at }).execute();
    await trx.updateTable("peer_groups").set({ member_count: count + 1 }).where("name", "=", seat.group).execute();
    return "reserved";
  });
}

/** Gives a reserved seat back when the forum refused the add. */
export async function releaseSeat(db: Kysely<Database>, group: string, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("peer_group_memberships").where("group_name", "=", group).where("user_id", "=", userId).where("source", "=", "kindred").executeTakeFirst();
    if (Number(deleted.numDeletedRows) > 0) {
      await trx.updateTable("peer_groups").set((eb) => ({ member_count: eb.fn("greatest", [eb("member_count", "-", 1), eb.lit(0)]) })).where("name", "=", group).execute();
    }
  });
}
