import { SandboxHttpError } from "./errors.ts";

/** Discourse's `rate_limiter.too_many_requests` text with its `time_left`. */
export function timeLeft(seconds: number): string {
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

/**
 * The application limiter's 429 (`ApplicationController` rescuing `RateLimiter::LimitExceeded`):
 * JSON body with `extras.wait_seconds`, plus `Retry-After` and `Discourse-Rate-Limit-Error-Code`.
 */
export function rateLimitError(waitSeconds: number, errorCode: string): SandboxHttpError {
  const left = timeLeft(waitSeconds);
  return new SandboxHttpError(
    429,
    {
      errors: [`You’ve performed this action too many times. Please wait ${left} before trying again.`],
      error_type: "rate_limit",
      extras: { wait_seconds: waitSeconds, time_left: left },
    },
    { "Retry-After": String(waitSeconds), "Discourse-Rate-Limit-Error-Code": errorCode },
  );
}

/** The middleware limiter's plain-text 429 (lib/middleware/request_tracker.rb). */
export function plainTextRateLimitError(waitSeconds: number, errorCode: string): SandboxHttpError {
  return new SandboxHttpError(
    429,
    `Slow down, too many requests from this IP address. Please retry again in ${waitSeconds} seconds. Error code: ${errorCode}.`,
    { "Retry-After": String(waitSeconds), "Discourse-Rate-Limit-Error-Code": errorCode },
  );
}
