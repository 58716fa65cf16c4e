import type { PmReplyContext } from "../../plugins/app/types.ts";
import { normalizeCommand } from "../../plugins/app/own-words.ts";
import { optIn } from "./opt-in.ts";
import { parseDigestCommand } from "./parse-digest-command.ts";
import { getSubscription, pause, unsubscribe } from "./subscriptions.ts";
import { fill, loadDigestTexts } from "./texts.ts";
import { safeTimezone } from "./zoned-time.ts";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "digest on", "digest off", "pause N weeks": understood in any PM to Kindred, at any time
 * (registered with `app.command`). Returns false for anything else so other handlers can look.
 */
export async function handleDigestCommand(ctx: PmReplyContext): Promise<boolean> {
  const command = parseDigestCommand(normalizeCommand(ctx.text));
  if (!command) return false;
  const settings = ctx.config.digest;
  const texts = loadDigestTexts(settings.textsFile);
  const now = ctx.clock.now();
  const userId = ctx.post.user_id;
  const answer = (raw: string) => ctx.reply(raw, `weekly-digest-command-${ctx.post.id}`);

  if (command.kind === "on") {
    const invited = await ctx.db.selectFrom("digest_invitations").select("user_id").where("user_id", "=", userId).executeTakeFirst();
    await optIn(ctx, { userId, username: ctx.post.username, source: invited ? "invitation" : "pm" });
    await answer(fill(texts.replies.on, { day: capital(settings.sendDay), time: settings.sendTime }));
    return true;
  }
  if (command.kind === "off") {
    if (!(await unsubscribe(ctx.db, userId, now))) {
      // Remember the no, so a later group invitation never asks again.
      await ctx.db
        .insertInto("digest_subscriptions")
        .values({ user_id: userId, status: "off", source: "pm", suspended: false, last_active_at: now, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column("user_id").doNothing())
        .execute();
    }
    await answer(texts.replies.off);
    return true;
  }
  const until = new Date(now.getTime() + command.weeks * 7 * 86_400_000);
  if (!(await pause(ctx.db, userId, until, now))) {
    await answer(texts.replies.notSubscribed);
    return true;
  }
  const sub = await getSubscription(ctx.db, userId);
  const timeZone = safeTimezone(sub?.timezone, settings.defaultTimezone);
  const date = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long" }).format(until);
  await answer(fill(texts.replies.paused, { until: date }));
  return true;
}
