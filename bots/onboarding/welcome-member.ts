import { renderResourceCard } from "../crisis-watch/resource-card.ts";
import type { EventContext } from "../../plugins/app/types.ts";
import type { WebhookUser } from "../../plugins/webhooks/payloads.ts";
import { composeWelcome } from "./compose-welcome.ts";
import { eligibleForWelcome } from "./eligible-for-welcome.ts";
import { claimWelcome, releaseWelcome, updateJourney } from "./journey-store.ts";
import { nudgeDueAt } from "./nudge-timing.ts";
import { answersFromUserFields, readSignupDetails } from "./read-signup-details.ts";
import { saveAnswers } from "./save-answers.ts";
import { localDate, safeTimezone } from "./zoned-time.ts";

export type StartEvent = "user_created" | "user_approved" | "user_confirmed_email";

/**
 * Sends a new member's one welcome PM (issue #4) when the configured start event arrives. Exactly one,
 * also under duplicate deliveries and job retries: a record in `onboarding_journeys` claimed before
 * sending, plus the PM's idempotency key. Signup answers are saved now so the intake never asks them.
 */
export async function welcomeMember(ctx: EventContext<StartEvent>): Promise<void> {
  const settings = ctx.config.onboarding;
  if (ctx.name !== settings.startOn) return;
  const user: WebhookUser = ctx.payload.user;
  if (!eligibleForWelcome(user, ctx.botUsernames)) return;
  const now = ctx.clock.now();
  await ctx.members.ensure(user.id, user.username);
  if (!(await ctx.members.maySend(user.id, ctx.bot, now))) return;

  const claim = await claimWelcome(ctx.db, user.id, ctx.name, now);
  if (claim === "done") return;
  if (claim === "busy") throw new Error("[onboarding] another job is sending this welcome; retrying to confirm it went out");
  try {
    const details = await readSignupDetails(ctx.discourse, user, Object.keys(settings.userFields).length > 0);
    const timezone = safeTimezone(details.timezone, settings.nudge.defaultTimezone);
    const prefilled = answersFromUserFields(settings, settings.questions, details.userFields, localDate(now, timezone));
    if (Object.keys(prefilled).length > 0) await saveAnswers(ctx.db, user.id, { answers: prefilled, source: "signup", now });
    const resourceCard = renderResourceCard(ctx.config.crisis, {
      timezone: details.timezone,
      defaultCountry: ctx.config.forum.defaultCountry,
      compact: true,
    });
    const { topicId } = await ctx.sendPrivateMessage({
      to: [user.username],
      title: settings.titles.welcome,
      raw: composeWelcome(settings, { username: user.username, forumUrl: ctx.forumUrl, resourceCard }),
      idempotencyKey: `onboarding-welcome-${user.id}`,
      memberId: user.id,
      kind: "welcome",
    });
    const sentAt = ctx.clock.now();
    await updateJourney(
      ctx.db,
      user.id,
      {
        welcomed_at: sentAt,
        topic_id: topicId,
        timezone: details.timezone && timezone === details.timezone ? timezone : null,
        nudge_due_at: settings.nudge.enabled ? nudgeDueAt(sentAt, settings.nudge.afterDays, timezone, settings.nudge.daytime) : null,
        nudge_cancelled: settings.nudge.enabled ? null : "disabled",
      },
      sentAt,
    );
    ctx.log.info({ userId: user.id }, "onboarding: welcomed");
  } catch (error) {
    await releaseWelcome(ctx.db, user.id, now);
    throw error;
  }
}
