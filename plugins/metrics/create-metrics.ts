import { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  readonly registry: Registry;
  readonly webhooks: Counter<"outcome" | "event">;
  readonly jobs: Counter<"bot" | "kind" | "outcome">;
  readonly apiCalls: Counter<"lane">;
  readonly apiWait: Histogram<"lane">;
  readonly apiRateLimited: Counter;
  readonly apiBudgetUsed: Gauge;
  readonly apiBudgetWaiting: Gauge<"lane">;
  readonly queueDepth: Gauge<"queue" | "state">;
  readonly forumUp: Gauge;
  /** Registers a refresh that runs before every scrape (queue depths, budget snapshot). */
  onScrape(refresh: () => Promise<void>): void;
}

/** Kindred's Prometheus metrics (issue #2, `GET /metrics`), one registry per process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const refreshers: Array<() => Promise<void>> = [];
  const metrics: Metrics = {
    registry,
    webhooks: new Counter({ name: "kindred_webhooks_total", help: "Webhook deliveries by outcome", labelNames: ["outcome", "event"], registers: [registry] }),
    jobs: new Counter({ name: "kindred_jobs_total", help: "Bot handler runs by bot and outcome", labelNames: ["bot", "kind", "outcome"], registers: [registry] }),
    apiCalls: new Counter({ name: "kindred_api_calls_total", help: "Discourse API calls by budget lane", labelNames: ["lane"], registers: [registry] }),
    apiWait: new Histogram({
      name: "kindred_api_budget_wait_seconds",
      help: "Time calls waited for the shared API budget",
      labelNames: ["lane"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 15, 30, 60],
      registers: [registry],
    }),
    apiRateLimited: new Counter({ name: "kindred_api_429_total", help: "429 answers from Discourse", registers: [registry] }),
    apiBudgetUsed: new Gauge({ name: "kindred_api_budget_used", help: "Calls spent in the current budget window", registers: [registry] }),
    apiBudgetWaiting: new Gauge({ name: "kindred_api_budget_waiting", help: "Calls waiting for the budget by lane", labelNames: ["lane"], registers: [registry] }),
    queueDepth: new Gauge({ name: "kindred_queue_depth", help: "Jobs by queue and state", labelNames: ["queue", "state"], registers: [registry] }),
    forumUp: new Gauge({ name: "kindred_forum_up", help: "1 when the forum answered its last health check", registers: [registry] }),
    onScrape: (refresh) => refreshers.push(refresh),
  };
  const originalMetrics = registry.metrics.bind(registry);
  registry.metrics = async () => {
    await Promise.allSettled(refreshers.map((refresh) => refresh()));
    return originalMetrics();
  };
  return metrics;
}
