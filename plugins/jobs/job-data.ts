import type { EventName } from "../webhooks/event-map.ts";

/** A webhook event waiting for the bots. Only ids remain once it has failed for good. */
export interface EventJobData {
  name: EventName;
  deliveredAs: string;
  key: string;
  receivedAt: number;
  /** The scrubbed payload; removed when the job fails for good (no post text kept in the failed list). */
  payload?: unknown;
  /** Ids to fetch the object again with when a stripped job is retried by hand. */
  ref: { type: string; id?: number; topicId?: number; postNumber?: number; username?: string };
  /** Set when the payload was removed after a permanent failure. */
  stripped?: boolean;
  /** True for events pushed by `kindred events replay` or the catch-up job. */
  replay?: boolean;
}

/** A bot's own job (scheduled or one-off). */
export interface TaskJobData {
  bot: string;
  task: string;
  data: Record<string, unknown>;
}

export const EVENTS_QUEUE = "events";
export const TASKS_QUEUE = "tasks";
