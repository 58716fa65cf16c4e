import { sql } from "kysely";
import type { Store } from "./create-store.ts";

/** Something that must also forget a member: Redis keys, caches, anything outside the tables. */
export type ForgetHook = (userId: number) => Promise<void>;

export interface Members {
  /** Makes sure the member has a record (every bot's data hangs from it) and keeps the username fresh. */
  ensure(userId: number, username: string): Promise<void>;
  get(userId: number): Promise<MemberRecord | undefined>;
  /** Remembers the member's Discourse time zone (read once, used by every bot). */
  setTimezone(userId: number, timezone: string | null): Promise<void>;
  findByUsername(username: string): Promise<MemberRecord | undefined>;
  /** Open crisis: no nudges, suggestions or digests towards this member until `until`. */
  setQuietUntil(userId: number, until: Date): Promise<void>;
  isQuiet(userId: number, now: Date): Promise<boolean>;
  /** "stop" in a bot's thread stops that bot; "stop all" (bot = "all") stops every message but a crisis card. */
  stop(userId: number, bot: string | "all"): Promise<void>;
  resume(userId: number, bot: string | "all"): Promise<void>;
  /** Whether `bot` may send this member anything now (stops and the quiet flag both count). */
  maySend(userId: number, bot: string, now: Date): Promise<boolean>;
  /** Removes everything Kindred holds on the member, in every bot (tables cascade; hooks do the rest). */
  forget(userId: number): Promise<void>;
  onForget(hook: ForgetHook): void;
}

export interface MemberRecord {
  userId: number;
  username: string;
  quietUntil: Date | null;
  stoppedAll: boolean;
  stoppedBots: string[];
  timezone: string | null;
}

/** The member records of the store (issue #2, "Members"). */
export function createMembers(store: Store): Members {
  const { db } = store;
  const hooks: ForgetHook[] = [];
  const toRecord = (row: {
    user_id: number;
    username: string;
    quiet_until: Date | null;
    stopped_all: boolean;
    stopped_bots: string[];
    timezone: string | null;
  }): MemberRecord => ({
    userId: row.user_id,
    username: row.username,
    quietUntil: row.quiet_until,
    stoppedAll: row.stopped_all,
    stoppedBots: row.stopped_bots ?? [],
    timezone: row.timezone,
  });
  const select = () => db.selectFrom("members").select(["user_id", "username", "quiet_until", "stopped_all", "stopped_bots", "timezone"]);

  const members: Members = {
    async ensure(userId, username) {
      await db
        .insertInto("members")
        .values({ user_id: userId, username, updated_at: new Date() })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ username, updated_at: new Date() }))
        .execute();
    },
    async get(userId) {
      const row = await select().where("user_id", "=", userId).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async findByUsername(username) {
      const row = await select().where(sql`lower(username)`, "=", username.toLowerCase()).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async setTimezone(userId, timezone) {
      await db.updateTable("members").set({ timezone, updated_at: new Date() }).where("user_id", "=", userId).execute();
    },
    async setQuietUntil(userId, until) {
      await db.updateTable("members").set({ quiet_until: until, updated_at: new Date() }).where("user_id", "=", userId).execute();
    },
    async isQuiet(userId, now) {
      const row = await db.selectFrom("members").select("quiet_until").where("user_id", "=", userId).executeTakeFirst();
      return Boolean(row?.quiet_until && row.quiet_until.getTime() > now.getTime());
    },
    async stop(userId, bot) {
      const member = await members.get(userId);
      if (!member) return;
      if (bot === "all") {
        await db.updateTable("members").set({ stopped_all: true, updated_at: new Date() }).where("user_id", "=", userId).execute();
        return;
      }
      const bots = [...new Set([...member.stoppedBots, bot])];
      await db.updateTable("members").set({ stopped_bots: JSON.stringify(bots), updated_at: new Date() }).where("user_id", "=", userId).execute();
    },
    async resume(userId, bot) {
      const member = await members.get(userId);
      if (!member) return;
      const bots = bot === "all" ? [] : member.stoppedBots.filter((b) => b !== bot);
      await db
        .updateTable("members")
        .set({ stopped_bots: JSON.stringify(bots), stopped_all: bot === "all" ? false : member.stoppedAll, updated_at: new Date() })
        .where("user_id", "=", userId)
        .execute();
    },
    async maySend(userId, bot, now) {
      const member = await members.get(userId);
      if (!member) return true;
      if (member.stoppedAll || member.stoppedBots.includes(bot)) return false;
      return !(member.quietUntil && member.quietUntil.getTime() > now.getTime());
    },
    async forget(userId) {
      for (const hook of hooks) await hook(userId);
      await db.deleteFrom("members").where("user_id", "=", userId).execute();
    },
    onForget(hook) {
      hooks.push(hook);
    },
  };
  return members;
}
