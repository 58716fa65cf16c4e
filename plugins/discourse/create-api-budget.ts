import { randomUUID } from "node:crypto";
import type { ApiBudget, ApiBudgetOptions, ApiBudgetSnapshot } from "./api-budget-types.ts";
import {
  ATTEMPT_SCRIPT,
  budgetKeys,
  HEARTBEAT_SCRIPT,
  LEAVE_SCRIPT,
  PENALIZE_SCRIPT,
  SNAPSHOT_SCRIPT,
} from "./budget/budget-scripts.ts";
import { LocalWaiterQueue, type LocalWaiter } from "./budget/local-waiter-queue.ts";
import { bindScript } from "./budget/run-script.ts";
import { type Lane, LANE_PRIORITY, LANES } from "./lanes.ts";

export type { ApiBudget, ApiBudgetMetrics, ApiBudgetOptions, ApiBudgetSnapshot } from "./api-budget-types.ts";

/** The head of a blocked queue re-checks at least this often (a pause may end, a reserve may free up). */
const MAX_HEAD_SLEEP_MS = 1_000;

/**
 * Creates the shared admin-API budget (issue #2, "The API budget").
 *
 * Design: Redis holds one sliding-window log of grants and one queue with a single entry per process
 * (that process's most urgent waiter), scored by priority then arrival. A Lua script grants atomically
 * and only to the process at the head of that queue, so a crisis call waiting anywhere goes out next even
 * while hundreds of digest calls wait elsewhere. Inside a process, waiters sit in a local priority queue
 * and only its head polls Redis. Processes heartbeat while they wait; one that stops (crash, hang) loses
 * its place after `heartbeatTtlMs`, so it cannot block the others.
 *
 * @example
 * const budget = createApiBudget({ redis, prefix: "kindred" });
 * await budget.acquire("crisis", signal);
 */
export function createApiBudget(options: ApiBudgetOptions): ApiBudget {
  const {
    redis,
    prefix,
    perWindow = 55,
    windowMs = 60_000,
    crisisReserve = 10,
    metrics,
    heartbeatTtlMs = 5_000,
    pollMs = 50,
  } = options;
  if (!(perWindow > 0) || !(windowMs > 0)) throw new Error("[discourse-budget] perWindow and windowMs must be positive");
  if (crisisReserve < 0 || crisisReserve >= perWindow) {
    throw new Error("[discourse-budget] crisisReserve must be at least 0 and below perWindow");
  }

  const keys = budgetKeys(prefix);
  const attempt = bindScript(redis, ATTEMPT_SCRIPT, keys);
  const heartbeat = bindScript(redis, HEARTBEAT_SCRIPT, keys);
  const leave = bindScript(redis, LEAVE_SCRIPT, keys);
  const penalizeScript = bindScript(redis, PENALIZE_SCRIPT, keys);
  const snapshotScript = bindScript(redis, SNAPSHOT_SCRIPT, keys);

  const pid = randomUUID();
  const queue = new LocalWaiterQueue();
  let arrivals = 0;
  let grants = 0;
  let closed = false;
  let pumping = false;
  let wake: (() => void) | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;

  const limitFor = (lane: Lane): number => (lane === "crisis" ? perWindow : perWindow - crisisReserve);
  const counts = (): string => JSON.stringify(queue.countsByLane());

  function startHeartbeat(): void {
    if (heartbeatTimer) return;
    heartbeatTimer = setInterval(() => {
      heartbeat(pid, heartbeatTtlMs, counts()).catch(() => {
        // The pump notices a broken Redis on its next attempt and fails the waiters there.
      });
    }, Math.max(10, Math.floor(heartbeatTtlMs / 3)));
    heartbeatTimer.unref();
  }

  function stopHeartbeat(): void {
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = undefined;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  function failAll(reason: unknown): void {
    for (const waiter of queue.drain()) {
      waiter.cleanup();
      waiter.reject(reason);
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && queue.size > 0) {
        const head = queue.peek()!;
        const next = queue.second();
        let result: [number, number];
        try {
          result = (await attempt(
            pid,
            head.priority,
            limitFor(head.lane),
            windowMs,
            heartbeatTtlMs,
            `${pid}:${grants++}`,
            next ? next.priority : -1,
            counts(),
          )) as [number, number];
        } catch (error) {
          failAll(new Error("[discourse-budget] Redis failed while waiting for the API budget", { cause: error }));
          break;
        }
        const [granted, waitMs] = result;
        if (granted === 1) {
          // If the head was aborted meanwhile, the slot belongs to this process: give it to the new head.
          const winner = queue.peek();
          if (!winner) break;
          queue.remove(winner);
          winner.cleanup();
          metrics?.onAcquire?.(winner.lane, Date.now() - winner.enqueuedAt);
          winner.resolve();
          continue;
        }
        await sleep(waitMs < 0 ? pollMs : Math.min(Math.max(waitMs, 1), MAX_HEAD_SLEEP_MS));
      }
    } finally {
      pumping = false;
      if (queue.size === 0) {
        stopHeartbeat();
        await leave(pid).catch(() => undefined);
        // A waiter may have arrived while we were leaving.
        if (queue.size > 0 && !closed) void pump();
      }
    }
  }

  function acquire(lane: Lane, signal?: AbortSignal): Promise<void> {
    if (closed) return Promise.reject(new Error("[discourse-budget] the API budget is closed"));
    if (LANE_PRIORITY[lane] === undefined) return Promise.reject(new Error(`[discourse-budget] unknown lane "${lane}"`));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const wasHead = queue.remove(waiter);
        waiter.cleanup();
        reject(signal?.reason);
        if (wasHead) wake?.();
      };
      const waiter: LocalWaiter = {
        lane,
        priority: LANE_PRIORITY[lane],
        seq: arrivals++,
        enqueuedAt: Date.now(),
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener("abort", onAbort),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const isHead = queue.insert(waiter);
      startHeartbeat();
      // A more urgent local call must take over this process's place in Redis at once.
      if (isHead) wake?.();
      void pump();
    });
  }

  async function penalize(retryAfterMs: number): Promise<void> {
    metrics?.on429?.();
    await penalizeScript(Math.max(1, Math.ceil(retryAfterMs)), windowMs);
    wake?.();
  }

  async function snapshot(): Promise<ApiBudgetSnapshot> {
    const raw = (await snapshotScript(windowMs)) as (string | number)[];
    const waitingByLane = Object.fromEntries(LANES.map((l) => [l, 0])) as Record<Lane, number>;
    const add = (byLane: Partial<Record<Lane, number>>): void => {
      for (const lane of LANES) waitingByLane[lane] += byLane[lane] ?? 0;
    };
    add(queue.countsByLane()); // our own counts are fresher than what we last wrote to Redis
    for (let i = 2; i < raw.length; i += 2) {
      if (raw[i] !== pid) add(JSON.parse(String(raw[i + 1])) as Partial<Record<Lane, number>>);
    }
    const pausedUntil = Number(raw[1]);
    return { usedInWindow: Number(raw[0]), limit: perWindow, waitingByLane, pausedUntil: pausedUntil > 0 ? pausedUntil : null };
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    stopHeartbeat();
    failAll(new Error("[discourse-budget] the API budget was closed while a call was waiting"));
    wake?.();
    await leave(pid);
  }

  return { acquire, penalize, snapshot, close };
}
