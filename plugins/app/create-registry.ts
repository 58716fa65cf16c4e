import type { Migration } from "kysely/migration";
import type { EventName } from "../webhooks/event-map.ts";
import { EVENT_NAMES } from "../webhooks/event-map.ts";
import type { Bot, BotApp, EventHandler, PmGuard, PmReplyHandler, TaskHandler } from "./types.ts";

export interface Registration {
  readonly bots: readonly Bot[];
  readonly handlers: ReadonlyMap<EventName, ReadonlyArray<{ bot: Bot; handler: EventHandler<EventName> }>>;
  readonly schedules: ReadonlyArray<{ bot: Bot; name: string; cron: string; tz: string; handler: TaskHandler }>;
  readonly tasks: ReadonlyMap<string, { bot: Bot; handler: TaskHandler }>;
  readonly pmReplies: ReadonlyArray<{ bot: Bot; handler: PmReplyHandler }>;
  readonly commands: ReadonlyArray<{ bot: Bot; pattern: RegExp; handler: PmReplyHandler }>;
  readonly crisisHandoffs: ReadonlyArray<{ bot: Bot; handler: PmReplyHandler }>;
  readonly guard: PmGuard | undefined;
  readonly forgetHooks: ReadonlyArray<(userId: number) => Promise<void>>;
  readonly workerStartHooks: ReadonlyArray<() => void>;
  readonly migrations: Record<string, Migration>;
  /** The webhook events the enabled bots need, sorted: what `kindred events list` prints. */
  readonly events: readonly EventName[];
}

/** The key a bot's task is queued under. */
export const taskKey = (bot: string, name: string) => `${bot}.${name}`;

/**
 * Runs every bot's `setup` against a recording app and returns what they asked for. Nothing is
 * started here: the runtime decides which role serves which part.
 */
export function createRegistry(bots: readonly Bot[], baseMigrations: Record<string, Migration>): Registration {
  const handlers = new Map<EventName, Array<{ bot: Bot; handler: EventHandler<EventName> }>>();
  const schedules: Array<{ bot: Bot; name: string; cron: string; tz: string; handler: TaskHandler }> = [];
  const tasks = new Map<string, { bot: Bot; handler: TaskHandler }>();
  const pmReplies: Array<{ bot: Bot; handler: PmReplyHandler }> = [];
  const commands: Array<{ bot: Bot; pattern: RegExp; handler: PmReplyHandler }> = [];
  const crisisHandoffs: Array<{ bot: Bot; handler: PmReplyHandler }> = [];
  const forgetHooks: Array<(userId: number) => Promise<void>> = [];
  const workerStartHooks: Array<() => void> = [];
  const migrations: Record<string, Migration> = { ...baseMigrations };
  let guard: PmGuard | undefined;

  const names = new Set<string>();
  for (const bot of bots) {
    if (names.has(bot.name)) throw new Error(`[app] bot "${bot.name}" is listed twice`);
    names.add(bot.name);
    for (const [name, migration] of Object.entries(bot.migrations ?? {})) {
      if (migrations[name]) throw new Error(`[app] migration "${name}" of ${bot.name} is already defined`);
      migrations[name] = migration;
    }
    const app: BotApp = {
      name: bot.name,
      on(event, handler) {
        for (const name of Array.isArray(event) ? event : [event]) {
          if (!EVENT_NAMES.includes(name)) throw new Error(`[app] ${bot.name}: unknown webhook event "${name}"`);
          const list = handlers.get(name) ?? [];
          list.push({ bot, handler: handler as EventHandler<EventName> });
          handlers.set(name, list);
        }
      },
      every(cron, name, handler, options) {
        schedules.push({ bot, name, cron, tz: options?.tz ?? "UTC", handler });
        tasks.set(taskKey(bot.name, name), { bot, handler });
      },
      task(name, handler) {
        const key = taskKey(bot.name, name);
        if (tasks.has(key)) throw new Error(`[app] ${bot.name}: task "${name}" is registered twice`);
        tasks.set(key, { bot, handler: handler as TaskHandler });
      },
      onPmReply: (handler) => pmReplies.push({ bot, handler }),
      command: (pattern, handler) => commands.push({ bot, pattern, handler }),
      guardPmReplies(fn) {
        if (guard) throw new Error(`[app] ${bot.name}: only one bot may guard PM replies`);
        guard = fn;
      },
      onCrisisHandoff: (handler) => crisisHandoffs.push({ bot, handler }),
      onForget: (handler) => forgetHooks.push(handler),
      onWorkerStart: (handler) => workerStartHooks.push(handler),
    };
    bot.setup(app);
  }
  // The runtime itself needs two: post_created for the PM router (replies in Kindred's threads) and
  // user_destroyed, on which everything Kindred holds on that member is forgotten.
  const core: EventName[] = ["user_destroyed", ...(pmReplies.length || commands.length ? (["post_created"] as const) : [])];
  const events = [...new Set<EventName>([...handlers.keys(), ...core])].sort();
  return { bots, handlers, schedules, tasks, pmReplies, commands, crisisHandoffs, guard, forgetHooks, workerStartHooks, migrations, events };
}
