import type { RequestHandler } from "express";
import { plainTextRateLimitError, rateLimitError } from "./rate-limit-error.ts";
import type { RateLimiter } from "./rate-limiter.ts";

/** A one-shot 429 the test asked for (`forum.forceRateLimit`). */
export interface Forced429 {
  seconds: number;
  /** `json`: the admin-API limiter's body; `text`: the per-IP middleware's plain text. */
  format: "json" | "text";
}

/**
 * The site-wide admin-API bucket (`admin_api_min`, code `admin_api_key_rate_limit`), checked after
 * authentication as Discourse does, so bad keys do not spend it. `takeForced` lets tests make the
 * next call answer 429 whatever the bucket says.
 */
export function createAdminApiRateLimit(limiter: RateLimiter, takeForced: () => Forced429 | null, plainText: boolean): RequestHandler {
  return (_req, _res, next) => {
    const forced = takeForced();
    if (forced) {
      throw forced.format === "text" ? plainTextRateLimitError(forced.seconds, "ip_10_secs_limit") : rateLimitError(forced.seconds, "admin_api_key_rate_limit");
    }
    const result = limiter.tryPerform();
    if (!result.ok) {
      throw plainText ? plainTextRateLimitError(result.waitSeconds, "ip_60_secs_limit") : rateLimitError(result.waitSeconds, "admin_api_key_rate_limit");
    }
    next();
  };
}
