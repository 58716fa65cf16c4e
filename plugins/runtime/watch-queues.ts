import type { ApiBudget } from "../discourse/index.ts";
import { LANES } from "../discourse/lanes.ts";
import type { Queues } from "../jobs/create-queues.ts";
import type { Metrics } from "../metrics/create-metrics.ts";

/** Fills queue-depth and budget gauges just before each Prometheus scrape. */
export function watchQueues(metrics: Metrics, queues: Queues, budget: ApiBudget): void {
  metrics.onScrape(async () => {
    for (const queue of [queues.events, queues.tasks]) {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
      for (const [state, count] of Object.entries(counts)) metrics.queueDepth.set({ queue: queue.name, state }, count);
    }
  });
  metrics.onScrape(async () => {
    const snapshot = await budget.snapshot();
    metrics.apiBudgetUsed.set(snapshot.usedInWindow);
    for (const lane of LANES) metrics.apiBudgetWaiting.set({ lane }, snapshot.waitingByLane[lane] ?? 0);
  });
}
