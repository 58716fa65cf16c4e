import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../config/index.ts";
import { createLogger } from "../../../plugins/log/create-logger.ts";
import { readEnvFile } from "../../../plugins/operator/env-file.ts";
import { createRuntime, type Runtime } from "../../../plugins/runtime/create-runtime.ts";
import { createSandboxForum, type SandboxForum } from "../../../plugins/sandbox/index.ts";
import { runCli } from "../cli/run-cli.ts";
import { cleanPrefix, REDIS_URL, testPrefix } from "../../helpers/redis.ts";
import { freePort } from "./free-port.ts";

const READ_ONLY = randomBytes(32).toString("hex");

describe("kindred setup against the sandbox forum", () => {
  let forum: SandboxForum;
  let forumUrl: string;
  let dir: string;
  let prefix: string;
  let port: number;
  let runtime: Runtime | undefined;

  beforeEach(async () => {
    // The group catalogue check reads every group: a short budget window keeps three runs fast.
    forum = createSandboxForum({ seed: true, adminApiKeys: [randomBytes(32).toString("hex"), { key: READ_ONLY, readOnly: true }], rateLimit: { max: 1000, windowMs: 60_000 } });
    forumUrl = (await forum.listen(0, "127.0.0.1")).url;
    dir = mkdtempSync(join(tmpdir(), "kindred-setup-"));
    writeFileSync(join(dir, "kindred.local.yaml"), "# the test's own settings, kept by setup\napiBudget: { perMinute: 60, crisisReserve: 10, windowSeconds: 1 }\n");
    prefix = testPrefix();
    port = await freePort();
  });
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
    await forum.close();
    await cleanPrefix(prefix);
  });

  const setup = (key = forum.apiKey) =>
    runCli(["setup", "--yes", "--secrets-file", join(dir, ".env"), "--config", join(dir, "kindred.local.yaml"), "--prefix", prefix], {
      DISCOURSE_URL: forumUrl,
      DISCOURSE_API_KEY: key,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      REDIS_URL,
    });
  const forumState = () =>
    JSON.stringify({
      hooks: [...forum.state.webHooks.values()].map((h) => ({ ...h, eventTypeNames: [...h.eventTypeNames].sort() })),
      settings: [...forum.state.siteSettings.values()].map((s) => [s.setting, s.value]),
      users: [...forum.state.users.values()].map((u) => [u.username, u.moderator, u.admin]),
    });

  it("should leave a working webhook and a config that kindred config check accepts", async () => {
    const { code, stdout, stderr } = await setup();
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const env = readEnvFile(join(dir, ".env"));
    expect(statSync(join(dir, ".env")).mode & 0o777).toBe(0o600);
    expect(env.WEBHOOK_SECRET).toMatch(/^[0-9a-f]{48}$/);
    for (const secret of [forum.apiKey, env.WEBHOOK_SECRET, env.DISCOURSE_CONNECT_SECRET]) expect(stdout).not.toContain(secret);
    expect(stdout).toMatch(/\[done\] webhook: created webhook \d+/);
    expect(stdout).toContain("[done] settings: turned on retry_web_hook_events");
    expect(stdout).toContain("[TODO] settings: discobot also welcomes newcomers");

    const [hook] = [...forum.state.webHooks.values()];
    expect(forum.state.webHooks.size).toBe(1);
    expect(hook.payloadUrl).toBe(`http://127.0.0.1:${port}/webhooks/discourse`);
    expect(hook.contentType).toBe(1);
    expect(hook.categoryIds).toEqual([]);
    const listed = await runCli(["events", "list"], { KINDRED_CONFIG: env.KINDRED_CONFIG });
    expect([...hook.eventTypeNames].sort()).toEqual(listed.stdout.trim().split("\n").sort());

    const check = await runCli(["config", "check"], env);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`forum ${forumUrl}`);

    // Start Kindred with exactly what setup wrote, and post on the forum.
    const config = loadConfig({ ...env, REDIS_URL }, { overrides: { store: { dataDir: "memory://" }, log: { level: "silent" }, http: { host: "127.0.0.1" } } });
    runtime = await createRuntime({ config, bots: (await import("../../../bots/index.ts")).bots, prefix, port, log: createLogger({ level: "silent" }), schedules: false });
    const outcome = forum.actAs("jordan").createPost({ title: "Checking in after setup", raw: "Day 12 and the mornings are getting easier.", category: 1 });
    if (outcome.action !== "created") throw new Error("expected a created post");
    await forum.webhooksIdle();
    const db = runtime.store.db;
    await expect.poll(async () => (await db.selectFrom("crisis_assessments").select("post_id").where("post_id", "=", outcome.post.id).execute()).length, { timeout: 10_000 }).toBe(1);
    expect(hook.lastDeliveryStatus).toBe(3);

    // And a moderator can sign in to /admin through the forum with what setup configured on both sides.
    const login = await fetch(`http://127.0.0.1:${port}/admin/login`, { redirect: "manual" });
    const atForum = await fetch(login.headers.get("location") as string, { redirect: "manual", headers: { Cookie: forum.sessionCookie("sam_mod") } });
    const nonce = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const answer = await fetch(atForum.headers.get("location") as string, { redirect: "manual", headers: { Cookie: nonce } });
    const session = answer.headers.getSetCookie().find((c) => c.startsWith("kindred_admin="))?.split(";")[0] ?? "";
    const page = await fetch(`http://127.0.0.1:${port}/admin`, { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Signed in as <strong>sam_mod</strong>");
  });

  it("should change nothing when run a second time", async () => {
    expect((await setup()).code).toBe(0);
    const before = { forum: forumState(), env: readFileSync(join(dir, ".env"), "utf8"), config: readFileSync(join(dir, "kindred.local.yaml"), "utf8") };
    const again = await setup();
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain("[done]");
    expect(again.stdout).toMatch(/\[ ok \] webhook: webhook \d+ is up to date/);
    expect({ forum: forumState(), env: readFileSync(join(dir, ".env"), "utf8"), config: readFileSync(join(dir, "kindred.local.yaml"), "utf8") }).toEqual(before);
  });

  it("should say in one line what a read-only key is missing, and change nothing", async () => {
    const before = forumState();
    const { code, stdout, stderr } = await setup(READ_ONLY);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[setup\] the API key is read-only: .*write/);
    expect(lines[0]).not.toContain(READ_ONLY);
    expect(existsSync(join(dir, ".env"))).toBe(false);
    expect(forumState()).toBe(before);
  });

  it("should ask for what is missing, and make no change on the forum the admin declines", async () => {
    const before = forumState();
    const answers = [forumUrl, forum.apiKey, `http://127.0.0.1:${port}`, "n", "n", "n", "n", "n", "n"].join("\n");
    const { code, stdout, stderr } = await runCli(["setup", "--secrets-file", join(dir, ".env"), "--config", join(dir, "kindred.local.yaml"), "--prefix", prefix], { REDIS_URL }, `${answers}\n`);
    expect(code).toBe(0);
    expect(stderr).toContain("The forum's address");
    expect(stderr).toContain("Turn on retry_web_hook_events");
    expect(stderr).not.toContain(forum.apiKey);
    expect(stdout).toContain("[TODO] settings: turn on retry_web_hook_events");
    // The webhook is what setup is for: it is made without asking; declined settings stay as they were.
    const after = JSON.parse(forumState());
    expect(after.settings).toEqual(JSON.parse(before).settings);
    expect(after.hooks).toHaveLength(1);
  });
});
