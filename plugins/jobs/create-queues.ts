import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { EVENTS_QUEUE, type EventJobData, TASKS_QUEUE, type TaskJobData } from "./job-data.ts";

export interface Queues {
  events: Queue<EventJobData>;
  tasks: Queue<TaskJobData>;
  close(): Promise<void>;
}

export interface CreateQueuesOptions {
  connection: Redis;
  /** Redis key prefix; tests use a unique one each. @defaultValue "kindred" */
  prefix?: string;
  attempts: number;
  backoffMs: number;
  keepFailed: number;
  onError?: (error: Error) => void;
}

/**
 * The two queues: webhook events, and the bots' own tasks. Completed jobs are removed at once, so no
 * post text outlives its job; failed ones are kept (ids and error only) for `kindred jobs failed`.
 */
export function createQueues(options: CreateQueuesOptions): Queues {
  const { connection, prefix = "kindred", attempts, backoffMs, keepFailed, onError = () => {} } = options;
  const defaultJobOptions = {
    attempts,
    backoff: { type: "exponential", delay: backoffMs, jitter: 0.5 },
    removeOnComplete: true,
    removeOnFail: { count: keepFailed },
  };
  const events = new Queue<EventJobData>(EVENTS_QUEUE, { connection, prefix, defaultJobOptions });
  const tasks = new Queue<TaskJobData>(TASKS_QUEUE, { connection, prefix, defaultJobOptions });
  events.on("error", onError);
  tasks.on("error", onError);
  return {
    events,
    tasks,
    async close() {
      await Promise.allSettled([events.close(), tasks.close()]);
    },
  };
}
