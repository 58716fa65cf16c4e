import { type Kysely, sql } from "kysely";

/** Assessments (one per post version) and alerts (one per post and level), both member-linked. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("crisis_assessments")
    .addColumn("post_id", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("topic_id", "integer")
    .addColumn("user_id", "integer", (c) => c.references("members.user_id").onDelete("cascade"))
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("lanes", "jsonb", (c) => c.notNull())
    .addColumn("cues", "jsonb", (c) => c.notNull())
    .addColumn("score", "real", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("written_at", "timestamptz", (c) => c.notNull())
    .addColumn("assessed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("crisis_assessments_pk", ["post_id", "version"])
    .execute();
  await db.schema.createIndex("crisis_assessments_at").on("crisis_assessments").column("assessed_at").execute();
  await db.schema
    .createTable("crisis_alerts")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("post_id", "integer", (c) => c.notNull())
    .addColumn("topic_id", "integer")
    .addColumn("user_id", "integer", (c) => c.references("members.user_id").onDelete("cascade"))
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("lanes", "jsonb", (c) => c.notNull())
    .addColumn("reviewable_id", "integer")
    .addColumn("alert_topic_id", "integer")
    .addColumn("flagged", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("card_sent", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("escalation_step", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_escalation_at", "timestamptz")
    .addColumn("acted_at", "timestamptz")
    .addColumn("acted_by", "text")
    .addColumn("outcome", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("crisis_alerts_post_level", ["post_id", "level"])
    .execute();
  await db.schema.createIndex("crisis_alerts_due").on("crisis_alerts").column("next_escalation_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("crisis_alerts").ifExists().execute();
  await db.schema.dropTable("crisis_assessments").ifExists().execute();
}
