import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../../plugins/store/database.ts";
import type { ExclusionReason } from "../catalogue/vocabulary.ts";
import type { PendingAction } from "./database.ts";

type Db = Kysely<Database>;
export type MemberState = Selectable<Database["peer_group_members"]>;

/** The member's suggestion state, created on first use (the member record must exist). */
export async function memberState(db: Db, userId: number): Promise<MemberState> {
  await db
    .insertInto("peer_group_members")
    .values({ user_id: userId, offer: "[]", pending: "null", updated_at: new Date() })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  return db.selectFrom("peer_group_members").selectAll().where("user_id", "=", userId).executeTakeFirstOrThrow();
}

export interface StatePatch {
  stage?: string | null;
  band_message_at?: Date | null;
  not_now_at?: Date | null;
  offer?: string[];
  shown?: number;
  offer_no?: number;
  pending?: PendingAction | null;
}

export async function updateMemberState(db: Db, userId: number, patch: StatePatch): Promise<void> {
  const { offer, pending, ...rest } = patch;
  await db
    .updateTable("peer_group_members")
    .set({
      ...rest,
      ...(offer !== undefined ? { offer: JSON.stringify(offer) } : {}),
      ...(pending !== undefined ? { pending: JSON.stringify(pending) } : {}),
      updated_at: new Date(),
    })
    .where("user_id", "=", userId)
    .execute();
}

/**
 * Lower-case names of every group not to offer this member: ones they left, declined or were
 * removed from, ones they are in, and ones they have asked to join.
 */
export async function excludedGroups(db: Db, userId: number): Promise<Set<string>> {
  const [exclusions, memberships, requests] = await Promise.all([
    db.selectFrom("peer_group_exclusions").select("group_name").where("user_id", "=", userId).execute(),
    db.selectFrom("peer_group_memberships").select("group_name").where("user_id", "=", userId).execute(),
    db.selectFrom("peer_group_requests").select("group_name").where("user_id", "=", userId).execute(),
  ]);
  return new Set([...exclusions, ...memberships, ...requests].map((r) => r.group_name.toLowerCase()));
}

/** Never offer `group` to this member again (members Kindred does not know are skipped: nothing to offer them). */
export async function addExclusion(db: Db, userId: number, group: string, reason: ExclusionReason, at: Date): Promise<void> {
  const known = await db.selectFrom("members").select("user_id").where("user_id", "=", userId).executeTakeFirst();
  if (!known) return;
  await db
    .insertInto("peer_group_exclusions")
    .values({ user_id: userId, group_name: group, reason, at })
    .onConflict((oc) => oc.columns(["user_id", "group_name"]).doUpdateSet({ reason, at }))
    .execute();
}
