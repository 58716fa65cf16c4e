import type { BaseContext } from "../../plugins/app/types.ts";
import { readMemberState } from "./read-member-state.ts";
import { setSuspended, subscribe } from "./subscriptions.ts";

/**
 * Switches the digest on for a member who said yes (onboarding's offer, "digest on", an answer to an
 * invitation): one user read for their time zone and standing, one store write. Never called for a
 * member who did not ask.
 */
export async function optIn(ctx: BaseContext, input: { userId: number; username: string; source: string }): Promise<void> {
  const now = ctx.clock.now();
  await ctx.members.ensure(input.userId, input.username);
  const state = await readMemberState(ctx, input.username);
  await subscribe(ctx.db, { userId: input.userId, source: input.source, now, timezone: state?.timezone });
  if (state?.suspended || state?.silenced) await setSuspended(ctx.db, input.userId, true, now);
  // "digest on" is an explicit yes: it undoes an earlier "stop" in a digest thread.
  await ctx.members.resume(input.userId, ctx.bot);
}

/** The `opt-in` task onboarding schedules with `ctx.tasks.scheduleFor("weekly-digest", "opt-in", { userId, source })`. */
export async function optInTask(ctx: BaseContext & { data: Record<string, unknown> }): Promise<void> {
  const userId = Number(ctx.data.userId);
  if (!Number.isInteger(userId) || userId <= 0) throw new Error("[weekly-digest] opt-in needs a userId");
  const source = typeof ctx.data.source === "string" && ctx.data.source ? ctx.data.source : "onboarding";
  const username = typeof ctx.data.username === "string" ? ctx.data.username : (await ctx.members.get(userId))?.username;
  if (!username) throw new Error("[weekly-digest] opt-in for a member Kindred has no record of (pass username)");
  await optIn(ctx, { userId, username, source });
}
