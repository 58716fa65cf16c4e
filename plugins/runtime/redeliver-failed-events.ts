import type { BaseContext } from "../app/types.ts";

/** At most this many redeliveries per run, so a long outage drains without crowding out crisis work. */
const PER_RUN = 20;
/** An event that keeps failing is tried this often, then left to `kindred doctor`. */
const MAX_TRIES = 3;

/**
 * The backstop for what the catch-up feeds cannot see (PMs between members, edits): Discourse's
 * webhook event log is read with the admin API and deliveries to Kindred that failed in the last
 * 24 hours are redelivered. Redelivered events are deduplicated like any other, so this is safe to
 * run while Discourse's own retries (when `retry_web_hook_events` is on) are also at work.
 */
export async function redeliverFailedEvents(ctx: BaseContext, publicUrl?: string): Promise<number> {
  // Crisis posts may be among them: this work goes on the crisis lane, as the admin account.
  const admin = ctx.discourseAs({ lane: "crisis", account: "admin" });
  const since = ctx.clock.now().getTime() - 24 * 3_600_000;
  const hooks = (await admin.listWebhooks()).web_hooks.filter((hook) =>
    publicUrl ? hook.payload_url === `${publicUrl.replace(/\/+$/, "")}/webhooks/discourse` : hook.payload_url.endsWith("/webhooks/discourse"),
  );
  let sent = 0;
  for (const hook of hooks) {
    const { web_hook_events: failed } = await admin.listWebhookEvents(hook.id, { status: "failed" });
    for (const event of failed) {
      if (sent >= PER_RUN) return sent;
      if (new Date(event.created_at).getTime() < since || event.redelivering) continue;
      const key = `webhook-redelivery-${hook.id}-${event.id}`;
      const tries = (await ctx.kv.get<number>(key)) ?? 0;
      if (tries >= MAX_TRIES) continue;
      await ctx.kv.set(key, tries + 1);
      await admin.redeliverWebhookEvent(hook.id, event.id);
      sent++;
    }
  }
  if (sent) ctx.log.info({ redelivered: sent }, "redelivered failed webhook deliveries");
  return sent;
}
