import type { WebhookPost } from "../webhooks/payloads.ts";
import { createBaseContext } from "./create-context.ts";
import { matchGlobalCommand } from "./match-command.ts";
import { normalizeCommand, ownWords } from "./own-words.ts";
import { botUsernames, type Services } from "./services.ts";
import type { Bot, PmReplyContext, PmReplyHandler } from "./types.ts";

type Thread = PmReplyContext["thread"];

/**
 * Reads a member's reply in one of Kindred's PMs (issue #2, "PM commands"): crisis watch looks at it
 * first; then the commands every thread understands ("stop", "stop all", "help", "forget me"); then
 * the bots' own words; then the bot that owns the thread.
 */
export async function routePmReply(services: Services, post: WebhookPost, key: string): Promise<void> {
  const { registry, config, members, store } = services;
  if (botUsernames(config).has(post.username.toLowerCase())) return;
  const row = await store.db.selectFrom("pm_threads").selectAll().where("topic_id", "=", post.topic_id).executeTakeFirst();
  const thread: Thread = row
    ? { topicId: row.topic_id, bot: row.bot, kind: row.kind, memberId: row.user_id }
    : await adoptMemberThread(services, post);
  // Moderator alert threads belong to crisis watch alone; member commands mean nothing there.
  if (!thread || thread.memberId === null || thread.memberId !== post.user_id) return;
  const owner = registry.bots.find((b) => b.name === thread.bot) ?? registry.bots[0];
  if (!owner) return;
  if (await services.processed.has(key, "pm-router")) return;

  const text = ownWords(post.raw ?? "");
  const level = registry.guard ? await registry.guard(post, text, thread) : "none";
  const ctxFor = (bot: Bot): PmReplyContext => {
    const base = createBaseContext(services, bot, { event: "pm_reply", key });
    return {
      ...base,
      post,
      text,
      thread,
      crisisLevel: level === "support" ? "support" : "none",
      async reply(raw, idempotencyKey) {
        await base.discourse.replyToTopic({ topicId: post.topic_id, raw, idempotencyKey });
      },
    };
  };

  if (level === "review" || level === "urgent") {
    for (const { bot, handler } of registry.crisisHandoffs) await handler(ctxFor(bot));
  } else {
    await members.ensure(post.user_id, post.username);
    const handled = await runCommands(services, owner, ctxFor(owner), post);
    if (!handled) {
      const ordered = [...registry.commands].sort((a, b) => Number(b.bot === owner) - Number(a.bot === owner));
      let done = false;
      for (const { bot, pattern, handler } of ordered) {
        if (pattern.test(normalizeCommand(text)) && (await handler(ctxFor(bot))) !== false) {
          done = true;
          break;
        }
      }
      if (!done) await runHandlers(registry.pmReplies.filter((r) => r.bot === owner), ctxFor);
    }
  }
  await services.processed.mark(key, "pm-router");
}

async function runHandlers(list: ReadonlyArray<{ bot: Bot; handler: PmReplyHandler }>, ctxFor: (bot: Bot) => PmReplyContext) {
  for (const { bot, handler } of list) {
    if ((await handler(ctxFor(bot))) === true) return;
  }
}

/** The words every Kindred thread understands. Returns true when the reply was one of them. */
async function runCommands(services: Services, owner: Bot, ctx: PmReplyContext, post: WebhookPost): Promise<boolean> {
  const words = services.config.pmCommands;
  const answer = (raw: string) => ctx.reply(raw, `pm-command-${post.id}`);
  switch (matchGlobalCommand(ctx.text)) {
    case "stop all":
      await services.members.stop(post.user_id, "all");
      await answer(words.stoppedAll);
      return true;
    case "stop":
      await services.members.stop(post.user_id, owner.name);
      await answer(words.stopped);
      return true;
    case "resume all":
      await services.members.resume(post.user_id, "all");
      await answer(words.resumed);
      return true;
    case "resume":
      await services.members.resume(post.user_id, owner.name);
      await answer(words.resumed);
      return true;
    case "forget me":
      // Answer first: the thread record goes with everything else.
      await answer(words.forgotten);
      await services.members.forget(post.user_id);
      return true;
    case "help":
      await answer(words.help);
      return true;
    default:
      return false;
  }
}

/**
 * A PM a member opened themselves ("digest on" sent to the bot account) has no thread record yet.
 * Reading its participants costs one API call, so the answer is remembered either way: PMs between
 * members are never routed, and never looked at twice.
 */
async function adoptMemberThread(services: Services, post: WebhookPost): Promise<Thread> {
  const seenKey = `pm-thread-checked-${post.topic_id}`;
  if (await services.kv.get(seenKey)) return undefined;
  await services.kv.set(seenKey, true);
  const bots = botUsernames(services.config);
  const topic = (await services.client(services.config.apiUsername, "maintenance").getTopic(post.topic_id)) as {
    details?: { allowed_users?: Array<{ username: string }> };
  };
  const botUser = topic.details?.allowed_users?.find((u) => bots.has(u.username.toLowerCase()));
  if (!botUser) return undefined;
  const owner = services.registry.bots.find((b) => services.config.accounts[b.account].toLowerCase() === botUser.username.toLowerCase());
  if (!owner) return undefined;
  await services.members.ensure(post.user_id, post.username);
  await services.store.db
    .insertInto("pm_threads")
    .values({ topic_id: post.topic_id, bot: owner.name, user_id: post.user_id, kind: "member-started" })
    .onConflict((oc) => oc.column("topic_id").doNothing())
    .execute();
  return { topicId: post.topic_id, bot: owner.name, kind: "member-started", memberId: post.user_id };
}
