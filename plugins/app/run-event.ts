import { UnrecoverableError } from "bullmq";
import type { EventJobData } from "../jobs/job-data.ts";
import type { EventName } from "../webhooks/event-map.ts";
import type { WebhookPost } from "../webhooks/payloads.ts";
import { BotError, isPermanent } from "./bot-error.ts";
import { createBaseContext } from "./create-context.ts";
import { routePmReply } from "./pm-router.ts";
import { botUsernames, type Services } from "./services.ts";
import type { EventContext } from "./types.ts";

export interface RunEventHooks {
  onHandler?: (bot: string, outcome: "ok" | "error" | "skipped") => void;
}

/**
 * Runs every bot subscribed to one event, each in its own error boundary: one bot's failure never
 * stops another's, and a retry re-runs only the bots that have not finished (processed-event keys).
 */
export async function runEvent(services: Services, data: EventJobData & { payload: unknown }, hooks: RunEventHooks = {}): Promise<void> {
  const { registry } = services;
  const payload = data.payload as Record<string, unknown>;
  if (isOwnAction(services, data.name, payload)) return;
  const subscribers = registry.handlers.get(data.name) ?? [];
  const failures: BotError[] = [];
  await Promise.all(
    subscribers.map(async ({ bot, handler }) => {
      if (await services.processed.has(data.key, bot.name)) {
        hooks.onHandler?.(bot.name, "skipped");
        return;
      }
      const ctx: EventContext<EventName> = {
        ...createBaseContext(services, bot, { event: data.name, key: data.key }),
        name: data.name,
        deliveredAs: data.deliveredAs,
        key: data.key,
        payload: payload as never,
      };
      try {
        await handler(ctx);
        await services.processed.mark(data.key, bot.name);
        hooks.onHandler?.(bot.name, "ok");
      } catch (error) {
        hooks.onHandler?.(bot.name, "error");
        failures.push(new BotError(bot.name, data.name, error));
      }
    }),
  );
  try {
    await runCoreHandlers(services, data, payload);
  } catch (error) {
    failures.push(new BotError("runtime", data.name, error));
  }
  if (failures.length === 0) return;
  const aggregate = new AggregateError(failures, failures.map((f) => f.message).join("; "));
  if (failures.every(isPermanent)) throw new UnrecoverableError(aggregate.message);
  throw aggregate;
}

/** What the runtime itself does with events: route PM replies, forget destroyed users. */
async function runCoreHandlers(services: Services, data: EventJobData, payload: Record<string, unknown>): Promise<void> {
  if (data.name === "post_created") {
    const post = payload.post as WebhookPost;
    if (post?.topic_archetype === "private_message") await routePmReply(services, post, data.key);
  }
  if (data.name === "user_destroyed") {
    const user = payload.user as { id?: number } | undefined;
    if (typeof user?.id === "number") await services.members.forget(user.id);
  }
}

/** Events Kindred's own accounts caused are dropped, so bots never answer themselves. */
function isOwnAction(services: Services, name: EventName, payload: Record<string, unknown>): boolean {
  const bots = botUsernames(services.config);
  const actor =
    (payload.post as { username?: string } | undefined)?.username ??
    (payload.like as { user?: { username?: string } } | undefined)?.user?.username ??
    (name.startsWith("topic_") ? (payload.topic as { created_by?: { username?: string } } | undefined)?.created_by?.username : undefined);
  return typeof actor === "string" && bots.has(actor.toLowerCase());
}
