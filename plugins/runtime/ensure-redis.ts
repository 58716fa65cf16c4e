import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { Redis } from "ioredis";
import type { Logger } from "../log/create-logger.ts";

/**
 * Makes sure something answers at `url`. When nothing does, the address is on this machine and
 * `redis-server` is installed, a private one is started for this run (and stopped with it);
 * otherwise one line says how to get one.
 */
export async function ensureRedis(url: string, log: Logger): Promise<{ stop(): void }> {
  if (await answers(url)) return { stop() {} };
  const { hostname, port } = new URL(url);
  const local = ["127.0.0.1", "localhost", "::1", "[::1]"].includes(hostname);
  const installed = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
  if (!local || !installed) {
    throw new Error(
      `[redis] nothing answers at ${redact(url)}: start Redis there, set REDIS_URL, or install it (Debian: apt-get install redis-server)`,
    );
  }
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", port || "6379", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: "ignore" },
  );
  const stop = () => {
    if (!child.killed) child.kill("SIGTERM");
  };
  process.once("exit", stop);
  for (let i = 0; i < 50; i++) {
    if (await answers(url)) {
      log.info({ port: port || "6379" }, "started a private redis-server for this run");
      return { stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`[redis] started redis-server but it did not answer at ${redact(url)}`);
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A Redis URL may carry a password; error lines show it without. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "REDIS_URL";
  }
}
