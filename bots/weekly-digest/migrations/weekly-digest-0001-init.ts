import { type Kysely, sql } from "kysely";

const member = "members.user_id";

/** The digest's tables (see `../database.ts`). Member-linked rows cascade on "forget me". */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("digest_subscriptions")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references(member).onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("timezone", "text")
    .addColumn("paused_until", "timestamptz")
    .addColumn("suspended", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("last_active_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_still_here_week", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("digest_posts")
    .addColumn("post_id", "integer", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references(member).onDelete("cascade"))
    .addColumn("topic_id", "integer", (c) => c.notNull())
    .addColumn("category_id", "integer")
    .addColumn("is_reply", "boolean", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("digest_posts_user_at").on("digest_posts").columns(["user_id", "created_at"]).execute();
  await db.schema
    .createTable("digest_likes")
    .addColumn("post_id", "integer", (c) => c.notNull())
    .addColumn("liker_id", "integer", (c) => c.notNull().references(member).onDelete("cascade"))
    .addColumn("liker_username", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.notNull().references(member).onDelete("cascade"))
    .addColumn("category_id", "integer")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("digest_likes_pk", ["post_id", "liker_id"])
    .execute();
  await db.schema.createIndex("digest_likes_author_at").on("digest_likes").columns(["author_id", "created_at"]).execute();
  await db.schema.createIndex("digest_likes_liker").on("digest_likes").column("liker_id").execute();
  await db.schema
    .createTable("digest_checkins")
    .addColumn("user_id", "integer", (c) => c.notNull().references(member).onDelete("cascade"))
    .addColumn("week", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("digest_checkins_pk", ["user_id", "week"])
    .execute();
  await db.schema
    .createTable("digest_lines")
    .addColumn("user_id", "integer", (c) => c.notNull().references(member).onDelete("cascade"))
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("line_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("digest_lines_pk", ["user_id", "week"])
    .execute();
  await db.schema
    .createTable("digest_deliveries")
    .addColumn("user_id", "integer", (c) => c.notNull().references(member).onDelete("cascade"))
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("kind", "text")
    .addColumn("due_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("topic_id", "integer")
    .addPrimaryKeyConstraint("digest_deliveries_pk", ["user_id", "week"])
    .execute();
  await db.schema.createIndex("digest_deliveries_week").on("digest_deliveries").columns(["week", "status"]).execute();
  await db.schema
    .createTable("digest_invitations")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references(member).onDelete("cascade"))
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["digest_invitations", "digest_deliveries", "digest_lines", "digest_checkins", "digest_likes", "digest_posts", "digest_subscriptions"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
