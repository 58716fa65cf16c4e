/**
 * Idempotent writes (issue #2: "a write made by a retried job never creates a second PM, reply or flag").
 *
 * A write given an `idempotencyKey` first looks the key up: if a result is recorded it is returned and
 * Discourse is not called; otherwise the call is made and its (small) result recorded. A crash between
 * the call and the record is covered by Discourse itself, which memoizes identical API creates for
 * 120 s (`DistributedMemoizer` in `posts_controller.rb`, DISCOURSE.md §2.3), and by `flagPost` treating
 * "already flagged" as done.
 */

/** Where write results are kept. The store-backed one is `plugins/store/create-idempotency-store.ts`. */
export interface IdempotencyStore {
  get(key: string): Promise<unknown | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

/** An in-memory store for tests and one-off scripts: it forgets everything when the process ends. */
export function createMemoryIdempotencyStore(): IdempotencyStore & { readonly size: number } {
  const results = new Map<string, unknown>();
  return {
    async get(key) {
      return results.get(key);
    },
    async put(key, value) {
      if (!results.has(key)) results.set(key, value);
    },
    get size() {
      return results.size;
    },
  };
}

/**
 * Runs `write` at most once per `key` (per store). Without a store the write runs every time and only
 * Discourse's 120 s memoization protects against duplicates.
 * @param kind - namespaces keys per operation, so a PM and a flag cannot share a key by accident.
 */
export async function runIdempotent<T>(
  store: IdempotencyStore | undefined,
  kind: "pm" | "reply" | "flag" | "topic",
  idempotencyKey: string,
  write: () => Promise<T>,
): Promise<T> {
  if (!idempotencyKey) throw new Error(`[discourse] a ${kind} needs a non-empty idempotencyKey`);
  if (!store) return write();
  const key = `discourse:${kind}:${idempotencyKey}`;
  const recorded = await store.get(key);
  if (recorded !== undefined && recorded !== null) return recorded as T;
  const result = await write();
  await store.put(key, result);
  return result;
}
