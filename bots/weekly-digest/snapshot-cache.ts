import type { KeyValue } from "../../plugins/store/index.ts";
import type { DigestForum } from "./digest-forum.ts";
import { type ForumSnapshot, loadForumSnapshot } from "./forum-snapshot.ts";
import { indexSnapshot, type SnapshotIndex } from "./member-view.ts";

const SNAPSHOT_KEY = "weekly-digest:snapshot";
const STAMP_KEY = "weekly-digest:snapshot-taken-at";

/**
 * The week's bulk reads, shared by every worker through the store: the scheduler refreshes it when
 * it is older than `maxAgeHours`, and each member's job reads it (no forum call). The process keeps
 * the parsed copy while the stored stamp is unchanged, so 10 000 jobs parse it once.
 */
export function createSnapshotCache(kv: KeyValue) {
  let memo: SnapshotIndex | undefined;
  return {
    /** Reads the forum only when the stored snapshot is missing or too old. */
    async ensureFresh(forum: DigestForum, options: { now: Date; maxAgeHours: number; extraGroups?: readonly string[] }): Promise<{ index: SnapshotIndex; refreshed: boolean }> {
      const stamp = await kv.get<string>(STAMP_KEY);
      if (stamp && options.now.getTime() - new Date(stamp).getTime() < options.maxAgeHours * 3_600_000) {
        const index = await this.current();
        if (index) return { index, refreshed: false };
      }
      const snapshot = await loadForumSnapshot(forum, { now: options.now, extraGroups: options.extraGroups });
      await kv.set(SNAPSHOT_KEY, snapshot);
      await kv.set(STAMP_KEY, snapshot.takenAt);
      memo = indexSnapshot(snapshot);
      return { index: memo, refreshed: true };
    },
    /** The stored snapshot, or undefined before the first refresh. */
    async current(): Promise<SnapshotIndex | undefined> {
      const stamp = await kv.get<string>(STAMP_KEY);
      if (!stamp) return undefined;
      if (memo?.snapshot.takenAt === stamp) return memo;
      const snapshot = await kv.get<ForumSnapshot>(SNAPSHOT_KEY);
      if (!snapshot) return undefined;
      memo = indexSnapshot(snapshot);
      return memo;
    },
  };
}

export type SnapshotCache = ReturnType<typeof createSnapshotCache>;
