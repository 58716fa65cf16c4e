import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import type { Catalogue } from "./catalogue/catalogue-schema.ts";
import "./store/database.ts";

export interface GroupReportRow {
  group: string;
  members: number;
  capacity: number;
  /** Members who joined in the last `days` days (counts only: who joined a group stays private). */
  recentJoins: number;
  addedByKindred: number;
  pendingRequests: number;
  syncedAt: Date | null;
}

/** `kindred groups report`: sizes, capacity and recent joins, from Kindred's own records. */
export async function groupsReport(db: Kysely<Database>, catalogue: Catalogue, now: Date, days = 7): Promise<GroupReportRow[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [groups, joins, requests] = await Promise.all([
    db.selectFrom("peer_groups").selectAll().execute(),
    db.selectFrom("peer_group_memberships").select(["group_name", "source", "added_at"]).where("added_at", ">=", since).execute(),
    db.selectFrom("peer_group_requests").select("group_name").execute(),
  ]);
  return catalogue.groups.map((g) => {
    const row = groups.find((r) => r.name === g.name);
    const recent = joins.filter((j) => j.group_name === g.name);
    return {
      group: g.name,
      members: row?.member_count ?? 0,
      capacity: g.capacity,
      recentJoins: recent.length,
      addedByKindred: recent.filter((j) => j.source === "kindred").length,
      pendingRequests: requests.filter((r) => r.group_name === g.name).length,
      syncedAt: row?.synced_at ?? null,
    };
  });
}
