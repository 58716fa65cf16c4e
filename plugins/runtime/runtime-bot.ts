import { defineBot } from "../app/define-bot.ts";
import type { Metrics } from "../metrics/create-metrics.ts";
import { redeliverFailedEvents } from "./redeliver-failed-events.ts";

/**
 * The runtime's own housekeeping, registered like any bot so it runs on the same schedules and
 * budget: retention of processed-event keys and idempotency keys, redelivery of webhook deliveries
 * that failed, and the forum's health for metrics (at most once a minute, never a reason to refuse
 * webhooks).
 */
export function createRuntimeBot(metrics: Metrics | undefined, forumHealth: () => Promise<{ ok: boolean }>) {
  return defineBot({
    name: "runtime",
    lane: "maintenance",
    account: "crisis",
    setup(app) {
      app.every("17 3 * * *", "retention", async (ctx) => {
        const days = ctx.config.retention.processedEventsDays;
        const before = new Date(ctx.clock.now().getTime() - days * 86_400_000);
        const pruned = await ctx.store.db.deleteFrom("processed_events").where("processed_at", "<", before).executeTakeFirst();
        const keys = await ctx.store.db.deleteFrom("idempotency_keys").where("created_at", "<", before).executeTakeFirst();
        ctx.log.info({ events: Number(pruned.numDeletedRows), keys: Number(keys.numDeletedRows) }, "retention pruned");
      });
      app.every("*/5 * * * *", "redeliver-failed", async (ctx) => {
        await redeliverFailedEvents(ctx, ctx.config.http.publicUrl);
      });
      app.every("* * * * *", "forum-health", async (ctx) => {
        const health = await forumHealth().catch(() => ({ ok: false }));
        metrics?.forumUp.set(health.ok ? 1 : 0);
        if (!health.ok) ctx.log.warn("the forum did not answer its health check");
      });
    },
  });
}
