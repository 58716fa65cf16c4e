import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfterMs } from "../../../plugins/discourse/parse-retry-after.ts";

describe("parseRetryAfterMs", () => {
  it("should prefer the Retry-After header in seconds", () => {
    expect(parseRetryAfterMs("7", '{"extras":{"wait_seconds":30}}')).toBe(7000);
  });

  it("should read an HTTP-date Retry-After", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 00:00:12 GMT", "", now)).toBe(12_000);
  });

  it("should fall back to extras.wait_seconds of Discourse's JSON 429", () => {
    const body = JSON.stringify({
      errors: ["You've performed this action too many times. Please wait 42 seconds before trying again."],
      error_type: "rate_limit",
      extras: { wait_seconds: 42, time_left: "42 seconds" },
    });
    expect(parseRetryAfterMs(null, body)).toBe(42_000);
  });

  it("should parse the plain-text 429 of Discourse's request tracker", () => {
    const body =
      "Slow down, too many requests from this IP address. Please retry again in 9 seconds. Error code: ip_10_secs_limit.";
    expect(parseRetryAfterMs(null, body)).toBe(9000);
  });

  it("should not throw on a body that only looks like JSON", () => {
    expect(parseRetryAfterMs("", "{not json")).toBe(DEFAULT_RETRY_AFTER_MS);
  });
});
