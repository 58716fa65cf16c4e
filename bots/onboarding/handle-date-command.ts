import type { PmReplyContext } from "../../plugins/app/types.ts";
import { getJourney } from "./journey-store.ts";
import { findDates } from "./parse/find-dates.ts";
import { foldText, wordsOnly } from "./parse/fold-text.ts";
import { renderTemplate } from "./render-template.ts";
import { saveAnswers } from "./save-answers.ts";
import { stageForDays } from "./stage-for-days.ts";
import { daysBetween, localDate, safeTimezone } from "./zoned-time.ts";

/** Matches "date", "date 2026-01-10", "date remove", "mi fecha 3 de marzo"… (on normalised text). */
export const DATE_COMMAND = /^(date|my date|sobriety date|fecha|mi fecha|ma date)( |$)/;

const REMOVE = /^(remove|delete|clear|none|forget|no date|borrar|quitar|eliminar|ninguna|supprimer|effacer|aucune)$/;
const FILLER = /^(is|to|es|est|a|al|le|el|the|since|desde|depuis|it|please|por favor|svp)$/;

/**
 * "date" in any PM to Kindred (issue #4): shows the member's private sobriety date, changes it
 * ("date March 3"), or removes it ("date remove"). Nothing is ever announced, a reset included.
 * Returns false when the reply says more than a date, so it reaches the intake instead.
 */
export async function handleDateCommand(ctx: PmReplyContext): Promise<boolean> {
  const userId = ctx.post.user_id;
  const settings = ctx.config.onboarding;
  const now = ctx.clock.now();
  const journey = await getJourney(ctx.db, userId);
  const tz = safeTimezone(journey?.timezone, settings.nudge.defaultTimezone);
  const today = localDate(now, tz);
  const folded = foldText(ctx.text).replace(/^\s*(my |mi |ma |sobriety )?(date|fecha)\s*:?/, "");
  const { dates, rest } = findDates(folded, { today, dateOrder: settings.dateOrder });
  const leftover = wordsOnly(rest).split(" ").filter((w) => w && !FILLER.test(w));
  const key = `onboarding-date-${ctx.post.id}`;
  const current = await ctx.db.selectFrom("onboarding_profiles").select("answers").where("user_id", "=", userId).executeTakeFirst();
  const shown = typeof current?.answers.sobrietyDate === "string" ? current.answers.sobrietyDate : "none saved";

  if (dates.length === 0 && REMOVE.test(leftover.join(" "))) {
    await saveAnswers(ctx.db, userId, { remove: ["sobrietyDate"], source: "date", now });
    await ctx.reply(renderTemplate(settings.templates.dateRemoved, {}), key);
    return true;
  }
  if (dates.length === 1 && leftover.length === 0) {
    const date = dates[0].date;
    const stage = stageForDays(settings.questions.find((q) => q.id === "stage"), daysBetween(date, today));
    await saveAnswers(ctx.db, userId, { answers: { sobrietyDate: date, ...(stage ? { stage } : {}) }, source: "date", now });
    await ctx.reply(renderTemplate(settings.templates.dateSet, { date }), key);
    return true;
  }
  if (dates.length === 0 && leftover.length === 0) {
    await ctx.reply(renderTemplate(settings.templates.dateHelp, { date: shown }), key);
    return true;
  }
  // More than a date ("date of my first meeting was…"): not the command; a short "date ???" gets help.
  if (leftover.length > 3) return false;
  await ctx.reply(renderTemplate(settings.templates.dateHelp, { date: shown }), key);
  return true;
}
