import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * The store's tables. Bots add their own through module augmentation of this interface, e.g.
 * `declare module "../../plugins/store/database.ts" { interface Database { crisis_alerts: … } }`,
 * so every query stays typed without casts (STYLE.md habit 3).
 */
export interface Database {
  /** One row per member Kindred knows; every bot's member data hangs from it (ON DELETE CASCADE). */
  members: {
    user_id: number;
    username: string;
    quiet_until: Timestamp | null;
    timezone: ColumnType<string | null, string | null | undefined, string | null>;
    stopped_all: ColumnType<boolean, boolean | undefined, boolean>;
    stopped_bots: ColumnType<string[], string | undefined, string>;
    created_at: CreatedAt;
    updated_at: Timestamp;
  };
  /** Which bot has already handled which delivered event (content key, never the delivery id). */
  processed_events: {
    key: string;
    bot: string;
    processed_at: CreatedAt;
  };
  /** Results of writes made under an idempotency key, so a retried job never writes twice. */
  idempotency_keys: {
    key: string;
    result: ColumnType<unknown, string, string>;
    created_at: CreatedAt;
  };
  /** PM threads Kindred opened, so replies reach the bot that owns the thread. */
  pm_threads: {
    topic_id: number;
    bot: string;
    user_id: number | null;
    kind: string;
    created_at: CreatedAt;
  };
  /** Small shared key/value state (cursors such as the catch-up job's last post id). */
  kv: {
    key: string;
    value: ColumnType<unknown, string, string>;
    updated_at: Timestamp;
  };
  /** Generated ids are not used by the core tables; the import keeps the type available to bots. */
  _generated_marker?: { id: Generated<number> };
}
