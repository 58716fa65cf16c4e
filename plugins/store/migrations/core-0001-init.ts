import { type Kysely, sql } from "kysely";

/** The runtime's own tables (issue #2). Plain SQL types that PGlite and PostgreSQL share. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("members")
    .addColumn("user_id", "integer", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("quiet_until", "timestamptz")
    .addColumn("stopped_all", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("stopped_bots", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("processed_events")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("bot", "text", (c) => c.notNull())
    .addColumn("processed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("processed_events_pk", ["key", "bot"])
    .execute();
  await db.schema.createIndex("processed_events_at").on("processed_events").column("processed_at").execute();
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("result", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("pm_threads")
    .addColumn("topic_id", "integer", (c) => c.primaryKey())
    .addColumn("bot", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("members.user_id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("pm_threads_user").on("pm_threads").column("user_id").execute();
  await db.schema
    .createTable("kv")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["kv", "pm_threads", "idempotency_keys", "processed_events", "members"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
