import type { BaseContext } from "../../plugins/app/types.ts";
import { LANE_WORDS } from "./lane-words.ts";
import { markActed } from "./mark-acted.ts";
import { onCall } from "./on-call.ts";

type Step = { kind: "moderator"; username: string } | { kind: "team" } | { kind: "outside"; url: string };
type AlertRow = { id: number; post_id: number; topic_id: number | null; reviewable_id: number | null; lanes: string[]; escalation_step: number; created_at: Date };

/**
 * The escalation clock (issue #3): an urgent alert nobody acted on within N minutes goes to the
 * on-call moderator from the rota, then the next, then the whole team, then an optional outside
 * alert. Before each step the review queue is read, so a decision made in the forum stops it.
 */
export async function escalateDue(ctx: BaseContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .selectFrom("crisis_alerts")
    .select(["id", "post_id", "topic_id", "reviewable_id", "lanes", "escalation_step", "created_at"])
    .where("level", "=", "urgent")
    .where("acted_at", "is", null)
    .where("next_escalation_at", "<=", now)
    .orderBy("created_at")
    .execute();
  let sent = 0;
  for (const alert of due) {
    if (await actedInForum(ctx, alert)) continue;
    const steps = plan(ctx, now);
    const step = steps[alert.escalation_step];
    const next = alert.escalation_step + 1 < steps.length ? new Date(now.getTime() + ctx.config.crisis.escalation.afterMinutes * 60_000) : null;
    if (step) {
      await perform(ctx, alert, step, now);
      sent++;
    }
    await ctx.db.updateTable("crisis_alerts").set({ escalation_step: alert.escalation_step + 1, next_escalation_at: step ? next : null }).where("id", "=", alert.id).execute();
  }
  return sent;
}

function plan(ctx: BaseContext, now: Date): Step[] {
  const { rota, outsideWebhookUrl } = ctx.config.crisis.escalation;
  const steps: Step[] = onCall(rota, now).map((entry) => ({ kind: "moderator", username: entry.username }));
  steps.push({ kind: "team" });
  if (outsideWebhookUrl) steps.push({ kind: "outside", url: outsideWebhookUrl });
  return steps;
}

/** Reads the reviewable's status: claimed or decided means a moderator acted. */
async function actedInForum(ctx: BaseContext, alert: AlertRow): Promise<boolean> {
  let reviewableId = alert.reviewable_id;
  if (reviewableId === null && alert.post_id > 0) {
    const post = (await ctx.discourse.getPost(alert.post_id).catch(() => undefined)) as { reviewable_id?: number | null } | undefined;
    reviewableId = post?.reviewable_id ?? null;
    if (reviewableId !== null) await ctx.db.updateTable("crisis_alerts").set({ reviewable_id: reviewableId }).where("id", "=", alert.id).execute();
  }
  if (reviewableId === null) return false;
  const found = (await ctx.discourse.getReviewable(reviewableId).catch(() => undefined)) as
    | { reviewable?: { status?: number; claimed_by?: { username?: string } | null } }
    | undefined;
  const reviewable = found?.reviewable;
  if (!reviewable || (reviewable.status === 0 && !reviewable.claimed_by)) return false;
  const outcome = reviewable.status === 1 || reviewable.status === 4 ? "agreed" : reviewable.status === 2 ? "disagreed" : reviewable.status === 3 ? "ignored" : null;
  await markActed(ctx, { reviewableId, by: reviewable.claimed_by?.username ?? null, outcome });
  return true;
}

async function perform(ctx: BaseContext, alert: AlertRow, step: Step, now: Date): Promise<void> {
  const minutes = Math.max(1, Math.round((now.getTime() - alert.created_at.getTime()) / 60_000));
  const link = alert.reviewable_id !== null ? `${ctx.forumUrl}/review/${alert.reviewable_id}` : `${ctx.forumUrl}/p/${alert.post_id}`;
  const lanes = alert.lanes.map((l) => LANE_WORDS[l as keyof typeof LANE_WORDS] ?? l).join(", ");
  const text = `An urgent crisis alert (${lanes}) has had no moderator action for ${minutes} minutes. Please look now: ${link}\n\nClaiming or deciding the item in the review queue, or replying in the alert message, stops these reminders.`;
  const key = `crisis-escalate-${alert.id}-${alert.escalation_step}`;
  if (step.kind === "outside") {
    // Only the link and the lane leave the forum: never the post's words or the member's name.
    const response = await fetch(step.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `Kindred: an urgent crisis alert has had no moderator action for ${minutes} minutes: ${link}` }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`[crisis-watch] outside alert answered ${response.status}`);
    return;
  }
  const to = step.kind === "moderator" ? [step.username] : [ctx.config.crisis.alertGroup];
  await ctx.sendPrivateMessage({
    to,
    title: step.kind === "moderator" ? "Crisis watch: you are on call for an alert" : "Crisis watch: an alert still needs a moderator",
    raw: text,
    idempotencyKey: key,
    kind: "crisis-escalation",
  });
}
