import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** A Lua script bound to its keys: `EVALSHA`, falling back to `EVAL` once when Redis lost its script cache. */
export type BoundScript = (...args: (string | number)[]) => Promise<unknown>;

/**
 * Binds `script` to `keys` on `redis`. Scripts are sent by hash so a poll costs a few bytes, not the
 * whole script; after a Redis restart (`NOSCRIPT`) the body is sent again.
 */
export function bindScript(redis: Redis, script: string, keys: readonly string[]): BoundScript {
  const sha = createHash("sha1").update(script).digest("hex");
  return async (...args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("NOSCRIPT")) {
        return await redis.eval(script, keys.length, ...keys, ...args);
      }
      throw error;
    }
  };
}
