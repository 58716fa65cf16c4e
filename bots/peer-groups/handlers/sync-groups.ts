import type { BaseContext } from "../../../plugins/app/types.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { ensureGroupRows, setForumCount } from "../store/group-counts.ts";
import { addExclusion } from "../store/member-state.ts";

/** Seats Kindred reserved this recently may not be on the forum yet: a sync leaves them alone. */
const IN_FLIGHT_MS = 120_000;

/**
 * Reads every catalogue group's members from the forum and makes Kindred's view match: the count,
 * who is in (moderators' own changes included), and who has gone (never suggested it again).
 * Webhooks are best-effort (DISCOURSE.md §1.3), so this is the backstop.
 */
export async function syncGroups(ctx: Pick<BaseContext, "db" | "discourse" | "clock" | "log">, deps: PeerGroupsDeps): Promise<{ synced: number; missing: string[] }> {
  const now = ctx.clock.now();
  const names = deps.catalogue.groups.map((g) => g.name);
  await ensureGroupRows(ctx.db, names);
  const missing: string[] = [];
  let synced = 0;
  for (const name of names) {
    const group = await ctx.discourse.getGroup(name).then(
      (r) => r.group as { id: number; user_count: number },
      () => undefined,
    );
    if (!group) {
      missing.push(name);
      continue;
    }
    const ids = new Set<number>();
    try {
      for await (const member of ctx.discourse.iterateGroupMembers(name, { pageSize: 200 })) ids.add(member.id);
    } catch (error) {
      // A group whose member list only its owners may see: the count is all Kindred can know.
      ctx.log.warn({ group: name, err: { message: (error as Error).message } }, "cannot list the group's members; using its count only");
      await setForumCount(ctx.db, name, group.user_count, group.id, now);
      synced++;
      continue;
    }
    const known = await ctx.db.selectFrom("peer_group_memberships").select(["user_id", "added_at", "source"]).where("group_name", "=", name).execute();
    for (const row of known) {
      if (ids.has(row.user_id)) continue;
      if (row.source === "kindred" && now.getTime() - new Date(row.added_at).getTime() < IN_FLIGHT_MS) continue;
      await ctx.db.deleteFrom("peer_group_memberships").where("group_name", "=", name).where("user_id", "=", row.user_id).execute();
      await addExclusion(ctx.db, row.user_id, name, "removed", now);
    }
    const knownIds = new Set(known.map((r) => r.user_id));
    const members = ids.size ? await ctx.db.selectFrom("members").select("user_id").where("user_id", "in", [...ids]).execute() : [];
    const added = members.map((m) => m.user_id).filter((id) => !knownIds.has(id));
    if (added.length > 0) {
      await ctx.db
        .insertInto("peer_group_memberships")
        .values(added.map((user_id) => ({ group_name: name, user_id, source: "forum", added_at: now })))
        .onConflict((oc) => oc.columns(["group_name", "user_id"]).doNothing())
        .execute();
    }
    const inFlight = known.filter((r) => !ids.has(r.user_id) && r.source === "kindred" && now.getTime() - new Date(r.added_at).getTime() < IN_FLIGHT_MS).length;
    await setForumCount(ctx.db, name, Math.max(group.user_count, ids.size) + inFlight, group.id, now);
    synced++;
  }
  if (missing.length > 0) ctx.log.warn({ missing }, "catalogue groups missing on the forum (run `kindred groups check`)");
  return { synced, missing };
}
