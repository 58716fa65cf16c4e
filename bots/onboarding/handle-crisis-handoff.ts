import type { PmReplyContext } from "../../plugins/app/types.ts";
import { getJourney, updateJourney } from "./journey-store.ts";

/**
 * Crisis watch took a member's PM reply (`review` or `urgent`): the intake stops for good and the day-3
 * nudge is dropped, so nothing from onboarding reaches them while people take over. No reply here.
 */
export async function handleCrisisHandoff(ctx: PmReplyContext): Promise<boolean> {
  const userId = ctx.thread?.memberId ?? ctx.post.user_id;
  const journey = await getJourney(ctx.db, userId);
  if (!journey || journey.state === "crisis") return false;
  const now = ctx.clock.now();
  const open = journey.state === "offered" || journey.state === "asked" || journey.state === "reasked";
  await updateJourney(
    ctx.db,
    userId,
    {
      ...(open ? { state: "crisis" as const, paused: true } : {}),
      nudge_cancelled: journey.nudge_sent_at || journey.nudge_cancelled ? journey.nudge_cancelled : "crisis",
    },
    now,
  );
  ctx.log.info({ userId }, "onboarding: intake stopped, crisis watch took over");
  return true;
}
