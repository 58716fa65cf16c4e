import express, { type Express, type Router } from "express";
import type { Registry } from "prom-client";

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export interface CreateHttpAppOptions {
  /** The webhook receiver (absent in a worker-only process). */
  webhooks?: Router;
  /** What taking webhooks needs: Redis and the store. The forum's health is never one of these. */
  readiness: readonly ReadinessCheck[];
  metrics: Registry;
  /** More routes (the admin page). */
  extra?: readonly Router[];
}

/**
 * Kindred's one express app: `POST /webhooks/discourse`, `GET /healthz` (the process is up),
 * `GET /readyz` (Redis and the store answer), `GET /metrics` (Prometheus).
 */
export function createHttpApp(options: CreateHttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const results = await Promise.all(
      options.readiness.map(async ({ name, check }) => [name, await withDeadline(check(), 2000).catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks: Object.fromEntries(results) });
  });
  app.get("/metrics", async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.metrics());
  });
  if (options.webhooks) app.use(options.webhooks);
  for (const router of options.extra ?? []) app.use(router);
  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  return app;
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
