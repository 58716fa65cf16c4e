import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import crisisWatch from "../../../bots/crisis-watch/index.ts";
import { loadConfig } from "../../../config/index.ts";
import { createLogger } from "../../../plugins/log/create-logger.ts";
import { readEnvFile } from "../../../plugins/operator/env-file.ts";
import { createRuntime, type Runtime } from "../../../plugins/runtime/create-runtime.ts";
import { createSandboxForum, type SandboxForum } from "../../../plugins/sandbox/index.ts";
import { cleanPrefix, REDIS_URL, testPrefix } from "../../helpers/redis.ts";
import { runCli } from "../cli/run-cli.ts";
import { freePort } from "./free-port.ts";

describe("kindred doctor against the sandbox forum", () => {
  let forum: SandboxForum;
  let dir: string;
  let prefix: string;
  let port: number;
  let runtime: Runtime | undefined;

  beforeEach(async () => {
    forum = createSandboxForum({ seed: true, adminApiKeys: [randomBytes(32).toString("hex")], rateLimit: { max: 1000, windowMs: 60_000 } });
    const { url } = await forum.listen(0, "127.0.0.1");
    dir = mkdtempSync(join(tmpdir(), "kindred-doctor-"));
    prefix = testPrefix();
    port = await freePort();
    // Only crisis watch: fewer events, and no group catalogue to read on every run.
    writeFileSync(join(dir, "kindred.local.yaml"), "enabledBots: [crisis-watch]\napiBudget: { perMinute: 60, crisisReserve: 10, windowSeconds: 1 }\n");
    const setup = await runCli(["setup", "--yes", "--secrets-file", join(dir, ".env"), "--config", join(dir, "kindred.local.yaml"), "--prefix", prefix], {
      DISCOURSE_URL: url,
      DISCOURSE_API_KEY: forum.apiKey,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      REDIS_URL,
    });
    expect(setup.code).toBe(0);
  });
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
    await forum.close();
    await cleanPrefix(prefix);
  });

  const doctor = (...args: string[]) => runCli(["doctor", "--secrets-file", join(dir, ".env"), "--prefix", prefix, ...args], { REDIS_URL });

  it("should find a healthy connection right after setup", async () => {
    const { code, stdout } = await doctor();
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[ ok \] webhook: webhook \d+ is up to date/);
    expect(stdout).toContain("[ ok ] deliveries: no failed webhook deliveries in the last 24 h");
    expect(stdout).not.toContain("[done]");
  });

  it("should report deliveries that failed while Kindred was down, and redeliver them", async () => {
    const post = forum.actAs("jordan").createPost({ title: "Checking in while nobody listens", raw: "Day 12 and the mornings are getting easier.", category: 1 });
    if (post.action !== "created") throw new Error("expected a created post");
    await forum.webhooksIdle();
    const report = await doctor();
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("[TODO] deliveries: 1 failed webhook deliveries in the last 24 h (1 × no answer (-1)): run kindred doctor --redeliver");
    expect(report.stdout).not.toContain("mornings");

    const env = readEnvFile(join(dir, ".env"));
    const config = loadConfig({ ...env, REDIS_URL }, { overrides: { store: { dataDir: "memory://" }, log: { level: "silent" }, http: { host: "127.0.0.1" } } });
    runtime = await createRuntime({ config, bots: [crisisWatch], prefix, port, log: createLogger({ level: "silent" }), schedules: false });
    const fixed = await doctor("--redeliver");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain("[done] deliveries: redelivered 1 of 1 failed deliveries from the last 24 h");
    const db = runtime.store.db;
    await expect.poll(async () => (await db.selectFrom("crisis_assessments").select("post_id").where("post_id", "=", post.post.id).execute()).length, { timeout: 10_000 }).toBe(1);
  });

  it("should fail when the forum's webhook no longer matches what Kindred needs", async () => {
    const [hook] = [...forum.state.webHooks.values()];
    hook.categoryIds = [1];
    const { code, stdout, stderr } = await doctor();
    expect(code).toBe(1);
    expect(stdout).toMatch(/\[FAIL\] webhook: webhook \d+ differs from what Kindred needs/);
    expect(stderr.trim()).toBe("[doctor] 1 check(s) failed: see above");
  });
});
