import { type Kysely, sql } from "kysely";

/** Journeys (state, nudge, funnel) and profiles (answers), both removed with the member. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("onboarding_journeys")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("members.user_id").onDelete("cascade"))
    .addColumn("start_event", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().defaultTo("offered"))
    .addColumn("paused", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("welcome_claimed_at", "timestamptz")
    .addColumn("welcomed_at", "timestamptz")
    .addColumn("topic_id", "integer")
    .addColumn("asked", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("timezone", "text")
    .addColumn("answered_at", "timestamptz")
    .addColumn("completed_at", "timestamptz")
    .addColumn("joined_group_at", "timestamptz")
    .addColumn("first_post_at", "timestamptz")
    .addColumn("nudge_due_at", "timestamptz")
    .addColumn("nudge_sent_at", "timestamptz")
    .addColumn("nudge_cancelled", "text")
    .addColumn("greeter_noted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("onboarding_journeys_nudge").on("onboarding_journeys").column("nudge_due_at").execute();
  await db.schema.createIndex("onboarding_journeys_welcomed").on("onboarding_journeys").column("welcomed_at").execute();
  await db.schema.createIndex("onboarding_journeys_topic").on("onboarding_journeys").column("topic_id").execute();
  await db.schema
    .createTable("onboarding_profiles")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("members.user_id").onDelete("cascade"))
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("sources", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("consent_at", "timestamptz")
    .addColumn("share_with_greeters", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("onboarding_profiles").ifExists().execute();
  await db.schema.dropTable("onboarding_journeys").ifExists().execute();
}
