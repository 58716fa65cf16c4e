import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { coreMigrations, createIdempotencyStore, createKeyValue, createMembers, createProcessedEvents, createStore, type Store } from "../../../plugins/store/index.ts";

const kinds = [
  { name: "PGlite", options: { dataDir: "memory://" } },
  ...(process.env.DATABASE_URL ? [{ name: "PostgreSQL", options: { databaseUrl: process.env.DATABASE_URL, schema: `store_${randomUUID().slice(0, 8)}` } }] : []),
];

describe.each(kinds)("the store on $name", ({ options }) => {
  let store: Store | undefined;
  afterEach(async () => {
    if (store?.kind === "postgres") await store.db.schema.dropSchema((options as { schema: string }).schema).ifExists().cascade().execute();
    await store?.close();
    store = undefined;
  });
  const open = async () => {
    store = await createStore({ ...options, migrations: coreMigrations });
    return store;
  };

  it("should run the migrations once and answer its readiness probe", async () => {
    const s = await open();
    expect(await s.ping()).toBe(true);
    await s.close();
    store = await createStore({ ...options, migrations: coreMigrations });
    expect(await store.ping()).toBe(true);
  });

  it("should forget a member everywhere: member-linked rows cascade and forget hooks run", async () => {
    const s = await open();
    const members = createMembers(s);
    const forgotten: number[] = [];
    members.onForget(async (userId) => {
      forgotten.push(userId);
    });
    await members.ensure(42, "riley");
    await s.db.insertInto("pm_threads").values({ topic_id: 900, bot: "onboarding", user_id: 42, kind: "welcome" }).execute();
    await members.forget(42);
    expect(await members.get(42)).toBeUndefined();
    expect(await s.db.selectFrom("pm_threads").selectAll().execute()).toEqual([]);
    expect(forgotten).toEqual([42]);
  });

  it("should honour stop, stop all, resume and the quiet flag", async () => {
    const s = await open();
    const members = createMembers(s);
    const now = new Date("2026-03-01T10:00:00Z");
    await members.ensure(7, "casey");
    await members.stop(7, "weekly-digest");
    expect(await members.maySend(7, "weekly-digest", now)).toBe(false);
    expect(await members.maySend(7, "peer-groups", now)).toBe(true);
    await members.setQuietUntil(7, new Date("2026-03-10T00:00:00Z"));
    expect(await members.maySend(7, "peer-groups", now)).toBe(false);
    expect(await members.maySend(7, "peer-groups", new Date("2026-03-11T00:00:00Z"))).toBe(true);
    await members.stop(7, "all");
    expect(await members.maySend(7, "peer-groups", new Date("2026-03-11T00:00:00Z"))).toBe(false);
    await members.resume(7, "all");
    expect(await members.maySend(7, "weekly-digest", new Date("2026-03-11T00:00:00Z"))).toBe(true);
  });

  it("should keep idempotency keys, processed events and claims exactly once", async () => {
    const s = await open();
    const idem = createIdempotencyStore(s);
    await idem.put("discourse:pm:welcome-1", { id: 5, topic_id: 9 });
    await idem.put("discourse:pm:welcome-1", { id: 6, topic_id: 10 });
    expect(await idem.get("discourse:pm:welcome-1")).toEqual({ id: 5, topic_id: 9 });
    const processed = createProcessedEvents(s);
    await processed.mark("post_created-post-1-v1", "crisis-watch");
    await processed.mark("post_created-post-1-v1", "crisis-watch");
    expect(await processed.has("post_created-post-1-v1", "crisis-watch")).toBe(true);
    expect(await processed.has("post_created-post-1-v1", "onboarding")).toBe(false);
    expect(await processed.prune(new Date(Date.now() + 1000))).toBe(1);
    const kv = createKeyValue(s);
    const claims = await Promise.all([kv.claim("digest-2026-W10-7", 1), kv.claim("digest-2026-W10-7", 2)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
