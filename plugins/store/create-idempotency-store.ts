import type { Store } from "./create-store.ts";

/** Records the result of a write under a key so a retried job never makes it twice (issue #2). */
export interface IdempotencyStore {
  get(key: string): Promise<unknown | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

/** The store-backed idempotency keys the Discourse client uses for PMs, replies and flags. */
export function createIdempotencyStore(store: Store): IdempotencyStore {
  return {
    async get(key) {
      const row = await store.db.selectFrom("idempotency_keys").select("result").where("key", "=", key).executeTakeFirst();
      return row?.result;
    },
    async put(key, value) {
      await store.db
        .insertInto("idempotency_keys")
        .values({ key, result: JSON.stringify(value ?? null) })
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
    },
  };
}
