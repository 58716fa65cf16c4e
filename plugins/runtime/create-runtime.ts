import type { Server } from "node:http";
import type { Config } from "../../config/index.ts";
import type { Clock } from "../app/clock.ts";
import { systemClock } from "../app/clock.ts";
import { createBaseContext } from "../app/create-context.ts";
import { createRegistry, type Registration, taskKey } from "../app/create-registry.ts";
import type { Services } from "../app/services.ts";
import type { Bot } from "../app/types.ts";
import type { Lane } from "../discourse/lanes.ts";
import { createAdminRouter } from "../http/admin/create-admin-router.ts";
import { createHttpApp } from "../http/create-http-app.ts";
import { createQueues, type Queues } from "../jobs/create-queues.ts";
import { createRedis } from "../jobs/create-redis.ts";
import { createWorkers, type Workers } from "../jobs/create-workers.ts";
import { syncSchedules } from "../jobs/sync-schedules.ts";
import { createLogger, type Logger } from "../log/create-logger.ts";
import { createMetrics, type Metrics } from "../metrics/create-metrics.ts";
import { coreMigrations, createIdempotencyStore, createKeyValue, createMembers, createProcessedEvents, createStore, type Store } from "../store/index.ts";
import { createWebhookRouter } from "../webhooks/create-webhook-router.ts";
import { createForumClient } from "./create-forum-client.ts";
import { createRuntimeBot } from "./runtime-bot.ts";
import { watchQueues } from "./watch-queues.ts";

export type Role = "all" | "web" | "worker";

export interface RuntimeOptions {
  config: Config;
  bots: readonly Bot[];
  /** @defaultValue "all": web, workers and schedules in one process */
  role?: Role;
  log?: Logger;
  clock?: Clock;
  /** Redis key prefix shared by every process of one deployment. @defaultValue "kindred" */
  prefix?: string;
  fetch?: typeof globalThis.fetch;
  /** PostgreSQL schema (tests isolate themselves with one). */
  storeSchema?: string;
  /** Listen port override (0 = ephemeral). */
  port?: number;
  /** Set false to build everything without listening (CLI commands that only read). */
  listen?: boolean;
  /** Set false to keep workers from starting (CLI commands). */
  work?: boolean;
  /** Set false to leave the recurring schedules off (tests run tasks by hand with a fake clock). */
  schedules?: boolean;
}

export interface Runtime {
  readonly config: Config;
  readonly services: Services;
  readonly registry: Registration;
  readonly queues: Queues;
  readonly metrics: Metrics;
  readonly store: Store;
  /** Where the HTTP server listens, when this role serves HTTP. */
  readonly url?: string;
  /** Runs one bot's scheduled or one-off task now, in this process (CLI and tests). */
  runTask(bot: string, task: string, data?: Record<string, unknown>): Promise<void>;
  /** Stops taking webhooks, finishes in-flight jobs within the deadline, closes everything in order. */
  close(): Promise<void>;
}

