import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { BotError } from "../app/bot-error.ts";
import { createBaseContext } from "../app/create-context.ts";
import { runEvent } from "../app/run-event.ts";
import type { Services } from "../app/services.ts";
import type { Metrics } from "../metrics/create-metrics.ts";
import { EVENTS_QUEUE, type EventJobData, TASKS_QUEUE, type TaskJobData } from "./job-data.ts";
import { rehydrateEvent } from "./rehydrate-event.ts";

export interface Workers {
  close(): Promise<void>;
}

export interface CreateWorkersOptions {
  services: Services;
  connection: Redis;
  prefix: string;
  concurrency: number;
  metrics?: Metrics;
}

/** The event and task workers of the worker role. */
export function createWorkers(options: CreateWorkersOptions): Workers {
  const { services, connection, prefix, concurrency, metrics } = options;
  const onError = (error: Error) => services.log.error({ err: error }, "worker error");

  const events = new Worker<EventJobData>(
    EVENTS_QUEUE,
    async (job) =>
      stripOnFinalFailure(job, async () => {
        const payload = job.data.payload ?? (await rehydrateEvent(services, job.data));
        await runEvent(services, { ...job.data, payload }, {
          onHandler: (bot, outcome) => metrics?.jobs.inc({ bot, kind: "event", outcome }),
        });
      }),
    { connection, prefix, concurrency, autorun: true },
  );

  const tasks = new Worker<TaskJobData>(
    TASKS_QUEUE,
    async (job) => {
      const entry = services.registry.tasks.get(job.name);
      if (!entry) throw new UnrecoverableError(`[jobs] no task "${job.name}" is registered in this version`);
      const base = createBaseContext(services, entry.bot, { task: job.data.task, job: job.id });
      try {
        await entry.handler({ ...base, task: job.data.task, data: job.data.data ?? {} });
        metrics?.jobs.inc({ bot: entry.bot.name, kind: "task", outcome: "ok" });
      } catch (error) {
        metrics?.jobs.inc({ bot: entry.bot.name, kind: "task", outcome: "error" });
        throw new BotError(entry.bot.name, job.data.task, error);
      }
    },
    { connection, prefix, concurrency },
  );

  events.on("error", onError);
  tasks.on("error", onError);
  for (const worker of [events, tasks]) {
    worker.on("failed", (job, error) => {
      services.log.warn({ queue: worker.name, job: job?.id, attempts: job?.attemptsMade, err: { message: error.message } }, "job failed");
    });
  }
  return {
    async close() {
      await Promise.allSettled([events.close(), tasks.close()]);
    },
  };
}

/**
 * Failed jobs keep ids and the error, never the body (issue #2): on the last attempt, or on a
 * permanent error, the payload is removed before the failure is recorded.
 */
async function stripOnFinalFailure(job: Job<EventJobData>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (final && job.data.payload !== undefined) await job.updateData({ ...job.data, payload: undefined, stripped: true });
    throw error;
  }
}
