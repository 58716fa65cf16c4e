import { afterEach, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";

describe("sandbox forum: the shared admin-API rate limit", () => {
  let sandbox: StartedSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("should answer 429 with Discourse's JSON body and Retry-After after max calls, shared by every key", async () => {
    let now = Date.parse("2026-01-05T10:00:00Z");
    sandbox = await startSandbox({ adminApiKeys: ["key-one-0123456789", "key-two-0123456789"], rateLimit: { max: 5, windowMs: 60_000, now: () => now }, now: () => new Date(now) });
    const one = client(sandbox.url, "key-one-0123456789", "kindred");
    const two = client(sandbox.url, "key-two-0123456789", "system");
    for (let i = 0; i < 5; i++) {
      now += 1000;
      expect((await (i % 2 ? one : two)("GET", "/latest.json")).status).toBe(200);
    }
    now += 1000;
    const limited = await two("GET", "/latest.json");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("55");
    expect(limited.headers.get("discourse-rate-limit-error-code")).toBe("admin_api_key_rate_limit");
    expect(limited.json.error_type).toBe("rate_limit");
    expect(limited.json.extras).toEqual({ wait_seconds: 55, time_left: "55 seconds" });
    // Sliding window: once the oldest call is a minute old, one more call fits.
    now = Date.parse("2026-01-05T10:01:01Z");
    expect((await one("GET", "/latest.json")).status).toBe(200);
    expect((await one("GET", "/latest.json")).status).toBe(429);
  });

  it("should not spend the bucket on calls with a bad key", async () => {
    sandbox = await startSandbox({ rateLimit: { max: 2, windowMs: 60_000 } });
    const bad = client(sandbox.url, "wrong", "kindred");
    for (let i = 0; i < 5; i++) expect((await bad("GET", "/latest.json")).status).toBe(403);
    const good = client(sandbox.url, sandbox.apiKey, "kindred");
    expect((await good("GET", "/latest.json")).status).toBe(200);
    expect((await good("GET", "/latest.json")).status).toBe(200);
    expect((await good("GET", "/latest.json")).status).toBe(429);
  });

  it("should make exactly the next call answer 429 when forced, as JSON or as plain text", async () => {
    sandbox = await startSandbox();
    const api = client(sandbox.url, sandbox.apiKey, "kindred");
    sandbox.forum.forceRateLimit(7);
    const json = await api("GET", "/latest.json");
    expect(json.status).toBe(429);
    expect(json.headers.get("retry-after")).toBe("7");
    expect(json.json.extras.wait_seconds).toBe(7);
    expect((await api("GET", "/latest.json")).status).toBe(200);
    sandbox.forum.forceRateLimit(3, { format: "text" });
    const text = await api("GET", "/latest.json");
    expect(text.status).toBe(429);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text.headers.get("retry-after")).toBe("3");
    expect(text.text).toBe("Slow down, too many requests from this IP address. Please retry again in 3 seconds. Error code: ip_10_secs_limit.");
  });

  it("should answer with the plain-text variant when configured", async () => {
    sandbox = await startSandbox({ rateLimit: { max: 1, windowMs: 60_000, plainText: true } });
    const api = client(sandbox.url, sandbox.apiKey, "kindred");
    expect((await api("GET", "/latest.json")).status).toBe(200);
    const limited = await api("GET", "/latest.json");
    expect(limited.status).toBe(429);
    expect(limited.json).toBeNull();
    expect(limited.text).toMatch(/^Slow down, too many requests/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
