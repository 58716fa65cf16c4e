/**
 * A sliding-window limiter with the semantics of Discourse's `RateLimiter` (lib/rate_limiter.rb):
 * it remembers the timestamps of the last `max` performed actions; a new action is allowed when
 * the oldest of those is at least `windowMs` old, and the wait is what remains of that window.
 * (Discourse keeps the list in Redis; one process needs only an array.)
 */
export interface RateLimiter {
  /** Records an action, or returns the seconds to wait (rounded up, at least 1) when over the limit. */
  tryPerform(): { ok: true } | { ok: false; waitSeconds: number };
  /** Forgets all recorded actions. */
  clear(): void;
}

/** Creates a limiter of `max` actions per `windowMs`, reading time from `nowMs`. */
export function createRateLimiter(max: number, windowMs: number, nowMs: () => number): RateLimiter {
  const stamps: number[] = [];
  return {
    tryPerform() {
      const now = nowMs();
      // Only the last `max` timestamps matter, as Discourse's LTRIM keeps.
      while (stamps.length > max) stamps.shift();
      if (stamps.length >= max) {
        const oldest = stamps[stamps.length - max];
        const age = now - oldest;
        if (age < windowMs) return { ok: false, waitSeconds: Math.max(1, Math.ceil((windowMs - age) / 1000)) };
      }
      stamps.push(now);
      return { ok: true };
    },
    clear() {
      stamps.length = 0;
    },
  };
}
