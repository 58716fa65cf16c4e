import type { Redis } from "ioredis";
import type { Lane } from "./lanes.ts";

/** Optional hooks the lead wires to prom-client; the budget itself has no metrics dependency. */
export interface ApiBudgetMetrics {
  /** A call on `lane` was let through after waiting `waitedMs` in the queue. */
  onAcquire?(lane: Lane, waitedMs: number): void;
  /** Discourse answered 429 and the shared budget was paused. */
  on429?(): void;
}

/** Options of {@link createApiBudget}. */
export interface ApiBudgetOptions {
  /** Connection shared with the rest of the process; the budget never closes it. */
  redis: Redis;
  /** Key prefix, e.g. the deployment's queue prefix; every process of one deployment must use the same. */
  prefix: string;
  /**
   * Calls allowed per sliding window, all processes together. Discourse allows 60 admin-API requests a
   * minute for the whole site; 55 leaves room for a human admin's key.
   * @defaultValue 55
   */
  perWindow?: number;
  /** @defaultValue 60_000 */
  windowMs?: number;
  /**
   * Calls per window only the crisis lane may spend: other lanes stop at `perWindow - crisisReserve`.
   * @defaultValue 10
   */
  crisisReserve?: number;
  metrics?: ApiBudgetMetrics;
  /**
   * How long a process may go silent before its place in the queue is dropped (crash protection).
   * It refreshes at a third of this.
   * @defaultValue 5_000
   */
  heartbeatTtlMs?: number;
  /**
   * How often a process that is not at the head of the shared queue asks again.
   * @defaultValue 50
   */
  pollMs?: number;
}

/** What {@link ApiBudget.snapshot} reports (for metrics, `/readyz` details and the CLI). */
export interface ApiBudgetSnapshot {
  /** Grants in the current sliding window, all processes together. */
  usedInWindow: number;
  /** `perWindow`. */
  limit: number;
  /** Calls waiting right now per lane, all live processes together. */
  waitingByLane: Record<Lane, number>;
  /** Epoch ms (Redis clock) until which a 429 paused everyone, or null. */
  pausedUntil: number | null;
}

/** One Redis-backed admin-API budget shared by every Kindred process (issue #2, "The API budget"). */
export interface ApiBudget {
  /**
   * Resolves when a call on `lane` may go out now. Crisis first, then onboarding and groups, then
   * digest, then maintenance; FIFO within a priority. Rejects with `signal.reason` when aborted.
   */
  acquire(lane: Lane, signal?: AbortSignal): Promise<void>;
  /** Discourse said 429: nobody in any process calls for `retryAfterMs`, then half speed for a window. */
  penalize(retryAfterMs: number): Promise<void>;
  snapshot(): Promise<ApiBudgetSnapshot>;
  /** Rejects this process's waiters and leaves the shared queue. Does not close `redis`. */
  close(): Promise<void>;
}
