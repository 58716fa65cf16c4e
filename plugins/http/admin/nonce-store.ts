import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Clock } from "../../app/clock.ts";
import type { Database } from "../../store/index.ts";

const PREFIX = "admin-sso-nonce:";

/** Single-use, expiring DiscourseConnect nonces, kept in the store so every web process shares them. */
export interface NonceStore {
  /** A new nonce, valid for the configured minutes. */
  issue(): Promise<string>;
  /** True once for a nonce that was issued and has not expired; false ever after. */
  consume(nonce: string): Promise<boolean>;
}

/** Nonces as rows of the shared `kv` table (DELETE … RETURNING makes the consume atomic). */
export function createNonceStore(db: Kysely<Database>, clock: Clock, minutes: number): NonceStore {
  return {
    async issue() {
      const now = clock.now();
      // Expired nonces are swept on the way in: nobody can use them any more.
      await db.deleteFrom("kv").where("key", "like", `${PREFIX}%`).where("updated_at", "<", new Date(now.getTime() - minutes * 60_000)).execute();
      const nonce = randomBytes(24).toString("hex");
      await db.insertInto("kv").values({ key: PREFIX + nonce, value: JSON.stringify({ issuedAt: now.toISOString() }), updated_at: now }).execute();
      return nonce;
    },
    async consume(nonce) {
      if (!/^[0-9a-f]{48}$/.test(nonce)) return false;
      const row = await db.deleteFrom("kv").where("key", "=", PREFIX + nonce).returning("updated_at").executeTakeFirst();
      if (!row) return false;
      return clock.now().getTime() - new Date(row.updated_at).getTime() <= minutes * 60_000;
    },
  };
}
