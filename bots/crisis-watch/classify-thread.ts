import type { EventContext } from "../../plugins/app/types.ts";
import type { Where } from "./assess/types.ts";

/** Thread kinds crisis watch opens for moderators: never assessed (moderators quote posts there). */
export const MODERATOR_THREAD_KINDS = new Set(["crisis-alert", "crisis-escalation", "crisis-shadow"]);

export type ThreadClass = { kind: "moderator-thread"; topicId: number } | { kind: "assess"; where: Where };

/**
 * Where a post is, for the assessment's context: a topic, a reply in onboarding's intake, a PM to a
 * bot, or one of crisis watch's own moderator threads (skipped).
 */
export async function classifyThread(ctx: Pick<EventContext, "db">, topicId: number, archetype: string | undefined): Promise<ThreadClass> {
  if (archetype !== "private_message") return { kind: "assess", where: "topic" };
  const thread = await ctx.db.selectFrom("pm_threads").select(["bot", "kind"]).where("topic_id", "=", topicId).executeTakeFirst();
  if (!thread) return { kind: "assess", where: "topic" };
  if (thread.bot === "crisis-watch" && MODERATOR_THREAD_KINDS.has(thread.kind)) return { kind: "moderator-thread", topicId };
  if (thread.bot === "onboarding") return { kind: "assess", where: "intake_reply" };
  return { kind: "assess", where: "pm_to_bot" };
}
