import { taskKey } from "./create-registry.ts";
import { botUsernames, type Services } from "./services.ts";
import type { BaseContext, Bot, BotAccount } from "./types.ts";

/**
 * Builds the one context a handler gets (probot's webhookTransform): logger tagged with the bot,
 * the client bound to the bot's account and lane, the store, the clock and a task scheduler.
 */
async function enqueueTask(
  services: Services,
  bot: string,
  name: string,
  data: Record<string, unknown>,
  options: { delayMs?: number; jobId?: string },
): Promise<boolean> {
  const key = taskKey(bot, name);
  if (!services.registry.tasks.has(key)) return false;
  await services.queues.tasks.add(key, { bot, task: name, data }, {
    delay: options.delayMs,
    // BullMQ job ids must not contain ":" nor be all digits.
    jobId: options.jobId ? `${bot}-${options.jobId}`.replaceAll(":", "-") : undefined,
  });
  return true;
}

export function createBaseContext(services: Services, bot: Bot, tags: Record<string, unknown>): BaseContext {
  const { config } = services;
  const accountName = (account: BotAccount | "admin") => (account === "admin" ? config.apiUsername : config.accounts[account]);
  const discourse = services.client(accountName(bot.account), bot.lane);
  const ctx: BaseContext = {
    bot: bot.name,
    log: services.log.child({ bot: bot.name, ...tags }),
    discourse,
    discourseAs: ({ lane = bot.lane, account = bot.account }) => services.client(accountName(account), lane),
    store: services.store,
    db: services.store.db,
    members: services.members,
    kv: services.kv,
    config,
    clock: services.clock,
    signal: services.signal,
    forumUrl: services.forumUrl,
    botUsernames: botUsernames(config),
    tasks: {
      async schedule(name, data, options = {}) {
        if (!(await enqueueTask(services, bot.name, name, data, options))) {
          throw new Error(`[app] ${bot.name}: no task "${name}" is registered`);
        }
      },
      scheduleFor: (target, name, data, options = {}) => enqueueTask(services, target, name, data, options),
    },
    async sendPrivateMessage(message) {
      const post = await discourse.createPrivateMessage({
        title: message.title,
        raw: message.raw,
        targetRecipients: message.to,
        idempotencyKey: message.idempotencyKey,
      });
      const topicId = Number(post.topic_id);
      if (message.memberId !== undefined) {
        const exists = await services.members.get(message.memberId);
        if (!exists) await services.members.ensure(message.memberId, message.to[0] ?? String(message.memberId));
      }
      await services.store.db
        .insertInto("pm_threads")
        .values({ topic_id: topicId, bot: bot.name, user_id: message.memberId ?? null, kind: message.kind })
        .onConflict((oc) => oc.column("topic_id").doNothing())
        .execute();
      return { topicId, postId: Number(post.id) };
    },
  };
  return ctx;
}
