import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDelivery, finishDelivery, queueDeliveries, releaseDelivery, requeueStale } from "../../../bots/weekly-digest/delivery-claims.ts";
import * as init from "../../../bots/weekly-digest/migrations/weekly-digest-0001-init.ts";
import { recordLike } from "../../../bots/weekly-digest/record-activity.ts";
import { subscribe } from "../../../bots/weekly-digest/subscriptions.ts";
import { coreMigrations, createMembers, createStore, type Store } from "../../../plugins/store/index.ts";

// Two stores on one PostgreSQL schema: two workers racing through their own connection pools.
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const migrations = { ...coreMigrations, "weekly-digest-0001-init": init };
const schema = `t_digest_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
let a: Store;
let b: Store;

beforeAll(async () => {
  a = await createStore({ databaseUrl: DATABASE_URL, migrations, schema });
  b = await createStore({ databaseUrl: DATABASE_URL, migrations, schema });
  const members = createMembers(a);
  for (const id of [1, 2, 3, 4]) await members.ensure(id, `m${id}`);
});

afterAll(async () => {
  await a.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await a.close();
  await b.close();
});

const now = new Date("2026-01-11T09:00:00Z");

describe("the ISO-week delivery key", () => {
  it("should let exactly one of many racing workers claim a member's week", async () => {
    const attempts = Array.from({ length: 40 }, (_, i) => claimDelivery(i % 2 ? a.db : b.db, { userId: 1, week: "2026-W02" }, now));
    const results = await Promise.all(attempts);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("should never claim a sent week again, but claim the next week", async () => {
    await finishDelivery(a.db, { userId: 1, week: "2026-W02" }, { status: "sent", kind: "digest" }, now);
    expect(await claimDelivery(b.db, { userId: 1, week: "2026-W02" }, now)).toBe(false);
    expect(await claimDelivery(b.db, { userId: 1, week: "2026-W03" }, now)).toBe(true);
  });

  it("should hand a failed job's claim back to its retry, once", async () => {
    const key = { userId: 2, week: "2026-W02" };
    expect(await claimDelivery(a.db, key, now)).toBe(true);
    await releaseDelivery(a.db, key, now);
    const retries = await Promise.all([claimDelivery(a.db, key, now), claimDelivery(b.db, key, now)]);
    expect(retries.filter(Boolean)).toHaveLength(1);
  });

  it("should queue a member once per week, whatever the number of sweeps", async () => {
    const rows = [{ userId: 3, week: "2026-W02", dueAt: now }];
    const [first, second] = await Promise.all([queueDeliveries(a.db, rows, now), queueDeliveries(b.db, rows, now)]);
    expect(first.length + second.length).toBe(1);
    expect(await queueDeliveries(a.db, rows, now)).toEqual([]);
  });

  it("should re-queue a claim whose worker vanished, after the stale time only", async () => {
    const key = { userId: 4, week: "2026-W02" };
    expect(await claimDelivery(a.db, key, now)).toBe(true);
    expect(await requeueStale(a.db, new Date(now.getTime() + 30 * 60_000), 60)).toEqual([]);
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(await requeueStale(a.db, later, 60)).toContainEqual(key);
    expect(await claimDelivery(b.db, key, later)).toBe(true);
  });
});

describe("tallies and forget me", () => {
  it("should remove a like when the member who gave it asks to be forgotten", async () => {
    const members = createMembers(a);
    await subscribe(a.db, { userId: 3, source: "pm", now });
    const post = { id: 77, user_id: 3, username: "m3", topic_id: 9, post_number: 2, category_id: 4, created_at: now.toISOString(), topic_archetype: "regular" };
    expect(await recordLike(a.db, { post, user: { id: 50, username: "liker" } }, now, (id, name) => members.ensure(id, name))).toBe(true);
    expect(await recordLike(a.db, { post: { ...post, topic_archetype: "private_message", category_id: null }, user: { id: 51, username: "pm-liker" } }, now, (id, name) => members.ensure(id, name))).toBe(false);
    await members.forget(50);
    expect(await a.db.selectFrom("digest_likes").selectAll().where("liker_id", "=", 50).execute()).toEqual([]);
  });
});
