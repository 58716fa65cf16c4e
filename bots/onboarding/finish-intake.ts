import type { PmReplyContext } from "../../plugins/app/types.ts";
import { composeDone } from "./compose-done.ts";
import { updateJourney } from "./journey-store.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";

/**
 * Ends the intake: hands the member to peer groups (when they answered anything), opts them in to the
 * weekly note when they said yes, and answers with one or two starting points. Writes go out before the
 * state changes, each under its own key, so a retried job finishes the same way without repeating.
 */
export async function finishIntake(ctx: PmReplyContext, userId: number, answers: Record<string, AnswerValue>, fromState: string): Promise<void> {
  const now = ctx.clock.now();
  const answered = Object.keys(answers).length > 0;
  const groupsHandedOff = answered && (await ctx.tasks.scheduleFor("peer-groups", "suggest", { userId }, { jobId: `after-intake-${userId}` }));
  const weeklyOptIn =
    answers.weeklyNote === "yes" &&
    (await ctx.tasks.scheduleFor("weekly-digest", "opt-in", { userId, source: "intake" }, { jobId: `intake-opt-in-${userId}` }));
  const raw = composeDone(ctx.config.onboarding, { forumUrl: ctx.forumUrl, answers, groupsHandedOff, weeklyOptIn });
  await ctx.reply(raw, `onboarding-done-${ctx.post.id}`);
  await updateJourney(ctx.db, userId, { state: "done", paused: false, completed_at: now }, now, fromState);
  ctx.log.info({ userId, answered: Object.keys(answers).length, groupsHandedOff, weeklyOptIn }, "onboarding: intake finished");
}
