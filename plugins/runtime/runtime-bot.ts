import { defineBot } from "../app/define-bot.ts";
import type { Metrics } from "../metrics/create-metrics.ts";

/**
 * The runtime's own housekeeping, registered like any bot so it runs on the same schedules and
 * budget: retention of processed-event keys and idempotency keys, and the forum's health for metrics
 * (at most once a minute, never a reason to refuse webhooks).
 */
export function createRuntimeBot(metrics: Metrics | undefined) {
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
      app.every("* * * * *", "forum-health", async (ctx) => {
        const up = await ctx
          .discourseAs({ lane: "maintenance", account: "admin" })
          .health()
          .then((h) => Boolean(h))
          .catch(() => false);
        metrics?.forumUp.set(up ? 1 : 0);
      });
    },
  });
}
