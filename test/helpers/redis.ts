import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

export const REDIS_URL = "redis://127.0.0.1:6379";

/** A unique key prefix per test, so tests never see each other's queues (BullMQ's own habit). */
export function testPrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/** Removes every key under a prefix. */
export async function cleanPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
