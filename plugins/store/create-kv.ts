import type { Store } from "./create-store.ts";

/** Small named values shared by every process (cursors, run markers). */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Sets the value only when the key is new; true when this call set it (a cross-process claim). */
  claim(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export function createKeyValue(store: Store): KeyValue {
  const { db } = store;
  return {
    async get<T>(key: string) {
      const row = await db.selectFrom("kv").select("value").where("key", "=", key).executeTakeFirst();
      return row?.value as T | undefined;
    },
    async set(key, value) {
      const json = JSON.stringify(value ?? null);
      await db
        .insertInto("kv")
        .values({ key, value: json, updated_at: new Date() })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: json, updated_at: new Date() }))
        .execute();
    },
    async claim(key, value) {
      const result = await db
        .insertInto("kv")
        .values({ key, value: JSON.stringify(value ?? null), updated_at: new Date() })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async delete(key) {
      await db.deleteFrom("kv").where("key", "=", key).execute();
    },
  };
}
