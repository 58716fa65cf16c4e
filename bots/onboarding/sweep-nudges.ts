import type { TaskContext } from "../../plugins/app/types.ts";
import { decideNudge } from "./nudge-timing.ts";
import { renderTemplate, forumLink } from "./render-template.ts";
import { updateJourney } from "./journey-store.ts";
import { safeTimezone } from "./zoned-time.ts";

/**
 * The periodic sweep behind the one day-3 nudge (issue #4): due nudges go out in the member's daytime,
 * as a reply in their welcome thread, only if they have not posted, stopped, been suspended or had a
 * crisis; a nudge is claimed before it is sent, so it goes out at most once even with two sweeps.
 * Returns how many were sent.
 */
export async function sweepNudges(ctx: TaskContext): Promise<number> {
  const settings = ctx.config.onboarding;
  const now = ctx.clock.now();
  const due = await ctx.db
    .selectFrom("onboarding_journeys")
    .innerJoin("members", "members.user_id", "onboarding_journeys.user_id")
    .select([
      "onboarding_journeys.user_id",
      "members.username",
      "onboarding_journeys.topic_id",
      "onboarding_journeys.nudge_due_at",
      "onboarding_journeys.first_post_at",
      "onboarding_journeys.timezone",
    ])
    .where("onboarding_journeys.nudge_due_at", "<=", now)
    .where("onboarding_journeys.nudge_sent_at", "is", null)
    .where("onboarding_journeys.nudge_cancelled", "is", null)
    .where("onboarding_journeys.topic_id", "is not", null)
    .limit(200)
    .execute();
  let sent = 0;
  for (const row of due) {
    const member = await ctx.members.get(row.user_id);
    if (member && (member.stoppedAll || member.stoppedBots.includes(ctx.bot))) {
      await updateJourney(ctx.db, row.user_id, { nudge_cancelled: "stopped" }, now);
      continue;
    }
    const timezone = safeTimezone(row.timezone, settings.nudge.defaultTimezone);
    const decision = decideNudge({ dueAt: row.nudge_due_at as Date, firstPostAt: row.first_post_at, timezone }, now, settings.nudge);
    if (decision === "skip-posted" || decision === "expire") {
      await updateJourney(ctx.db, row.user_id, { nudge_cancelled: decision === "expire" ? "expired" : "posted" }, now);
      continue;
    }
    // Quiet (an open crisis) waits; if it outlasts the window the nudge expires, never sent late.
    if (decision === "wait" || !(await ctx.members.maySend(row.user_id, ctx.bot, now))) continue;
    const claimed = await ctx.db
      .updateTable("onboarding_journeys")
      .set({ nudge_sent_at: now, updated_at: now })
      .where("user_id", "=", row.user_id)
      .where("nudge_sent_at", "is", null)
      .where("nudge_cancelled", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const raw = renderTemplate(settings.templates.nudge, { username: row.username, introductionsUrl: forumLink(ctx.forumUrl, settings.introductionsPath) });
    try {
      await ctx.discourse.replyToTopic({ topicId: row.topic_id as number, raw, idempotencyKey: `onboarding-nudge-${row.user_id}` });
      sent++;
    } catch (error) {
      // Give the next sweep the chance; the idempotency key keeps it from going out twice.
      await updateJourney(ctx.db, row.user_id, { nudge_sent_at: null }, now);
      throw error;
    }
  }
  return sent;
}
