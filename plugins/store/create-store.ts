import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import type { Migration } from "kysely/migration";
import pg from "pg";
import type { Database } from "./database.ts";
import { runMigrations } from "./run-migrations.ts";

export interface Store {
  readonly db: Kysely<Database>;
  /** `pglite` serves exactly one process; split roles need `postgres`. */
  readonly kind: "pglite" | "postgres";
  /** Cheap readiness probe. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CreateStoreOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data directory, or `memory://` for a throwaway store. @defaultValue "./data" */
  dataDir?: string;
  /** Migrations to run at start (core plus every enabled bot's). */
  migrations: Record<string, Migration>;
  /** PostgreSQL schema to use (tests isolate themselves with one). */
  schema?: string;
}

/**
 * Opens the store and runs the migrations. The same migrations run on PGlite and PostgreSQL.
 *
 * @example const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: "./data", migrations });
 */
export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const { databaseUrl, dataDir = "./data", migrations, schema } = options;
  let db: Kysely<Database>;
  let kind: Store["kind"];
  if (databaseUrl) {
    kind = "postgres";
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    if (schema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', "")}"`);
      } finally {
        client.release();
      }
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    kind = "pglite";
    if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
    const pglite = new PGlite(dataDir);
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  }
  await runMigrations(db, migrations, databaseUrl ? schema : undefined);
  return {
    db,
    kind,
    async ping() {
      try {
        await db.selectFrom("kv").select("key").limit(1).execute();
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
