import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../config/index.ts";
import { defineBot } from "../../../plugins/app/define-bot.ts";
import type { Bot } from "../../../plugins/app/types.ts";
import { createLogger } from "../../../plugins/log/create-logger.ts";
import { connectForumWebhook } from "../../../plugins/runtime/connect-forum-webhook.ts";
import { createRuntime, type Runtime } from "../../../plugins/runtime/create-runtime.ts";
import { createSandboxForum, type SandboxForum } from "../../../plugins/sandbox/index.ts";
import { cleanPrefix, testPrefix } from "../../helpers/redis.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

function slowBot(log: string[], ms: number): Bot {
  return defineBot({
    name: "slow",
    lane: "onboarding",
    account: "greeter",
    setup(app) {
      app.on("post_created", async (ctx) => {
        log.push(`start ${ctx.payload.post.id}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`done ${ctx.payload.post.id}`);
      });
    },
  });
}

describe("roles and shutdown", () => {
  let kindred: Kindred | undefined;
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("should finish an in-flight job before closing", async () => {
    const log: string[] = [];
    kindred = await startKindred({ bots: [slowBot(log, 1500)], overrides: { enabledBots: ["slow"] } });
    kindred.forum.actAs("dana").createPost({ title: "Slow but steady wins", raw: "One day at a time, as they say.", category: 2 });
    const deadline = Date.now() + 10_000;
    while (!log.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toHaveLength(1);
    await kindred.close();
    kindred = undefined;
    expect(log[1]).toMatch(/^done /);
  });

  it.skipIf(!process.env.DATABASE_URL)("should split web and worker across processes that share Redis and PostgreSQL", async () => {
    const log: string[] = [];
    const forum: SandboxForum = createSandboxForum();
    const { url } = await forum.listen(0, "127.0.0.1");
    const prefix = testPrefix();
    const schema = `roles_${randomUUID().slice(0, 8)}`;
    const secret = randomBytes(12).toString("hex");
    const config = loadConfig(
      { DISCOURSE_URL: url, DISCOURSE_API_KEY: forum.apiKey, WEBHOOK_SECRET: secret, DATABASE_URL: process.env.DATABASE_URL },
      { overrides: { enabledBots: ["slow"], log: { level: "silent" }, http: { host: "127.0.0.1" } } },
    );
    const common = { config, bots: [slowBot(log, 10)], prefix, storeSchema: schema, log: createLogger({ level: "silent" }), schedules: false, port: 0 };
    const web: Runtime = await createRuntime({ ...common, role: "web" });
    const worker: Runtime = await createRuntime({ ...common, role: "worker" });
    cleanups.push(async () => {
      await forum.close();
      await cleanPrefix(prefix);
      await web.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await web.close();
    });
    cleanups.push(() => worker.close());
    expect(worker.url).toBeUndefined();
    await connectForumWebhook(web, { payloadUrl: `${web.url}/webhooks/discourse`, secret, verifyCertificate: false });
    forum.actAs("riley").createPost({ title: "Two processes, one forum", raw: "Checking the split roles work together.", category: 2 });
    const deadline = Date.now() + 10_000;
    while (log.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.map((l) => l.split(" ")[0])).toEqual(["start", "done"]);
  });
});
