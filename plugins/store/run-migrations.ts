import type { Kysely } from "kysely";
import { type Migration, Migrator } from "kysely/migration";

/** Runs every pending migration; a failure stops start-up with the migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's Migrator takes a database of any schema.
export async function runMigrations(db: Kysely<any>, migrations: Record<string, Migration>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Bots own their migrations and are enabled independently, so their names interleave.
    allowUnorderedMigrations: true,
    // Kysely looks for its bookkeeping tables in "public" unless told; an isolated schema needs saying.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`[store] migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
