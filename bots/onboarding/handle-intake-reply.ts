import { renderResourceCard } from "../crisis-watch/resource-card.ts";
import type { PmReplyContext } from "../../plugins/app/types.ts";
import { composeIntake, composeReask } from "./compose-intake.ts";
import { finishIntake } from "./finish-intake.ts";
import { questionsByIds, questionsToAsk } from "./intake-questions.ts";
import { decideIntakeStep } from "./intake-step.ts";
import { getJourney, updateJourney } from "./journey-store.ts";
import { parseIntakeReply } from "./parse/parse-intake-reply.ts";
import { forumLink, renderTemplate } from "./render-template.ts";
import { saveAnswers } from "./save-answers.ts";
import { localDate, safeTimezone } from "./zoned-time.ts";

/**
 * A member's reply in their welcome thread, after the PM router had crisis watch read it (issue #4).
 * Returns false for threads that are not an intake, so other handlers may look.
 */
export async function handleIntakeReply(ctx: PmReplyContext): Promise<boolean> {
  const userId = ctx.thread?.memberId;
  if (!ctx.thread || userId === null || userId === undefined || ctx.thread.bot !== ctx.bot) return false;
  const journey = await getJourney(ctx.db, userId);
  if (!journey || journey.topic_id !== ctx.thread.topicId) return false;
  const settings = ctx.config.onboarding;
  const now = ctx.clock.now();
  if (!(await ctx.members.maySend(userId, ctx.bot, now))) return true;

  const tz = safeTimezone(journey.timezone, settings.nudge.defaultTimezone);
  const profile = await ctx.db.selectFrom("onboarding_profiles").select("answers").where("user_id", "=", userId).executeTakeFirst();
  const known = profile?.answers ?? {};
  const asked = journey.asked.length > 0 ? questionsByIds(settings.questions, journey.asked) : questionsToAsk(settings.questions, known);
  // A reply crisis watch read as distress is never mined for answers.
  const parsed =
    ctx.crisisLevel === "support"
      ? { answers: {}, skipped: [], unclear: [], invalidNumbers: [], readNothing: true }
      : parseIntakeReply(ctx.text, asked, { today: localDate(now, tz), dateOrder: settings.dateOrder });
  const unanswered = asked.filter((q) => known[q.id] === undefined && parsed.answers[q.id] === undefined && !parsed.skipped.includes(q.id));
  const action = decideIntakeStep(journey, parsed, ctx.crisisLevel, unanswered.map((q) => q.id));
  const key = (kind: string) => `onboarding-${kind}-${ctx.post.id}`;
  const introductionsUrl = forumLink(ctx.forumUrl, settings.introductionsPath);

  if (Object.keys(parsed.answers).length > 0 && action.kind !== "ignore" && action.kind !== "support") {
    await saveAnswers(ctx.db, userId, { answers: parsed.answers, source: "intake", now });
    if (!journey.answered_at) await updateJourney(ctx.db, userId, { answered_at: now }, now);
  }

  switch (action.kind) {
    case "ignore":
      return true;
    case "support": {
      const resourceCard = renderResourceCard(ctx.config.crisis, { timezone: journey.timezone, defaultCountry: ctx.config.forum.defaultCountry, compact: true });
      await ctx.reply(renderTemplate(settings.templates.support, { resourceCard, introductionsUrl }), key("support"));
      if (action.pause) await updateJourney(ctx.db, userId, { paused: true }, now);
      return true;
    }
    case "stop":
      await ctx.members.stop(userId, ctx.bot);
      await ctx.reply(ctx.config.pmCommands.stopped, key("stop"));
      await updateJourney(ctx.db, userId, { state: "stopped", paused: false, nudge_cancelled: journey.nudge_sent_at ? journey.nudge_cancelled : "stopped" }, now);
      return true;
    case "declined":
      await ctx.reply(renderTemplate(settings.templates.declined, { introductionsUrl }), key("declined"));
      await updateJourney(ctx.db, userId, { state: "declined", paused: false }, now, journey.state);
      return true;
    case "help":
      await ctx.reply(renderTemplate(settings.templates.intakeHelp, { introductionsUrl }), key("help"));
      return true;
    case "sendQuestions": {
      const toAsk = action.resume ? asked.filter((q) => unanswered.some((u) => u.id === q.id)) : questionsToAsk(settings.questions, known);
      if (toAsk.length === 0) {
        await finishIntake(ctx, userId, known, journey.state);
        return true;
      }
      // Only what is still open is shown again, numbered afresh; `asked` keeps the numbers in step.
      await ctx.reply(composeIntake(settings, toAsk, ctx.post.username), key("intake"));
      await updateJourney(ctx.db, userId, { state: action.resume ? journey.state : "asked", paused: false, asked: toAsk.map((q) => q.id) }, now);
      return true;
    }
    case "reask":
      await ctx.reply(composeReask(settings, questionsByIds(settings.questions, action.missing)), key("reask"));
      await updateJourney(ctx.db, userId, { state: "reasked" }, now, journey.state);
      return true;
    case "finish": {
      const after = await ctx.db.selectFrom("onboarding_profiles").select("answers").where("user_id", "=", userId).executeTakeFirst();
      await finishIntake(ctx, userId, after?.answers ?? {}, journey.state);
      return true;
    }
  }
}
