import { Redis, type RedisOptions } from "ioredis";

/**
 * One Redis connection. Producers (the web role) fail fast so a webhook gets 503 at once when Redis
 * is down; workers wait for Redis forever (BullMQ's `maxRetriesPerRequest: null`).
 */
export function createRedis(url: string, role: "producer" | "worker" | "client", extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    role === "producer"
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false }
      : role === "worker"
        ? { maxRetriesPerRequest: null, enableReadyCheck: true }
        : { maxRetriesPerRequest: 2, connectTimeout: 2000 };
  const redis = new Redis(url, { ...options, ...extra });
  // ioredis emits reconnect errors as events; without a listener Node would crash the process.
  redis.on("error", () => {});
  return redis;
}
