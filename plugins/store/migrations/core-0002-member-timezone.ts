import type { Kysely } from "kysely";

/** A member's Discourse time zone, kept once read: nudges, digests and resource cards all need it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("members").addColumn("timezone", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("members").dropColumn("timezone").execute();
}
