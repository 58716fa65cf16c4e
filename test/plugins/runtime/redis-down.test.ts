import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { defineBot } from "../../../plugins/app/define-bot.ts";
import { fixtureText } from "../../helpers/fixtures.ts";
import { deliveryHeaders } from "../../helpers/sign.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

const hasRedisServer = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startPrivateRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.includes("PONG")) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("private redis-server did not start");
}

const quietBot = defineBot({ name: "listener", lane: "onboarding", account: "greeter", setup: (app) => app.on("post_created", () => {}) });

describe("when Redis stops", () => {
  let kindred: Kindred | undefined;
  let redis: ChildProcess | undefined;
  afterEach(async () => {
    redis?.kill("SIGKILL");
    await kindred?.close().catch(() => {});
  });

  it.skipIf(!hasRedisServer)("should answer webhooks 503 and /readyz 503, so Discourse delivers them again later", async () => {
    const port = await freePort();
    redis = await startPrivateRedis(port);
    kindred = await startKindred({ bots: [quietBot], overrides: { enabledBots: ["listener"] }, redisUrl: `redis://127.0.0.1:${port}` });
    const base = kindred.runtime.url!;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    redis.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const body = fixtureText("post_created.json");
    const res = await fetch(`${base}/webhooks/discourse`, { method: "POST", body, headers: deliveryHeaders(kindred.secret, body, "post_created", "post") });
    expect(res.status).toBe(503);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 30_000);
});
