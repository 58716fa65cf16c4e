import type { Kysely } from "kysely";
import type { Database } from "../../../plugins/store/database.ts";
import type { CompiledCatalogue } from "../match/compile-catalogue.ts";

type Db = Kysely<Database>;

/** Makes sure every catalogue group has a row to count in (and to lock at join time). */
export async function ensureGroupRows(db: Db, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .insertInto("peer_groups")
    .values(names.map((name) => ({ name, member_count: 0 })))
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
}

/** Member counts in catalogue order, for the matcher. */
export async function loadSizes(db: Db, catalogue: CompiledCatalogue): Promise<Int32Array> {
  const rows = await db.selectFrom("peer_groups").select(["name", "member_count"]).execute();
  const sizes = new Int32Array(catalogue.groups.length);
  for (const row of rows) {
    const index = catalogue.byName.get(row.name.toLowerCase());
    if (index !== undefined) sizes[index] = row.member_count;
  }
  return sizes;
}

/**
 * The forum says `userId` is now in `group` (a webhook; the runtime already drops duplicate
 * deliveries). Counted once: a seat Kindred reserved for the same member is not counted again.
 * Someone Kindred does not know only moves the count. Returns true when the count changed.
 */
export async function recordJoined(db: Db, group: string, userId: number, source: "kindred" | "forum", at: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom("members").select("user_id").where("user_id", "=", userId).executeTakeFirst();
    if (known) {
      const inserted = await trx
        .insertInto("peer_group_memberships")
        .values({ group_name: group, user_id: userId, source, added_at: at })
        .onConflict((oc) => oc.columns(["group_name", "user_id"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    }
    await trx.updateTable("peer_groups").set((eb) => ({ member_count: eb("member_count", "+", 1) })).where("name", "=", group).execute();
    await trx.deleteFrom("peer_group_requests").where("user_id", "=", userId).where("group_name", "=", group).execute();
    return true;
  });
}

/**
 * The forum says `userId` left `group` (or was removed): the seat is free again. A known member
 * without a row was never counted as Kindred's and is not subtracted twice.
 */
export async function recordLeft(db: Db, group: string, userId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("peer_group_memberships").where("group_name", "=", group).where("user_id", "=", userId).executeTakeFirst();
    const known = await trx.selectFrom("members").select("user_id").where("user_id", "=", userId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0 && known) return false;
    await trx
      .updateTable("peer_groups")
      .set((eb) => ({ member_count: eb.fn("greatest", [eb("member_count", "-", 1), eb.lit(0)]) }))
      .where("name", "=", group)
      .execute();
    return true;
  });
}

/** Takes the forum's own count (and id) as the truth after a read of the group. */
export async function setForumCount(db: Db, group: string, count: number, groupId: number, at: Date): Promise<void> {
  await db
    .insertInto("peer_groups")
    .values({ name: group, group_id: groupId, member_count: count, synced_at: at })
    .onConflict((oc) => oc.column("name").doUpdateSet({ group_id: groupId, member_count: count, synced_at: at }))
    .execute();
}
