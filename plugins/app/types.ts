import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import type { Config } from "../../config/index.ts";
import type { Lane } from "../discourse/lanes.ts";
import type { Logger } from "../log/create-logger.ts";
import type { Database, KeyValue, Members, Store } from "../store/index.ts";
import type { DiscourseEvents, EventName } from "../webhooks/event-map.ts";
import type { WebhookPost } from "../webhooks/payloads.ts";
import type { Clock } from "./clock.ts";
import type { ForumClient } from "./forum-client.ts";

/** Which configured account a bot speaks as (config `accounts`). */
export type BotAccount = "greeter" | "crisis" | "encouragement" | "groups";

/** What every handler gets, whatever started it. */
export interface BaseContext {
  /** The bot this context belongs to. */
  readonly bot: string;
  readonly log: Logger;
  /** The budgeted Discourse client, acting as this bot's account on this bot's lane. */
  readonly discourse: ForumClient;
  /** The same client on another lane or account, for the rare call that belongs elsewhere. */
  discourseAs(options: { lane?: Lane; account?: BotAccount | "admin" }): ForumClient;
  readonly store: Store;
  readonly db: Kysely<Database>;
  readonly members: Members;
  readonly kv: KeyValue;
  readonly config: Config;
  readonly clock: Clock;
  readonly tasks: TaskScheduler;
  /** Aborted when the process shuts down; pass it to long calls. */
  readonly signal: AbortSignal;
  /** The forum's base URL, for links in messages. */
  readonly forumUrl: string;
  /** Every Discourse username Kindred's bots act as (lower-case). */
  readonly botUsernames: ReadonlySet<string>;
  /** Opens a PM from this bot and remembers the thread so replies come back to it. */
  sendPrivateMessage(message: PrivateMessage): Promise<{ topicId: number; postId: number }>;
}

export interface PrivateMessage {
  /** Usernames or messageable groups. */
  to: string[];
  title: string;
  raw: string;
  /** Retried jobs with the same key never send twice. */
  idempotencyKey: string;
  /** Member the thread is about (replies are routed with it); omitted for moderator threads. */
  memberId?: number;
  /** What kind of thread this is for the owning bot (e.g. "welcome", "crisis-alert"). */
  kind: string;
}

export interface EventContext<E extends EventName = EventName> extends BaseContext {
  /** The subscription name. */
  readonly name: E;
  /** The `X-Discourse-Event` value it arrived under (e.g. `reviewable_transitioned_to`). */
  readonly deliveredAs: string;
  /** The content key the event is deduplicated on. */
  readonly key: string;
  readonly payload: DiscourseEvents[E];
}

export type EventHandler<E extends EventName> = (ctx: EventContext<E>) => Promise<void> | void;

export interface TaskContext<D = Record<string, unknown>> extends BaseContext {
  readonly task: string;
  readonly data: D;
}

export type TaskHandler<D = Record<string, unknown>> = (ctx: TaskContext<D>) => Promise<void> | void;

export interface TaskScheduler {
  /** Runs `name` of this bot later (or now); the same `jobId` is never queued twice. */
  schedule(name: string, data: Record<string, unknown>, options?: { delayMs?: number; jobId?: string }): Promise<void>;
  /**
   * Hands work to another bot's task (onboarding → peer-groups "suggest"). Resolves false, and
   * queues nothing, when that bot is not enabled.
   */
  scheduleFor(bot: string, name: string, data: Record<string, unknown>, options?: { delayMs?: number; jobId?: string }): Promise<boolean>;
}

/** A member's reply in one of Kindred's PM threads, after the router checked it with crisis watch. */
export interface PmReplyContext extends BaseContext {
  readonly post: WebhookPost;
  /** The member's own words: quotes removed, trimmed. */
  readonly text: string;
  readonly thread: { topicId: number; bot: string; kind: string; memberId: number | null } | undefined;
  /** Crisis watch's reading of this reply; `review`/`urgent` replies never reach ordinary handlers. */
  readonly crisisLevel: "none" | "support";
  /** Answers in the same thread as this bot. */
  reply(raw: string, idempotencyKey: string): Promise<void>;
}

export type PmReplyHandler = (ctx: PmReplyContext) => Promise<boolean | undefined> | boolean | undefined;

/** Crisis watch's answer to "is this PM reply someone in danger?" (the router asks it first). */
export type PmGuard = (post: WebhookPost, text: string, thread: PmReplyContext["thread"]) => Promise<"none" | "support" | "review" | "urgent">;

/** What a bot registers; the runtime wires it to webhooks, queues, schedules and the PM router. */
export interface BotApp {
  readonly name: string;
  on<E extends EventName>(event: E | E[], handler: EventHandler<E>): void;
  /** A recurring job (a BullMQ job scheduler), cron in UTC unless `tz` is given. */
  every(cron: string, name: string, handler: TaskHandler, options?: { tz?: string }): void;
  /** A one-off job this bot schedules with `ctx.tasks.schedule(name, …)`. */
  task<D = Record<string, unknown>>(name: string, handler: TaskHandler<D>): void;
  /** Replies in threads this bot owns. Return true when handled. */
  onPmReply(handler: PmReplyHandler): void;
  /** Words a member can send in any PM to Kindred (e.g. "digest off", "groups", "date"). */
  command(pattern: RegExp, handler: PmReplyHandler): void;
  /** Crisis watch only: the check every PM reply passes first. */
  guardPmReplies(guard: PmGuard): void;
  /** Told when a PM reply is handed to crisis watch instead (e.g. to pause an intake). */
  onCrisisHandoff(handler: PmReplyHandler): void;
  /** Forget whatever this bot keeps outside its member-linked tables. */
  onForget(handler: (userId: number) => Promise<void>): void;
  /** Work done once in a process that runs jobs, before its workers start (warm-ups that should not delay the first job). */
  onWorkerStart(handler: () => void): void;
}

/** A bot: a name, its lane and account, its migrations, and the function that registers it. */
export interface Bot {
  readonly name: string;
  readonly lane: Lane;
  readonly account: BotAccount;
  readonly migrations?: Record<string, Migration>;
  setup(app: BotApp): void;
}
