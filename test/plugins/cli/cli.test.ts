import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

describe("kindred (the command line)", () => {
  it("should accept a good configuration and print no secret", async () => {
    const { code, stdout } = await runCli(["config", "check"], { DISCOURSE_URL: "https://forum.example", DISCOURSE_API_KEY: "k".repeat(64), WEBHOOK_SECRET: "a-webhook-secret-1234" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^config ok: forum https:\/\/forum.example/);
    expect(stdout).not.toContain("kkkk");
    expect(stdout).not.toContain("a-webhook-secret");
  });

  it("should exit 2 with one line naming the key when a value is bad", async () => {
    const { code, stdout, stderr } = await runCli(["config", "check"], { REDIS_URL: "not a url" });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^\[config\] REDIS_URL: /);
  });

  it("should exit 2 naming a bad key in the KINDRED_CONFIG file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kindred-cli-")), "bad.yaml");
    writeFileSync(file, "apiBudget:\n  crisisReserve: -3\n");
    const { code, stderr } = await runCli(["config", "check"], { KINDRED_CONFIG: file });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\[config\] apiBudget\.crisisReserve: /);
  });

  it("should list exactly the webhook events the enabled bots need, one per line", async () => {
    const { code, stdout } = await runCli(["events", "list"]);
    expect(code).toBe(0);
    const events = stdout.trim().split("\n");
    expect(events).toContain("post_created");
    expect(events).toContain("user_destroyed");
    expect(events).toEqual([...events].sort());
    expect(events.every((e) => /^[a-z_]+$/.test(e))).toBe(true);
  });

  it("should derive the list from the enabled bots", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kindred-cli-")), "only-crisis.yaml");
    writeFileSync(file, "enabledBots: [crisis-watch]\n");
    const { stdout } = await runCli(["events", "list"], { KINDRED_CONFIG: file });
    const events = stdout.trim().split("\n");
    expect(events).toContain("reviewable_updated");
    expect(events).not.toContain("user_created");
  });

  it("should refuse an unknown role and a split role on the embedded store", async () => {
    expect((await runCli(["start", "--role", "sideways"])).code).toBe(2);
    const split = await runCli(["start", "--role", "worker"], { DISCOURSE_URL: "http://127.0.0.1:9", DISCOURSE_API_KEY: "k", WEBHOOK_SECRET: "a-webhook-secret-1234" });
    expect(split.code).not.toBe(0);
    expect(split.stderr).toMatch(/needs DATABASE_URL: the embedded PGlite store serves only one process/);
  });

  it("should replay a stored delivery and report a bare payload without an event name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kindred-cli-"));
    const bare = join(dir, "bare.json");
    writeFileSync(bare, JSON.stringify({ post: { id: 1 } }));
    const missing = await runCli(["events", "replay", bare]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/needs --event NAME/);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    expect((await runCli(["events", "replay", broken])).code).toBe(2);
  });
});
