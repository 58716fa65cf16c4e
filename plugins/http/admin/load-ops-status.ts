import type { ApiBudget } from "../../discourse/index.ts";
import { LANES, type Lane } from "../../discourse/lanes.ts";
import type { Queues } from "../../jobs/create-queues.ts";
import type { Metrics } from "../../metrics/create-metrics.ts";

export interface BudgetStatus {
  usedInWindow: number;
  limit: number;
  crisisReserve: number;
  pausedUntil: Date | null;
  lanes: Array<{ lane: Lane; waiting: number; callsSinceStart: number }>;
}

export interface QueueStatus {
  queues: Array<{ name: string; counts: Record<string, number> }>;
  /** Ids and errors only: a failed job's data is never shown (it may carry post text). */
  failed: Array<{ queue: string; id: string; name: string; attempts: number; failedAt: Date | null; error: string }>;
}

/** The shared API budget now, and this process's calls per lane since it started. */
export async function loadBudgetStatus(budget: ApiBudget, metrics: Metrics, crisisReserve: number): Promise<BudgetStatus> {
  const snapshot = await budget.snapshot();
  const calls = new Map<string, number>();
  for (const v of (await metrics.apiCalls.get()).values) calls.set(String(v.labels.lane), v.value);
  return {
    usedInWindow: snapshot.usedInWindow,
    limit: snapshot.limit,
    crisisReserve,
    pausedUntil: snapshot.pausedUntil ? new Date(snapshot.pausedUntil) : null,
    lanes: LANES.map((lane) => ({ lane, waiting: snapshot.waitingByLane[lane] ?? 0, callsSinceStart: calls.get(lane) ?? 0 })),
  };
}

/** Queue depths and the newest failed jobs. */
export async function loadQueueStatus(queues: Queues, maxFailed = 25): Promise<QueueStatus> {
  const result: QueueStatus = { queues: [], failed: [] };
  for (const queue of [queues.events, queues.tasks]) {
    result.queues.push({ name: queue.name, counts: await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "failed") });
    for (const job of await queue.getFailed(0, maxFailed - 1)) {
      result.failed.push({
        queue: queue.name,
        id: String(job.id),
        name: job.name,
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        error: (job.failedReason ?? "").split("\n")[0].slice(0, 300),
      });
    }
  }
  return result;
}
