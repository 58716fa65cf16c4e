import type { Config } from "../../config/index.ts";
import type { Lane } from "../discourse/lanes.ts";
import type { Queues } from "../jobs/create-queues.ts";
import type { Logger } from "../log/create-logger.ts";
import type { IdempotencyStore, KeyValue, Members, ProcessedEvents, Store } from "../store/index.ts";
import type { Clock } from "./clock.ts";
import type { Registration } from "./create-registry.ts";
import type { ForumClient } from "./forum-client.ts";

/** Everything a worker needs to run bots, built once per process by the runtime. */
export interface Services {
  readonly config: Config;
  readonly log: Logger;
  readonly store: Store;
  readonly members: Members;
  readonly kv: KeyValue;
  readonly processed: ProcessedEvents;
  readonly idempotency: IdempotencyStore;
  readonly queues: Queues;
  readonly clock: Clock;
  readonly registry: Registration;
  readonly forumUrl: string;
  /** A budgeted client acting as `username` on `lane`. */
  client(username: string, lane: Lane): ForumClient;
  /** One cheap call telling whether the forum answers (metrics and CLI only, never readiness). */
  forumHealth(): Promise<{ ok: boolean }>;
  readonly signal: AbortSignal;
}

/** The lower-cased usernames of every bot account (events they cause are dropped). */
export function botUsernames(config: Config): ReadonlySet<string> {
  return new Set(Object.values(config.accounts).map((name) => name.toLowerCase()));
}
