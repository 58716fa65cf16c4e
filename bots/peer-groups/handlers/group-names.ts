import type { BaseContext } from "../../../plugins/app/types.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { ensureGroupRows } from "../store/group-counts.ts";

/**
 * The catalogue group a forum group id belongs to. Webhooks carry only the id, so ids are learnt
 * from the forum (one read per catalogue group, once) and kept in `peer_groups`.
 */
export async function catalogueGroupForId(ctx: BaseContext, deps: PeerGroupsDeps, groupId: number): Promise<string | undefined> {
  const known = await ctx.db.selectFrom("peer_groups").select("name").where("group_id", "=", groupId).executeTakeFirst();
  if (known) return known.name;
  const names = deps.catalogue.groups.map((g) => g.name);
  await ensureGroupRows(ctx.db, names);
  const missing = await ctx.db.selectFrom("peer_groups").select("name").where("group_id", "is", null).where("name", "in", names).execute();
  let found: string | undefined;
  for (const { name } of missing) {
    const group = await ctx.discourse.getGroup(name).then(
      (r) => r.group as { id: number; user_count: number },
      () => undefined,
    );
    if (!group) continue;
    // Only the id is taken here; counts come from the same read only when Kindred had none yet.
    await ctx.db
      .updateTable("peer_groups")
      .set((eb) => ({ group_id: group.id, member_count: eb.fn("greatest", ["member_count", eb.lit(group.user_count)]) }))
      .where("name", "=", name)
      .execute();
    if (group.id === groupId) found = name;
  }
  return found;
}
