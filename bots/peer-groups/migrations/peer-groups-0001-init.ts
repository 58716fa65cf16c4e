import { type Kysely, sql } from "kysely";

/** Peer groups' tables (see `store/database.ts` for what each holds and why). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable("peer_groups")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("group_id", "integer")
    .addColumn("member_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("synced_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("peer_group_members")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("members.user_id").onDelete("cascade"))
    .addColumn("stage", "text")
    .addColumn("band_message_at", "timestamptz")
    .addColumn("not_now_at", "timestamptz")
    .addColumn("offer", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("shown", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("offer_no", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("pending", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable("peer_group_exclusions")
    .addColumn("user_id", "integer", (c) => c.notNull().references("members.user_id").onDelete("cascade"))
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_group_exclusions_pk", ["user_id", "group_name"])
    .execute();
  await db.schema
    .createTable("peer_group_memberships")
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("members.user_id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("added_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_group_memberships_pk", ["group_name", "user_id"])
    .execute();
  await db.schema.createIndex("peer_group_memberships_user").on("peer_group_memberships").column("user_id").execute();
  await db.schema
    .createTable("peer_group_requests")
    .addColumn("user_id", "integer", (c) => c.notNull().references("members.user_id").onDelete("cascade"))
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_group_requests_pk", ["user_id", "group_name"])
    .execute();
  await db.schema
    .createTable("peer_group_interests")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("members.user_id").onDelete("cascade"))
    .addColumn("terms", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["peer_group_interests", "peer_group_requests", "peer_group_memberships", "peer_group_exclusions", "peer_group_members", "peer_groups"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
