import type { TaskContext } from "../../plugins/app/types.ts";
import { composeGreeterNote, type Newcomer } from "./compose-greeter-note.ts";
import "./database.ts";

/**
 * The optional daily note to the greeter group (off by default): newcomers who finished the intake and
 * said yes to sharing, with only what they agreed to share, so a person can say hello. Runs from an
 * hourly schedule and acts in the configured UTC hour; one note a day (keyed by the date).
 * Returns how many newcomers were listed.
 */
export async function sendGreeterNote(ctx: TaskContext): Promise<number> {
  const settings = ctx.config.onboarding;
  const now = ctx.clock.now();
  if (!settings.greeterNote.enabled || now.getUTCHours() !== settings.greeterNote.hourUtc) return 0;
  const rows = await ctx.db
    .selectFrom("onboarding_journeys")
    .innerJoin("onboarding_profiles", "onboarding_profiles.user_id", "onboarding_journeys.user_id")
    .innerJoin("members", "members.user_id", "onboarding_journeys.user_id")
    .select(["onboarding_journeys.user_id", "members.username", "onboarding_profiles.answers"])
    .where("onboarding_journeys.state", "=", "done")
    .where("onboarding_journeys.greeter_noted_at", "is", null)
    .where("onboarding_profiles.share_with_greeters", "=", true)
    .orderBy("onboarding_journeys.completed_at")
    .limit(50)
    .execute();
  const newcomers: Array<Newcomer & { userId: number }> = [];
  // Members who stopped Kindred, or are quiet after a crisis, are not put in front of greeters.
  for (const row of rows) {
    if (await ctx.members.maySend(row.user_id, ctx.bot, now)) newcomers.push({ userId: row.user_id, username: row.username, answers: row.answers });
  }
  const raw = composeGreeterNote(settings, newcomers, settings.questions);
  if (!raw) return 0;
  const day = now.toISOString().slice(0, 10);
  await ctx.sendPrivateMessage({
    to: [settings.greeterNote.group],
    title: settings.titles.greeterNote,
    raw,
    idempotencyKey: `onboarding-greeter-note-${day}`,
    kind: "greeter-note",
  });
  await ctx.db
    .updateTable("onboarding_journeys")
    .set({ greeter_noted_at: now, updated_at: now })
    .where(
      "user_id",
      "in",
      newcomers.map((n) => n.userId),
    )
    .execute();
  return newcomers.length;
}
