import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createApiBudget, createDiscourseClient } from "../../../plugins/discourse/index.ts";
import { createRedis } from "../../../plugins/jobs/create-redis.ts";
import { createSandboxForum, type SandboxForum } from "../../../plugins/sandbox/index.ts";
import { cleanPrefix, REDIS_URL, testPrefix } from "../../helpers/redis.ts";

const run = promisify(execFile);
const workerScript = fileURLToPath(new URL("../../helpers/budget-worker-process.ts", import.meta.url));

describe("the shared API budget against the sandbox forum", () => {
  let forum: SandboxForum | undefined;
  const prefixes: string[] = [];
  afterEach(async () => {
    await forum?.close();
    forum = undefined;
    for (const prefix of prefixes.splice(0)) await cleanPrefix(prefix);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "should let two worker processes on PostgreSQL make 200 calls in a burst without one 429",
    async () => {
      // The sandbox keeps Discourse's 60-per-window limit; a 3 s window keeps the test short.
      forum = createSandboxForum({ rateLimit: { max: 60, windowMs: 3000 } });
      const { url } = await forum.listen(0, "127.0.0.1");
      const prefix = testPrefix();
      prefixes.push(prefix);
      const env = {
        ...process.env,
        DISCOURSE_URL: url,
        DISCOURSE_API_KEY: forum.apiKey,
        WEBHOOK_SECRET: "budget-test-secret-1234",
        PREFIX: prefix,
        COUNT: "100",
        WINDOW_SECONDS: "3",
      };
      const [a, b] = await Promise.all(
        ["a", "b"].map((name) =>
          run(process.execPath, [workerScript], { env: { ...env, STORE_SCHEMA: `budget_${name}_${randomUUID().slice(0, 8).replaceAll("-", "")}` }, timeout: 60_000 }),
        ),
      );
      const statuses = [a, b].flatMap((out) => (JSON.parse(out.stdout.trim().split("\n").pop()!) as { statuses: number[] }).statuses);
      expect(statuses).toHaveLength(200);
      expect(statuses.filter((s) => s === 429)).toEqual([]);
      expect(statuses.every((s) => s === 200)).toBe(true);
    },
    90_000,
  );

  it("should wait out a forced 429 with Retry-After and then succeed", async () => {
    forum = createSandboxForum();
    const { url } = await forum.listen(0, "127.0.0.1");
    const prefix = testPrefix();
    prefixes.push(prefix);
    const redis = createRedis(REDIS_URL, "client");
    const budget = createApiBudget({ redis, prefix });
    const client = createDiscourseClient({ baseUrl: url, apiKey: forum.apiKey, botUsernames: ["kindred"], budget });
    try {
      forum.forceRateLimit(1);
      const started = Date.now();
      const user = await client.as({ username: "kindred", lane: "crisis" }).getUser("riley");
      expect(user.user.username).toBe("riley");
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      forum.forceRateLimit(1, { format: "text" });
      expect((await client.as({ username: "kindred", lane: "digest" }).getUser("riley")).user.username).toBe("riley");
    } finally {
      await budget.close();
      redis.disconnect();
    }
  });

  it("should send a crisis-lane call next, even behind 500 waiting digest-lane calls", async () => {
    forum = createSandboxForum({ rateLimit: { max: 60, windowMs: 2000 } });
    const { url } = await forum.listen(0, "127.0.0.1");
    const prefix = testPrefix();
    prefixes.push(prefix);
    const redis = createRedis(REDIS_URL, "client");
    const budget = createApiBudget({ redis, prefix, perWindow: 20, windowMs: 2000, crisisReserve: 5 });
    const client = createDiscourseClient({ baseUrl: url, apiKey: forum.apiKey, botUsernames: ["kindred"], budget });
    const order: string[] = [];
    try {
      const digest = client.as({ username: "kindred", lane: "digest" });
      const digests = Array.from({ length: 500 }, (_, i) =>
        digest.getUser("jordan").then(
          () => order.push(`digest-${i}`),
          () => undefined,
        ),
      );
      // Let the digest calls fill the window and queue up behind it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sentBefore = order.length;
      const crisis = client.as({ username: "kindred", lane: "crisis" }).getUser("riley").then(() => order.push("crisis"));
      await crisis;
      // The crisis call used the reserve at once, ahead of every waiting digest call.
      expect(order.indexOf("crisis")).toBeLessThanOrEqual(sentBefore + 1);
      await budget.close();
      await Promise.allSettled(digests);
    } finally {
      redis.disconnect();
    }
  }, 30_000);
});
