import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ApiBudget, type ApiBudgetOptions, createApiBudget } from "../../../plugins/discourse/create-api-budget.ts";
import type { Lane } from "../../../plugins/discourse/lanes.ts";
import { connect, deleteKeys, testPrefix } from "./redis-helpers.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createApiBudget", () => {
  let prefix: string;
  let connections: Redis[];
  let budgets: ApiBudget[];

  /** A budget on its own Redis connection: a stand-in for another Kindred process. */
  function processBudget(options: Omit<ApiBudgetOptions, "redis" | "prefix">): { budget: ApiBudget; redis: Redis } {
    const redis = connect();
    connections.push(redis);
    const budget = createApiBudget({ redis, prefix, heartbeatTtlMs: 600, ...options });
    budgets.push(budget);
    return { budget, redis };
  }

  /** Starts `count` acquires and records when each was granted. */
  function fire(budget: ApiBudget, lane: Lane, count: number, grants: { lane: Lane; at: number }[]) {
    return Array.from({ length: count }, () =>
      budget.acquire(lane).then(
        () => void grants.push({ lane, at: Date.now() }),
        () => undefined, // closed at the end of the test
      ),
    );
  }

  beforeEach(() => {
    prefix = testPrefix();
    connections = [];
    budgets = [];
  });

  afterEach(async () => {
    for (const b of budgets) await b.close().catch(() => undefined);
    const cleaner = connect();
    await deleteKeys(cleaner, prefix);
    cleaner.disconnect();
    for (const c of connections) c.disconnect();
  });

  it("should never grant more than perWindow per sliding window across two processes", async () => {
    const options = { perWindow: 6, windowMs: 1000, crisisReserve: 2 };
    const a = processBudget(options).budget;
    const b = processBudget(options).budget;
    const grants: { lane: Lane; at: number }[] = [];
    const started = Date.now();
    await Promise.all([...fire(a, "crisis", 9, grants), ...fire(b, "crisis", 9, grants)]);
    const times = grants.map((g) => g.at).sort((x, y) => x - y);
    expect(times).toHaveLength(18);
    // Any 7 consecutive grants span at least one window (25 ms allowed for client-side timing jitter).
    for (let i = 0; i + 6 < times.length; i++) expect(times[i + 6] - times[i]).toBeGreaterThanOrEqual(975);
    expect(times.filter((t) => t - started < 900)).toHaveLength(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1950);
  });

  it("should keep the reserve for the crisis lane only", async () => {
    const options = { perWindow: 5, windowMs: 3000, crisisReserve: 2 };
    const a = processBudget(options).budget;
    const b = processBudget(options).budget;
    const grants: { lane: Lane; at: number }[] = [];
    fire(a, "digest", 4, grants);
    fire(a, "onboarding", 1, grants);
    await sleep(300);
    // perWindow - crisisReserve = 3 for everyone but crisis; onboarding outranks digest, so it is among them.
    expect(grants.map((g) => g.lane).sort()).toEqual(["digest", "digest", "onboarding"]);
    expect((await a.snapshot()).usedInWindow).toBe(3);

    const before = Date.now();
    await b.acquire("crisis");
    await b.acquire("crisis");
    expect(Date.now() - before).toBeLessThan(500);
    const snap = await b.snapshot();
    expect(snap).toMatchObject({ usedInWindow: 5, limit: 5, pausedUntil: null });
    expect(snap.waitingByLane).toMatchObject({ digest: 2, onboarding: 0, crisis: 0 });

    // The window is now full for everyone, crisis included.
    let third = false;
    void b.acquire("crisis").then(
      () => {
        third = true;
      },
      () => undefined, // rejected when the test closes the budget
    );
    await sleep(300);
    expect(third).toBe(false);
    expect(grants).toHaveLength(3);
  });

  it("should grant a crisis call next even with 500 digest calls waiting in two other processes", async () => {
    const options = { perWindow: 3, windowMs: 1500, crisisReserve: 1 };
    const { budget: a, redis: redisA } = processBudget(options);
    const b = processBudget(options).budget;
    const c = processBudget(options).budget;
    for (let i = 0; i < 3; i++) await a.acquire("crisis"); // the window is full
    let scriptCalls = 0;
    const evalsha = redisA.evalsha.bind(redisA);
    redisA.evalsha = ((...args: Parameters<typeof evalsha>) => {
      scriptCalls++;
      return evalsha(...args);
    }) as typeof redisA.evalsha;
    const grants: { lane: Lane; at: number }[] = [];
    fire(a, "digest", 250, grants);
    fire(b, "digest", 250, grants);
    await sleep(400); // heartbeats carry each process's waiting counts to Redis
    expect((await c.snapshot()).waitingByLane.digest).toBe(500);
    // Only the local head polls: a handful of script calls in 400 ms, not one per waiter.
    expect(scriptCalls).toBeLessThan(40);

    const crisis = c.acquire("crisis").then(() => grants.push({ lane: "crisis", at: Date.now() }));
    await crisis;
    await sleep(100);
    expect(grants[0].lane).toBe("crisis");
    // …and the digest calls carry on behind it once the window allows.
    await sleep(1600);
    expect(grants.length).toBeGreaterThanOrEqual(3);
    expect(grants.slice(1).every((g) => g.lane === "digest")).toBe(true);
  });

  it("should not let a crashed process block the queue once its heartbeat lapses", async () => {
    const options = { perWindow: 2, windowMs: 500, crisisReserve: 0, heartbeatTtlMs: 1500 };
    const crashing = processBudget(options);
    const survivor = processBudget(options).budget;
    await crashing.budget.acquire("crisis");
    await crashing.budget.acquire("crisis");
    const lost = crashing.budget.acquire("crisis").catch((error: unknown) => error);
    await sleep(50); // its crisis waiter now heads the shared queue
    crashing.redis.disconnect(); // the process "dies": no heartbeat, no goodbye
    const crashedAt = Date.now();

    await survivor.acquire("digest");
    const waited = Date.now() - crashedAt;
    // Blocked until the dead process's place expired (≥ 2/3 of the TTL after its last heartbeat).
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(4000);
    expect(await lost).toBeInstanceOf(Error);
  });

  it("should pause every process after a 429 and then run at half speed for a window", async () => {
    const options = { perWindow: 4, windowMs: 1000, crisisReserve: 1 };
    const a = processBudget(options).budget;
    const b = processBudget(options).budget;
    let on429 = 0;
    const c = processBudget({ ...options, metrics: { on429: () => void on429++ } }).budget;
    await c.penalize(800);
    expect(on429).toBe(1);
    const snap = await a.snapshot();
    expect(snap.pausedUntil).not.toBeNull();

    const started = Date.now();
    const grants: { lane: Lane; at: number }[] = [];
    fire(a, "crisis", 2, grants);
    fire(b, "crisis", 2, grants);
    await sleep(500);
    expect(grants).toHaveLength(0);
    await sleep(700);
    // After the pause only half of perWindow goes out in the next window.
    expect(grants).toHaveLength(2);
    expect(Math.min(...grants.map((g) => g.at)) - started).toBeGreaterThanOrEqual(750);
  });

  it("should reject an aborted waiter with its reason and stop counting it", async () => {
    const { budget } = processBudget({ perWindow: 1, windowMs: 5000, crisisReserve: 0 });
    await budget.acquire("digest");
    const controller = new AbortController();
    const waiting = budget.acquire("digest", controller.signal);
    await sleep(50);
    expect((await budget.snapshot()).waitingByLane.digest).toBe(1);
    controller.abort(new Error("job cancelled"));
    await expect(waiting).rejects.toThrow("job cancelled");
    expect((await budget.snapshot()).waitingByLane.digest).toBe(0);
  });

  it("should report each grant's lane and wait to the metrics hook", async () => {
    const seen: [Lane, number][] = [];
    const { budget } = processBudget({
      perWindow: 2,
      windowMs: 400,
      crisisReserve: 0,
      metrics: { onAcquire: (lane, waitedMs) => void seen.push([lane, waitedMs]) },
    });
    await Promise.all([budget.acquire("groups"), budget.acquire("groups"), budget.acquire("maintenance")]);
    expect(seen.map(([lane]) => lane)).toEqual(["groups", "groups", "maintenance"]);
    expect(seen[2][1]).toBeGreaterThanOrEqual(350);
  });

  it("should refuse options that leave no room for other lanes", () => {
    const redis = connect();
    connections.push(redis);
    expect(() => createApiBudget({ redis, prefix, perWindow: 5, crisisReserve: 5 })).toThrow(/crisisReserve/);
  });
});
