import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config/index.ts";

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "kindred-")), "kindred.yaml");
  writeFileSync(path, text);
  return path;
};

describe("loadConfig", () => {
  it("should run in sandbox mode with the defaults when no forum is set", () => {
    const config = loadConfig({});
    expect(config.mode).toBe("sandbox");
    expect(config.apiBudget.perMinute).toBe(55);
    expect(config.apiBudget.crisisReserve).toBe(10);
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.apiBudget)).toBe(true);
  });

  it("should keep secrets out of JSON and enumeration", () => {
    const config = loadConfig({ DISCOURSE_URL: "https://forum.example", DISCOURSE_API_KEY: "k".repeat(64), WEBHOOK_SECRET: "s".repeat(32) });
    expect(config.secrets.apiKey).toBe("k".repeat(64));
    expect(JSON.stringify(config)).not.toContain("kkkk");
    expect(JSON.stringify(config)).not.toContain("ssss");
    expect(Object.keys(config)).not.toContain("secrets");
  });

  it("should accept the previous webhook secret during a rotation", () => {
    const config = loadConfig({ WEBHOOK_SECRET: "new-secret-123456", WEBHOOK_SECRET_PREVIOUS: "old-secret-123456" });
    expect(config.secrets.webhookSecrets).toEqual(["new-secret-123456", "old-secret-123456"]);
  });

  it("should merge KINDRED_CONFIG over the defaults key by key", () => {
    const path = file("apiBudget:\n  perMinute: 40\njobs:\n  concurrency: 2\n");
    const config = loadConfig({ KINDRED_CONFIG: path });
    expect(config.apiBudget.perMinute).toBe(40);
    expect(config.apiBudget.crisisReserve).toBe(10);
    expect(config.jobs.concurrency).toBe(2);
    expect(config.configFile).toBe(path);
  });

  it("should let PORT and LOG_LEVEL from the environment win", () => {
    const config = loadConfig({ PORT: "8123", LOG_LEVEL: "warn" });
    expect(config.http.port).toBe(8123);
    expect(config.log.level).toBe("warn");
  });

  it.each([
    [{ REDIS_URL: "http://nope" }, /^\[config\] REDIS_URL: /],
    [{ PORT: "eighty" }, /^\[config\] PORT: /],
    [{ DISCOURSE_URL: "https://forum.example" }, /^\[config\] DISCOURSE_API_KEY: is required when DISCOURSE_URL is set$/],
    [{ DISCOURSE_URL: "https://forum.example", DISCOURSE_API_KEY: "k" }, /^\[config\] WEBHOOK_SECRET: is required/],
    [{ WEBHOOK_SECRET: "short" }, /^\[config\] WEBHOOK_SECRET: must be at least 12 characters/],
    [{ DATABASE_URL: "mysql://x" }, /^\[config\] DATABASE_URL: /],
    [{ KINDRED_CONFIG: "/definitely/not/here.yaml" }, /^\[config\] KINDRED_CONFIG: cannot read \/definitely\/not\/here.yaml \(ENOENT\)$/],
  ])("should refuse %j with one line naming the key", (env, pattern) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain("\n");
  });

  it("should name a bad setting in a config file with its path", () => {
    expect(() => loadConfig({ KINDRED_CONFIG: file("apiBudget:\n  perMinute: 100\n") })).toThrow(/^\[config\] apiBudget\.perMinute: .*in \//);
    expect(() => loadConfig({ KINDRED_CONFIG: file("apiBudgett: {}\n") })).toThrow(/^\[config\] apiBudgett: is not a setting Kindred knows/);
    expect(() => loadConfig({ KINDRED_CONFIG: file("apiBudget: [\n") })).toThrow(/^\[config\] KINDRED_CONFIG: .* is not valid YAML/);
    expect(() => loadConfig({}, { overrides: { apiBudget: { perMinute: 10, crisisReserve: 10 } } })).toThrow(/crisisReserve must be below perMinute/);
  });
});
