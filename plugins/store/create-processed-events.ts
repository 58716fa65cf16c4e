import type { Store } from "./create-store.ts";

/** Which bot already handled which event, keyed on content so redeliveries and retries run once. */
export interface ProcessedEvents {
  has(key: string, bot: string): Promise<boolean>;
  mark(key: string, bot: string): Promise<void>;
  /** Drops keys older than the retention period; returns how many went. */
  prune(olderThan: Date): Promise<number>;
}

export function createProcessedEvents(store: Store): ProcessedEvents {
  const { db } = store;
  return {
    async has(key, bot) {
      const row = await db.selectFrom("processed_events").select("key").where("key", "=", key).where("bot", "=", bot).executeTakeFirst();
      return row !== undefined;
    },
    async mark(key, bot) {
      await db.insertInto("processed_events").values({ key, bot }).onConflict((oc) => oc.columns(["key", "bot"]).doNothing()).execute();
    },
    async prune(olderThan) {
      const result = await db.deleteFrom("processed_events").where("processed_at", "<", olderThan).executeTakeFirst();
      return Number(result.numDeletedRows ?? 0);
    },
  };
}
