import { randomBytes, randomUUID } from "node:crypto";
import { loadConfig } from "../../config/index.ts";
import { deepMerge } from "../../config/deep-merge.ts";
import { createFakeClock } from "../../plugins/app/clock.ts";
import type { Bot } from "../../plugins/app/types.ts";
import { createLogger } from "../../plugins/log/create-logger.ts";
import { connectForumWebhook } from "../../plugins/runtime/connect-forum-webhook.ts";
import { createRuntime, type Role, type Runtime } from "../../plugins/runtime/create-runtime.ts";
import { createSandboxForum, type SandboxForum, type SandboxForumOptions } from "../../plugins/sandbox/index.ts";
import { cleanPrefix, testPrefix } from "./redis.ts";

export type FakeClock = ReturnType<typeof createFakeClock>;

export interface StartKindredOptions {
  /** @defaultValue every bot in bots/index.ts */
  bots?: readonly Bot[];
  /** Settings merged over the defaults (kindred.yaml). */
  overrides?: unknown;
  /** A fake clock shared by Kindred and the sandbox forum. @defaultValue a new one at 2026-01-05 12:00 UTC */
  clock?: FakeClock;
  /** Use PostgreSQL (when DATABASE_URL is set) in a schema of its own, else PGlite in memory. */
  postgres?: boolean;
  sandbox?: SandboxForumOptions;
  role?: Role;
  /** Leave the recurring schedules off; tests run tasks with `runtime.runTask`. @defaultValue false */
  schedules?: boolean;
  /** Another Redis (the Redis-down test starts a private one). */
  redisUrl?: string;
  /** Collects every log line (at debug level) here, for tests that check what logs carry. */
  logLines?: string[];
  /** More environment, e.g. DISCOURSE_CONNECT_SECRET for the /admin page. */
  env?: Record<string, string | undefined>;
}

export interface Kindred {
  forum: SandboxForum;
  forumUrl: string;
  runtime: Runtime;
  clock: FakeClock;
  prefix: string;
  /** The webhook secret the forum signs with. */
  secret: string;
  /** Waits until the forum has delivered every webhook and the queues have nothing left to run. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Kindred wired to a sandbox forum over real HTTP, with a real Redis (a unique prefix) and a real
 * store, exactly as `npm start` wires them, for end-to-end tests.
 */
export async function startKindred(options: StartKindredOptions = {}): Promise<Kindred> {
  const clock = options.clock ?? createFakeClock("2026-01-05T12:00:00Z");
  const forum = createSandboxForum({ seed: true, now: () => clock.now(), ...options.sandbox });
  const { url: forumUrl } = await forum.listen(0, "127.0.0.1");
  const secret = randomBytes(16).toString("hex");
  const usePostgres = options.postgres !== false && Boolean(process.env.DATABASE_URL);
  const config = loadConfig(
    {
      DISCOURSE_URL: forumUrl,
      DISCOURSE_API_KEY: forum.apiKey,
      WEBHOOK_SECRET: secret,
      REDIS_URL: options.redisUrl ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      DATABASE_URL: usePostgres ? process.env.DATABASE_URL : undefined,
      ...options.env,
    },
    {
      overrides: deepMerge(
        { store: { dataDir: "memory://" }, log: { level: "silent" }, jobs: { backoffMs: 50, attempts: 3, shutdownDeadlineSeconds: 5 }, http: { host: "127.0.0.1" } },
        options.overrides ?? {},
      ),
    },
  );
  const prefix = testPrefix();
  const runtime = await createRuntime({
    config,
    // Imported lazily so runtime tests with their own bots do not load every bot.
    bots: options.bots ?? (await import("../../bots/index.ts")).bots,
    role: options.role ?? "all",
    clock,
    prefix,
    port: 0,
    log: options.logLines
      ? createLogger({ level: "debug", destination: { write: (line: string) => void options.logLines!.push(line) } })
      : createLogger({ level: "silent" }),
    storeSchema: usePostgres ? `t_${randomUUID().replaceAll("-", "").slice(0, 12)}` : undefined,
    schedules: options.schedules ?? false,
  });
  await connectForumWebhook(runtime, { payloadUrl: `${runtime.url}/webhooks/discourse`, secret, verifyCertificate: false });

  const settle = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    while (Date.now() < deadline) {
      await forum.webhooksIdle();
      const events = await runtime.queues.events.getJobCounts("waiting", "active", "prioritized", "delayed");
      const tasks = await runtime.queues.tasks.getJobCounts("waiting", "active", "prioritized");
      const busy = Object.values(events).some((n) => n > 0) || Object.values(tasks).some((n) => n > 0);
      quietRounds = busy ? 0 : quietRounds + 1;
      if (quietRounds >= 3) return;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    throw new Error("[test] Kindred did not settle in time");
  };

  return {
    forum,
    forumUrl,
    runtime,
    clock,
    prefix,
    secret,
    settle,
    async close() {
      await runtime.close();
      await forum.close();
      await cleanPrefix(prefix);
    },
  };
}