/**
 * Starts Kindred: the store (migrations included), Redis connections, the shared API budget, the
 * Discourse client, and — by role — the HTTP server (webhooks, health, metrics) and the workers and
 * schedules. Split roles need PostgreSQL: the embedded PGlite serves one process.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, role = "all", clock = systemClock, prefix = "kindred", listen = true, work = true, schedules = true } = options;
  const log = options.log ?? createLogger({ level: config.log.level });
  if (role !== "all" && !config.databaseUrl) {
    throw new Error(`[runtime] --role ${role} needs DATABASE_URL: the embedded PGlite store serves only one process`);
  }
  if (!config.discourseUrl || !config.secrets.apiKey) throw new Error("[runtime] DISCOURSE_URL and DISCOURSE_API_KEY are needed to start");
  const metrics = createMetrics();
  const enabled = options.bots.filter((bot) => config.enabledBots.includes(bot.name));
  const registry = createRegistry([...enabled, createRuntimeBot(metrics, () => services.forumHealth())], coreMigrations);
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.store.dataDir, migrations: registry.migrations, schema: options.storeSchema });

  const producer = createRedis(config.redisUrl, "producer");
  const clientRedis = createRedis(config.redisUrl, "client");
  const queues = createQueues({
    connection: producer,
    prefix,
    attempts: config.jobs.attempts,
    backoffMs: config.jobs.backoffMs,
    keepFailed: config.jobs.keepFailed,
    onError: (error) => log.warn({ err: { message: error.message } }, "queue error"),
  });
  const members = createMembers(store);
  const idempotency = createIdempotencyStore(store);
  const { budget, discourse } = createForumClient({
    config,
    redis: clientRedis,
    prefix,
    fetch: options.fetch,
    idempotency,
    logger: log.child({ component: "discourse" }),
    metrics: {
      onAcquire: (lane: Lane, waitedMs: number) => {
        metrics.apiCalls.inc({ lane });
        metrics.apiWait.observe({ lane }, waitedMs / 1000);
      },
      on429: () => metrics.apiRateLimited.inc(),
    },
  });
  const shutdown = new AbortController();
  const services: Services = {
    config,
    log,
    store,
    members,
    kv: createKeyValue(store),
    processed: createProcessedEvents(store),
    idempotency,
    queues,
    clock,
    registry,
    forumUrl: config.discourseUrl,
    client: (username, lane) => discourse.as({ username, lane }),
    forumHealth: () => discourse.health({ signal: AbortSignal.timeout(10_000) }),
    signal: shutdown.signal,
  };
  for (const hook of registry.forgetHooks) members.onForget(hook);
  watchQueues(metrics, queues, budget);

  let workers: Workers | undefined;
  let workerRedis: ReturnType<typeof createRedis> | undefined;
  if (work && role !== "web") {
    for (const hook of registry.workerStartHooks) hook();
    workerRedis = createRedis(config.redisUrl, "worker");
    workers = createWorkers({ services, connection: workerRedis, prefix, concurrency: config.jobs.concurrency, metrics });
    if (schedules) await syncSchedules(queues, registry);
  }

  let server: Server | undefined;
  let url: string | undefined;
  if (listen && role !== "worker") {
    const app = createHttpApp({
      webhooks: createWebhookRouter({
        secrets: config.secrets.webhookSecrets,
        handled: new Set(registry.events),
        queue: queues.events,
        log: log.child({ component: "webhooks" }),
        maxBodyBytes: config.http.maxBodyBytes,
        onOutcome: (outcome, event) => metrics.webhooks.inc({ outcome, event }),
      }),
      readiness: [
        { name: "redis", check: async () => producer.status === "ready" && (await producer.ping()) === "PONG" },
        { name: "store", check: () => store.ping() },
      ],
      metrics: metrics.registry,
      extra: config.admin.enabled ? [createAdminRouter({ services, budget, metrics })] : [],
    });
    const port = options.port ?? config.http.port;
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, config.http.host, (error?: Error) => (error ? reject(error) : resolve(s)));
    });
    const address = server.address();
    const host = config.http.host === "0.0.0.0" ? "127.0.0.1" : config.http.host;
    url = typeof address === "object" && address ? `http://${host}:${address.port}` : undefined;
  }

  let closed = false;
  return {
    config,
    services,
    registry,
    queues,
    metrics,
    store,
    url,
    async runTask(botName, task, data = {}) {
      const entry = registry.tasks.get(taskKey(botName, task));
      if (!entry) throw new Error(`[runtime] no task "${task}" in bot "${botName}"`);
      await entry.handler({ ...createBaseContext(services, entry.bot, { task }), task, data });
    },
    async close() {
      if (closed) return;
      closed = true;
      const deadline = config.jobs.shutdownDeadlineSeconds * 1000;
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      server?.closeAllConnections?.();
      const finished = workers ? withDeadline(workers.close(), deadline) : Promise.resolve();
      await finished;
      shutdown.abort(new Error("[runtime] shutting down"));
      await budget.close();
      await queues.close();
      for (const redis of [producer, clientRedis, workerRedis]) redis?.disconnect();
      await store.close();
    },
  };
}

async function withDeadline(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
