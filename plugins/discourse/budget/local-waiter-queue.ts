import type { Lane } from "../lanes.ts";

/** One `acquire` call waiting in this process. */
export interface LocalWaiter {
  readonly lane: Lane;
  readonly priority: number;
  /** Arrival order inside this process: FIFO within a priority. */
  readonly seq: number;
  readonly enqueuedAt: number;
  resolve(): void;
  reject(reason: unknown): void;
  /** Detaches the abort listener once the waiter is settled. */
  cleanup(): void;
}

/**
 * This process's waiters, ordered by priority then arrival. Only its head talks to Redis, so 500
 * waiting digest calls cost one poller, not 500 (issue #2, "The API budget").
 */
export class LocalWaiterQueue {
  readonly #items: LocalWaiter[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** The waiter served next, if any. */
  peek(): LocalWaiter | undefined {
    return this.#items[0];
  }

  /** The waiter after the head: its priority is registered in Redis when the head is granted. */
  second(): LocalWaiter | undefined {
    return this.#items[1];
  }

  /** Inserts in order; returns true when the newcomer became the head. */
  insert(waiter: LocalWaiter): boolean {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.#items[mid];
      if (other.priority < waiter.priority || (other.priority === waiter.priority && other.seq < waiter.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.#items.splice(lo, 0, waiter);
    return lo === 0;
  }

  /** Removes a waiter; returns true when it was the head. */
  remove(waiter: LocalWaiter): boolean {
    const index = this.#items.indexOf(waiter);
    if (index >= 0) this.#items.splice(index, 1);
    return index === 0;
  }

  /** Removes and returns every waiter (on close or a Redis failure). */
  drain(): LocalWaiter[] {
    return this.#items.splice(0, this.#items.length);
  }

  /** Waiting calls per lane, for snapshots and the per-lane waiting gauge. */
  countsByLane(): Partial<Record<Lane, number>> {
    const counts: Partial<Record<Lane, number>> = {};
    for (const w of this.#items) counts[w.lane] = (counts[w.lane] ?? 0) + 1;
    return counts;
  }
}
