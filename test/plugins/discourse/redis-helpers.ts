import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

/** Real Redis on loopback, as issue #2 asks; each test gets its own prefix and deletes its keys. */
export const REDIS_URL = "redis://127.0.0.1:6379";

export function testPrefix(): string {
  return `test-discourse-${randomUUID()}`;
}

export function connect(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Deletes every key under `prefix` (the budget's keys carry it inside a hash tag). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `*${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}
